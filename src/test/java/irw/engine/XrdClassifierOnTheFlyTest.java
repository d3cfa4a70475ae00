package irw.engine;

import irw.core.ClassSet;
import irw.core.TwoThetaGrid;
import irw.engine.net.ModelSpec;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.io.PatternReaders;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.TrainingPatternSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The XRD classifier path end to end on a few real structures: on-the-fly training, calibration, the
 * model file carrying its preprocessing and temperature, and the verdicts on real measured files.
 */
class XrdClassifierOnTheFlyTest {
    private static PrototypicalClassifier model;

    @BeforeAll
    static void trainTiny() throws Exception {
        List<CrystalStructure> library = StructureLibrary.read(Path.of("sample-data/structure-library/amcsd.cif.gz")).structures();
        List<CrystalStructure> some = library.stream().filter(s -> s.crystalSystem().isPresent()).limit(120).toList();
        TrainingPatternSource train = new TrainingPatternSource(some.subList(0, 100), 7, TwoThetaGrid.DEFAULT,
                TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 3);
        TrainingPatternSource heldOut = new TrainingPatternSource(some.subList(100, 120), 7, TwoThetaGrid.DEFAULT,
                TrainingPatternSource.Augmentation.PHYSICAL, 1, 4);
        ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(0, 1, 2, 2e-3, 5, ModelSpec.SMALL,
                ClassifierTrainingConfig.PAPER_MOMENTUM, 3);
        model = new ClassifierTrainer(cfg).train(train, heldOut, ClassSet.CRYSTAL_SYSTEMS,
                Preprocessing.forPatterns(ModelInputPreparation.standard(TwoThetaGrid.DEFAULT)), TrainingListener.NONE).model();
    }

    @Test
    void trainingCalibratesOnTheHeldOutStructuresAndRecordsIt() {
        Calibration c = model.calibration();
        assertThat(c.isCalibrated()).isTrue();
        assertThat(c.temperature()).isPositive();
        assertThat(c.heldOut()).contains("validation structures");
        assertThat(c.items()).isEqualTo(2100);
        assertThat(c.nllAfter()).isLessThanOrEqualTo(c.nllBefore() + 1e-9);
        assertThat(c.uncertainBelow()).isBetween(0.5, 0.95);
    }

    @Test
    void theModelFileCarriesThePreprocessingAndTheCalibration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("xrd.irwm");
        ModelStore.save(model, file);
        PrototypicalClassifier back = ModelStore.loadClassifier(file);
        assertThat(back.preprocessing()).isEqualTo(model.preprocessing());
        assertThat(back.calibration().temperature()).isEqualTo(model.calibration().temperature());
        var mno = PatternReaders.read(Path.of("sample-data/measured/MnO.xy")).get(0);
        float[] item = back.preprocessing().apply(mno);
        assertThat(back.classify(new float[][]{item}).probabilities()[0])
                .containsExactly(model.classify(new float[][]{model.preprocessing().apply(mno)}).probabilities()[0]);
    }

    @Test
    void aFormatOneXrdClassifierIsRefusedWithTheReasonAndTheRemedy(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("old.irwm");
        try (OutputStream os = Files.newOutputStream(old); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(("{\"format\":\"irw-model\",\"formatVersion\":1,\"kind\":\"classifier\",\"spec\":\"small\",\"itemShape\":[2000],"
                    + "\"classes\":[\"a\",\"b\"],\"grid\":{\"start\":5,\"end\":80,\"points\":2000,\"kAlpha1\":1.5406,\"kAlpha2Ratio\":0},"
                    + "\"normalisation\":\"MAX\",\"arrays\":[]}").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ModelStore.loadClassifier(old)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(old.toString()).hasMessageContaining("predates measured-range masks").hasMessageContaining("retrain");
    }

    @Test
    void aPartialScanIsRefusedAsTooLittleMeasuredAndAWeakAnswerIsShownAsUncertain() throws Exception {
        var narrow = PatternReaders.read(Path.of("sample-data/instrument-files/23-012-AG_2thomegascan_long.brml")).get(0);
        Verdict v = Verdict.refused(model.preprocessing().prepare(narrow));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.TOO_LITTLE_MEASURED);
        assertThat(v.describe(model.classes())).startsWith("too little of the pattern measured");
        Verdict weak = Verdict.of(new float[]{0.3f, 0.25f, 0.1f, 0.1f, 0.1f, 0.1f, 0.05f}, Calibration.NONE);
        assertThat(weak.kind()).isEqualTo(Verdict.Kind.UNCERTAIN);
        assertThat(weak.describe(model.classes())).isEqualTo("uncertain: triclinic 30 % or monoclinic 25 %");
        Verdict sure = Verdict.of(new float[]{0.05f, 0.8f, 0.05f, 0.05f, 0.05f, 0f, 0f}, Calibration.NONE);
        assertThat(sure.describe(model.classes())).isEqualTo("monoclinic (80 %)");
    }
}
