package irw.experiments;

import irw.core.data.ClassBalancedSubset;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DataSplitsTest {
    private static final Path MNIST = Path.of("sample-data/mnist");

    private static LabelledDataSet mnistTest() throws Exception {
        return IdxFormat.read(MNIST.resolve("test-images-idx3-ubyte.gz"), MNIST.resolve("test-labels-idx1-ubyte.gz"));
    }

    @Test
    void firstOfEachClassTakesTheFirstNOfEachDigitInFileOrder() throws Exception {
        LabelledDataSet test = mnistTest();
        LabelledDataSet five = ClassBalancedSubset.exactlyFirstOfEachClass(test, 5);
        assertThat(five.size()).isEqualTo(50);
        for (int k = 0; k < 10; k++) {
            assertThat(five.indicesOfClass(k)).hasSize(5);
        }
        // The bundled subset is grouped by class, 200 per class (sample-data/mnist/SOURCE.md): the
        // first "7" is item 1400 and the fifth is item 1404.
        int[] sevens = five.indicesOfClass(7);
        assertThat(five.ids().get(sevens[0])).isEqualTo(test.ids().get(1400));
        assertThat(five.ids().get(sevens[4])).isEqualTo(test.ids().get(1404));
        assertThat(ClassBalancedSubset.firstOfEachClass(test, 5).ids()).isEqualTo(five.ids());
        assertThatThrownBy(() -> ClassBalancedSubset.exactlyFirstOfEachClass(DataSplits.head(test, 20), 5)).hasMessageContaining("has only");
        assertThat(ClassBalancedSubset.firstOfEachClass(DataSplits.head(test, 20), 5).size()).isEqualTo(5); // only zeros in the first 20
        // file order, not class-major: a subset of a shuffled set keeps the set's order
        LabelledDataSet shuffled = test.subset(new int[]{1401, 3, 1400, 2, 1});
        assertThat(ClassBalancedSubset.firstOfEachClass(shuffled, 1).ids()).containsExactly(test.ids().get(1401), test.ids().get(3));
    }

    @Test
    void samplePerClassIsSeeded() throws Exception {
        LabelledDataSet data = DataSplits.samplePerClass(mnistTest(), 70, 3);
        assertThat(data.size()).isEqualTo(700);
        assertThat(DataSplits.samplePerClass(mnistTest(), 70, 3).ids()).isEqualTo(data.ids());
        assertThat(DataSplits.samplePerClass(mnistTest(), 70, 4).ids()).isNotEqualTo(data.ids());
        LabelledDataSet sample = DataSplits.samplePerClass(data, 3, 1);
        assertThat(sample.size()).isEqualTo(30);
    }

    @Test
    void groundTruthDistancesAreZeroForTheSameShapeAndGrowWithNoise() {
        float[] truth = new float[200];
        float[] noisy = new float[200];
        float[] scaled = new float[200];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = (float) Math.exp(-Math.pow((i - 80) / 4.0, 2)) + 0.5f * (float) Math.exp(-Math.pow((i - 150) / 3.0, 2));
            scaled[i] = 37 * truth[i];
            noisy[i] = truth[i] + 0.05f * (float) Math.sin(i * 1.7) + 0.05f;
        }
        Map<String, Double> same = GroundTruthDistances.summarise(new float[][]{scaled}, new float[][]{truth});
        assertThat(same.get("l1 mean")).isCloseTo(0, within(1e-5));
        assertThat(same.get("KL median")).isCloseTo(0, within(1e-6));
        assertThat(same.get("NCC mean")).isCloseTo(1, within(1e-9));
        Map<String, Double> off = GroundTruthDistances.summarise(new float[][]{noisy, scaled, noisy}, new float[][]{truth, truth, truth});
        assertThat(off.get("l1 mean")).isGreaterThan(1);
        assertThat(off.get("l1 median")).isEqualTo(GroundTruthDistances.summarise(new float[][]{noisy}, new float[][]{truth}).get("l1 mean"));
        assertThat(off.get("NCC mean")).isLessThan(1);
        assertThatThrownBy(() -> GroundTruthDistances.summarise(new float[][]{noisy}, new float[0][])).hasMessageContaining("ground-truth");
    }
}
