package irw.engine.refinery;

import irw.core.data.ClassBalancedSubset;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;
import irw.engine.net.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Label Refinery on real MNIST digits (sample-data/mnist): 30 training and 20 test digits per class. */
class LabelRefineryTest {
    private static final Path MNIST = Path.of("sample-data", "mnist");
    private static final RefineryConfig CONFIG = new RefineryConfig(1, 1, 8, ModelSpec.SMALL, 0, 3e-3, 7, 40);
    private static LabelledDataSet train;
    private static Map<String, LabelledDataSet> test;
    private static RefineryOutcome outcome;

    @BeforeAll
    static void run() throws Exception {
        train = ClassBalancedSubset.firstOfEachClass(
                IdxFormat.read(MNIST.resolve("train-images-idx3-ubyte.gz"), MNIST.resolve("train-labels-idx1-ubyte.gz")), 30);
        test = Map.of("test", ClassBalancedSubset.firstOfEachClass(
                IdxFormat.read(MNIST.resolve("test-images-idx3-ubyte.gz"), MNIST.resolve("test-labels-idx1-ubyte.gz")), 20));
        outcome = new LabelRefinery(CONFIG).run(train, test, TrainingListener.NONE);
    }

    @Test
    void everyRoundClassifiesHeldOutDigitsWellAboveChance() {
        assertThat(outcome.cancelled()).isFalse();
        assertThat(outcome.rounds()).hasSize(2);
        for (RefineryRound r : outcome.rounds()) {
            assertThat(r.accuracy().get("test")).as("round %d", r.round()).isGreaterThan(0.5); // chance is 0.1
        }
        assertThat(outcome.rounds().get(0).targetEntropy()).isZero();
        assertThat(outcome.rounds().get(1).targetEntropy()).isPositive();
    }

    @Test
    void softLabelsAreDistributionsFromThePreviousModel() {
        float[][] soft = outcome.targets().get(1);
        assertThat(soft).hasNumberOfRows(train.size());
        for (float[] row : soft) {
            double sum = 0;
            for (float p : row) {
                assertThat(p).isBetween(0f, 1f);
                sum += p;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
        }
        // Model 0 of a 0-round run with the same seed is the same model 0: its softmax outputs are round 1's targets.
        RefineryOutcome zero = new LabelRefinery(new RefineryConfig(0, CONFIG.epochs(), CONFIG.samplesPerClass(), CONFIG.spec(),
                CONFIG.lambda(), CONFIG.learningRate(), CONFIG.seed(), CONFIG.stepsPerEpoch())).run(train, Map.of(), TrainingListener.NONE);
        float[][] fromModel0 = zero.last().classify(zero.last().preprocessing().apply(train.items())).probabilities();
        for (int i = 0; i < soft.length; i++) {
            assertThat(soft[i]).as("item %d", i).containsExactly(fromModel0[i]);
        }
        // The soft labels are the model's, not the truth: not every row's arg-max can be its label on 300 digits after 2 epochs.
        assertThat(outcome.rounds().get(1).targetAgreement()).isGreaterThan(0.8).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theSameSeedReproducesEveryRound() {
        RefineryOutcome again = new LabelRefinery(CONFIG).run(train, test, TrainingListener.NONE);
        assertThat(weights(again.last())).containsExactly(weights(outcome.last()));
        for (int k = 0; k < 2; k++) {
            assertThat(again.rounds().get(k).accuracy()).isEqualTo(outcome.rounds().get(k).accuracy());
            assertThat(again.rounds().get(k).seed()).isEqualTo(outcome.rounds().get(k).seed());
        }
        RefineryOutcome other = new LabelRefinery(new RefineryConfig(0, 1, 8, ModelSpec.SMALL, 0, 3e-3, 8, 5)).run(train, Map.of(), TrainingListener.NONE);
        RefineryOutcome same = new LabelRefinery(new RefineryConfig(0, 1, 8, ModelSpec.SMALL, 0, 3e-3, 7, 5)).run(train, Map.of(), TrainingListener.NONE);
        assertThat(Arrays.equals(weights(other.last()), weights(same.last()))).isFalse();
    }

    @Test
    void cancellingStopsAfterTheCurrentStepAndKeepsFinishedRounds() {
        AtomicLong steps = new AtomicLong();
        List<TrainingMetrics> evaluations = new java.util.ArrayList<>();
        long perRound = new LabelRefinery(CONFIG).stepsPerRound(train);
        RefineryOutcome cut = new LabelRefinery(CONFIG).run(train, test, new TrainingListener() {
            @Override
            public void onMetrics(TrainingMetrics p) {
                steps.set(p.step());
                assertThat(p.totalSteps()).isEqualTo(2 * perRound);
                assertThat(p.position().round()).isEqualTo(p.step() <= perRound ? 0 : 1);
            }

            @Override
            public void onEvaluation(TrainingMetrics e) {
                evaluations.add(e);
            }

            @Override
            public boolean isCancelled() {
                return steps.get() >= perRound + 3;
            }
        });
        assertThat(cut.cancelled()).isTrue();
        assertThat(steps.get()).isEqualTo(perRound + 3);
        assertThat(cut.rounds()).hasSize(1);
        assertThat(cut.last()).isNotNull();
        assertThat(evaluations).singleElement().satisfies(e -> {
            assertThat(e.position().round()).isZero();
            assertThat(e.step()).isEqualTo(perRound);
            assertThat(e.values()).containsKeys("accuracy_test", "targetAgreement", "targetEntropy");
            assertThat(e.value("accuracy_test")).isEqualTo(cut.rounds().get(0).accuracy().get("test"));
        });
    }

    @Test
    void refusesNaNAndMismatchedHeldOutSets() {
        float[][] x = {new float[]{Float.NaN, 0}, new float[]{1, 0}};
        LabelledDataSet bad = new LabelledDataSet(x, new int[]{2}, new int[]{0, 1}, List.of("a", "b"), irw.core.ClassSet.DIGITS);
        assertThatThrownBy(() -> new LabelRefinery(CONFIG).run(bad, Map.of(), TrainingListener.NONE)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new LabelRefinery(CONFIG).run(train, Map.of("tiny", bad), TrainingListener.NONE))
                .hasMessageContaining("tiny").hasMessageContaining("784");
    }

    /** Every weight of a classifier, in name order. */
    static float[] weights(irw.engine.PrototypicalClassifier c) {
        return new java.util.TreeMap<>(c.parameters()).values().stream()
                .map(a -> a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat())
                .reduce(new float[0], (a, b) -> {
                    float[] r = Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, r, a.length, b.length);
                    return r;
                });
    }
}
