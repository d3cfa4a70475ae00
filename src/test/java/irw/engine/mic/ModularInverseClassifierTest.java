package irw.engine.mic;

import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;
import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Modular Inverse Classification on real MNIST digits (sample-data/mnist), three classes (0, 1, 7)
 * so that the generators train in seconds: types from the training file, held-out digits from the test file.
 */
class ModularInverseClassifierTest {
    private static final Path MNIST = Path.of("sample-data", "mnist");
    private static final int[] DIGITS = {0, 1, 7};
    private static final MicConfig CONFIG = new MicConfig(4, TypeSelection.CLUSTERED, 20, 250, 4, 0.01, 0.2, 0.1, 50, 3);
    private static final InversionSettings INVERSION = new InversionSettings(30, 0.05, true, true);
    private static LabelledDataSet train;
    private static LabelledDataSet test;
    private static ModularInverseClassifier mic;
    private static MicClassification result;

    @BeforeAll
    static void trainAndClassify() throws Exception {
        train = digits(IdxFormat.read(MNIST.resolve("train-images-idx3-ubyte.gz"), MNIST.resolve("train-labels-idx1-ubyte.gz")), 100);
        test = digits(IdxFormat.read(MNIST.resolve("test-images-idx3-ubyte.gz"), MNIST.resolve("test-labels-idx1-ubyte.gz")), 15);
        mic = new MicTrainer(CONFIG).train(train, TrainingListener.NONE);
        result = mic.classify(test, INVERSION, TrainingListener.NONE);
    }

    /** The first n items of each of DIGITS, relabelled 0..2. */
    private static LabelledDataSet digits(LabelledDataSet all, int n) {
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < DIGITS.length; k++) {
            int[] members = all.indicesOfClass(DIGITS[k]);
            for (int i = 0; i < n; i++) {
                x.add(all.items()[members[i]]);
                y.add(k);
                ids.add(all.ids().get(members[i]));
            }
        }
        return new LabelledDataSet(x.toArray(float[][]::new), all.shape(), y.stream().mapToInt(Integer::intValue).toArray(), ids,
                new ClassSet(List.of("0", "1", "7")));
    }

    /**
     * The Digits view's reconstruction of one item (issue 17, item 4): the same input fit as
     * classification, so the same errors and winner; each reconstruction is the generator's output,
     * its error the item's mean squared error against it; a cancel throws.
     */
    @Test
    void reconstructingOneItemGivesEachGeneratorsOutputAndAgreesWithClassification() {
        int item = 4;
        List<Integer> done = new ArrayList<>();
        MicReconstruction r = mic.reconstruct(test.items()[item], INVERSION, done::add, () -> false);
        assertThat(done).containsExactly(1, 2, 3);
        assertThat(r.winner()).isEqualTo(result.predicted()[item]);
        for (int k = 0; k < 3; k++) {
            assertThat(r.errors()[k]).isCloseTo(result.errors()[item][k], within(1e-4));
            double mse = 0;
            for (int i = 0; i < r.reconstructions()[k].length; i++) {
                double d = r.reconstructions()[k][i] - test.items()[item][i];
                mse += d * d;
            }
            assertThat(mse / r.reconstructions()[k].length).isCloseTo(r.errors()[k], within(1e-5));
        }
        assertThat(r.runnerUp()).isNotEqualTo(r.winner()).isBetween(0, 2);
        assertThatThrownBy(() -> mic.reconstruct(test.items()[item], INVERSION, k -> { }, () -> true))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> mic.reconstruct(new float[10], INVERSION, k -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 values");
    }

    @Test
    void eachGeneratorReconstructsHeldOutDigitsOfItsOwnClassBest() {
        // Section 3.4: the diagonal of the class x generator error matrix is the darkest entry of its row.
        for (int k = 0; k < DIGITS.length; k++) {
            double[] meanError = new double[DIGITS.length];
            int[] members = test.indicesOfClass(k);
            for (int i : members) {
                for (int g = 0; g < DIGITS.length; g++) {
                    meanError[g] += result.errors()[i][g] / members.length;
                }
            }
            for (int g = 0; g < DIGITS.length; g++) {
                if (g != k) {
                    assertThat(meanError[k]).as("digit %d: own generator vs generator %d", DIGITS[k], DIGITS[g]).isLessThan(meanError[g]);
                }
            }
        }
    }

    @Test
    void inverseClassificationIsWellAboveChance() {
        assertThat(result.accuracy(test.labels())).isGreaterThan(0.7); // chance is 1/3
        assertThat(result.predicted()).hasSize(test.size());
    }

    @Test
    void gradientDescentOnTheInputLowersTheReconstructionError() {
        int lower = 0;
        double before = 0;
        double after = 0;
        for (int i = 0; i < test.size(); i++) {
            for (int g = 0; g < DIGITS.length; g++) {
                lower += result.errors()[i][g] < result.startErrors()[i][g] ? 1 : 0;
                before += result.startErrors()[i][g];
                after += result.errors()[i][g];
            }
        }
        assertThat(after).isLessThan(before);
        assertThat(lower).isGreaterThan(test.size() * DIGITS.length * 7 / 10);
    }

    @Test
    void classificationLeavesTheGeneratorWeightsUnchanged() {
        List<float[]> before = mic.generators().stream().map(SequenceGenerator::parameters).toList();
        mic.classify(test, new InversionSettings(5, 20.0, false, false), TrainingListener.NONE);
        for (int k = 0; k < DIGITS.length; k++) {
            assertThat(mic.generators().get(k).parameters()).containsExactly(before.get(k));
        }
    }

    @Test
    void theInputGradientMatchesFiniteDifferences() {
        SequenceGenerator g = mic.generators().get(2);
        float[][] target = {test.items()[test.indicesOfClass(2)[0]]};
        float[][] x = {{0.3f, 0.2f, 0.4f, 0.1f}};
        float[] analytic = g.inputGradient(x, target)[0];
        double h = 1e-2;
        for (int j = 0; j < 4; j++) {
            float[][] plus = {x[0].clone()};
            float[][] minus = {x[0].clone()};
            plus[0][j] += (float) h;
            minus[0][j] -= (float) h;
            double numeric = (g.errors(plus, target)[0] - g.errors(minus, target)[0]) / (2 * h);
            assertThat((double) analytic[j]).as("d mse / d x_%d", j).isCloseTo(numeric, within(0.05 * Math.abs(numeric) + 1e-4));
        }
    }

    @Test
    void theSameSeedTrainsTheSameGeneratorsAndTheModelSurvivesSaveAndLoad(@TempDir Path dir) throws IOException {
        LabelledDataSet small = train.subset(java.util.stream.IntStream.range(0, train.size()).filter(i -> i % 10 == 0).toArray());
        MicConfig quick = new MicConfig(2, TypeSelection.RANDOM, 8, 5, 1, 0.01, 0.2, 0.1, 50, 11);
        ModularInverseClassifier a = new MicTrainer(quick).train(small, TrainingListener.NONE);
        ModularInverseClassifier b = new MicTrainer(quick).train(small, TrainingListener.NONE);
        for (int k = 0; k < DIGITS.length; k++) {
            assertThat(b.generators().get(k).parameters()).containsExactly(a.generators().get(k).parameters());
            assertThat(b.typeIds().get(k)).isEqualTo(a.typeIds().get(k));
        }
        MicModelFiles.save(mic, dir);
        ModularInverseClassifier loaded = MicModelFiles.load(dir);
        assertThat(loaded.classes()).isEqualTo(mic.classes());
        assertThat(loaded.config()).isEqualTo(mic.config());
        float[][] start = {{1, 0, 0, 0}, {0.25f, 0.25f, 0.25f, 0.25f}};
        float[][] targets = {test.items()[0], test.items()[20]};
        for (int k = 0; k < DIGITS.length; k++) {
            assertThat(loaded.generators().get(k).parameters()).containsExactly(mic.generators().get(k).parameters());
            assertThat(loaded.generators().get(k).errors(start, targets)).containsExactly(mic.generators().get(k).errors(start, targets));
        }
        Files.write(dir.resolve("generator-1.bin"), new byte[]{1, 2, 3});
        assertThatThrownBy(() -> MicModelFiles.load(dir)).isInstanceOf(IOException.class).hasMessageContaining("generator-1.bin");
        Files.delete(dir.resolve("generator-1.bin"));
        assertThatThrownBy(() -> MicModelFiles.load(dir)).hasMessageContaining("generator-1.bin").hasMessageContaining("missing");
    }

    @Test
    void cancellingTrainingOrClassificationThrows() {
        AtomicInteger steps = new AtomicInteger();
        TrainingListener stopAfterThree = new TrainingListener() {
            @Override
            public void onMetrics(TrainingMetrics p) {
                steps.incrementAndGet();
                assertThat(p.position().classIndex()).isZero();
                assertThat(p.values()).containsKey("loss");
            }

            @Override
            public boolean isCancelled() {
                return steps.get() >= 3;
            }
        };
        assertThatThrownBy(() -> new MicTrainer(CONFIG).train(train, stopAfterThree)).isInstanceOf(CancellationException.class);
        assertThat(steps.get()).isEqualTo(3);
        assertThatThrownBy(() -> mic.classify(test, INVERSION, new TrainingListener() {
            @Override
            public void onMetrics(TrainingMetrics p) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void refusesItemsOfTheWrongLengthAndPatternsThatDoNotSplitIntoChunks() {
        LabelledDataSet wrong = new LabelledDataSet(new float[][]{new float[10]}, new int[]{10}, new int[]{0}, List.of("x"), mic.classes());
        assertThatThrownBy(() -> mic.classify(wrong, INVERSION, TrainingListener.NONE)).hasMessageContaining("10 values");
        assertThatThrownBy(() -> SequenceLayout.of(new int[]{2000}, 30)).hasMessageContaining("2000");
        assertThat(SequenceLayout.of(new int[]{2000}, 50)).isEqualTo(new SequenceLayout(40, 50));
    }
}
