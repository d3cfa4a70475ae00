package irw.experiments;

import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DataSplitsTest {
    private static final Path MNIST = Path.of("sample-data/mnist");

    private static LabelledDataSet mnistTest() throws Exception {
        return IdxFormat.read(MNIST.resolve("test-images-idx3-ubyte.gz"), MNIST.resolve("test-labels-idx1-ubyte.gz"));
    }

    @Test
    void firstPerClassTakesTheFirstNOfEachDigitInFileOrder() throws Exception {
        LabelledDataSet test = mnistTest();
        LabelledDataSet five = DataSplits.firstPerClass(test, 5);
        assertThat(five.size()).isEqualTo(50);
        for (int k = 0; k < 10; k++) {
            assertThat(five.indicesOfClass(k)).hasSize(5);
        }
        // The bundled subset is grouped by class, 200 per class (sample-data/mnist/SOURCE.md): the
        // first "7" is item 1400 and the fifth is item 1404.
        int[] sevens = five.indicesOfClass(7);
        assertThat(five.ids().get(sevens[0])).isEqualTo(test.ids().get(1400));
        assertThat(five.ids().get(sevens[4])).isEqualTo(test.ids().get(1404));
        assertThat(DataSplits.firstPerClass(test, 5).ids()).isEqualTo(five.ids());
        assertThatThrownBy(() -> DataSplits.firstPerClass(DataSplits.head(test, 20), 5)).hasMessageContaining("has only");
    }

    @Test
    void stratifiedSplitIsDisjointSeededAndKeepsEveryClassOnBothSides() throws Exception {
        LabelledDataSet data = DataSplits.samplePerClass(mnistTest(), 70, 3);
        DataSplits.Split s = DataSplits.stratified(data, 0.3, 7);
        Set<Integer> all = new HashSet<>();
        Arrays.stream(s.train()).forEach(all::add);
        Arrays.stream(s.test()).forEach(all::add);
        assertThat(all).hasSize(700);
        assertThat(s.test().length).isBetween(200, 220);
        for (int k = 0; k < 10; k++) {
            assertThat(data.subset(s.test()).indicesOfClass(k)).isNotEmpty();
            assertThat(data.subset(s.train()).indicesOfClass(k)).isNotEmpty();
        }
        assertThat(DataSplits.stratified(data, 0.3, 7).test()).isEqualTo(s.test());
        assertThat(DataSplits.stratified(data, 0.3, 8).test()).isNotEqualTo(s.test());
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
