package irw;

import irw.core.data.LabelledDataSet;
import irw.experiments.xrd.XrdData;
import irw.service.DataSetFiles;
import irw.service.LearningData;
import irw.xrd.synth.XrdDataSets;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 16: which XRD patterns train and test what has one owner, {@link XrdDataSets}, and
 * the CLI's source, the service's data files, the learning-set runners and {@code reproduce} all
 * get the same sets from it (on the bundled data set).
 */
class DataRolesTest {
    private static final Path XRD = Path.of("sample-data/datasets/xrd");

    @Test
    void everyCallerGetsItsXrdDataFromTheOneOwner() throws Exception {
        XrdDataSets sets = XrdDataSets.load(XRD);
        LabelledDataSet refinerTrain = sets.refinerTrainingSet();
        LabelledDataSet refinerTest = sets.refinerTestSet();
        assertThat(refinerTrain.size() + refinerTest.size()).isEqualTo(240);
        assertThat(new HashSet<>(refinerTrain.ids())).doesNotContainAnyElementsOf(new HashSet<>(refinerTest.ids()));
        for (int k = 0; k < 7; k++) { // halved within each class: 35 monoclinic = 18 + 17, the one triclinic trains
            int all = sets.imperfect().indicesOfClass(k).length;
            assertThat(refinerTrain.indicesOfClass(k)).as("class %d in training", k).hasSize((all + 1) / 2);
            assertThat(refinerTest.indicesOfClass(k)).as("class %d in test", k).hasSize(all / 2);
        }
        Set<String> classifierStructures = new HashSet<>(sets.classifierTrainingSet().ids());
        assertThat(classifierStructures).doesNotContainAnyElementsOf(sets.imperfect().ids());

        // the service: ideal.npz trains a classifier on the classifier's set, imperfect.npz a refiner on the refiner's (not on what evaluate scores)
        assertThat(DataSetFiles.load(XRD.resolve(XrdDataSets.IDEAL), "data.train").ids()).isEqualTo(sets.classifierTrainingSet().ids());
        assertThat(DataSetFiles.load(XRD.resolve(XrdDataSets.IMPERFECT), "data.train").ids()).isEqualTo(refinerTrain.ids());
        // the learning-set runners (label-refinery, mic) evaluate on the refiner's test set
        LearningData learning = LearningData.load(LearningData.XRD, XRD, 0, 0);
        assertThat(learning.train().ids()).isEqualTo(sets.classifierTrainingSet().ids());
        assertThat(learning.heldOut().get("imperfect").ids()).isEqualTo(refinerTest.ids());
        // reproduce
        XrdData reproduce = XrdData.load(XRD);
        assertThat(reproduce.ideal().ids()).isEqualTo(sets.classifierTrainingSet().ids());
        assertThat(reproduce.refinerTrain().ids()).isEqualTo(refinerTrain.ids());
        assertThat(reproduce.refinerTest().ids()).isEqualTo(refinerTest.ids());
        assertThat(reproduce.testGroundTruth()[5]).isEqualTo(sets.groundTruth()[sets.refinerIndices(false)[5]]);
        assertThat(Arrays.stream(sets.refinerIndices(true)).sum() + Arrays.stream(sets.refinerIndices(false)).sum())
                .isEqualTo(239 * 240 / 2);
    }
}
