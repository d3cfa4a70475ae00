package irw.engine;

import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PerPatternRefinerTest {
    private static PrototypicalClassifier classifier;
    private static PerPatternRefiner refiner;
    private static LabelledDataSet digits;

    @BeforeAll
    static void setUp() throws Exception {
        classifier = TestData.digitClassifier();
        refiner = new PerPatternRefiner(classifier);
        digits = TestData.mnist("test", 1);
    }

    @Test
    void targetedRefinementRaisesTheTargetProbabilityStepByStep() {
        float[] seven = digits.items()[7];
        int target = 1; // refine a real 7 toward a 1
        RefinementTrace trace = refiner.refine(seven, PerPatternRefiner.Settings.of(0.01, 0.5, target), () -> false);
        assertThat(trace.steps()).isEqualTo(15);
        assertThat(trace.patterns()).hasSize(16);
        assertThat(trace.probabilities()).hasSize(16);
        assertThat(trace.patterns().get(0)).containsExactly(seven);
        assertThat(trace.finalProbabilities()[target]).isGreaterThan(3 * trace.probabilities().get(0)[target]);
        assertThat(trace.objective().get(15)).isLessThan(trace.objective().get(0));
        for (float v : trace.refined()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void zeroStepsReturnTheInputWithItsProbabilities() {
        float[] x = digits.items()[3];
        RefinementTrace trace = refiner.refine(x, new PerPatternRefiner.Settings(0.01, 1.0, -1, 0, 0.05), () -> false);
        assertThat(trace.refined()).containsExactly(x);
        assertThat(trace.steps()).isZero();
        assertThat(trace.finalProbabilities()).containsExactly(classifier.classify(new float[][]{x}).probabilities()[0], within(1e-5f));
        assertThat(trace.cancelled()).isFalse();
    }

    @Test
    void cancellationStopsAtTheNextStep() {
        AtomicInteger polls = new AtomicInteger();
        RefinementTrace trace = refiner.refine(digits.items()[0], PerPatternRefiner.Settings.of(0.01, 0.0, 2),
                () -> polls.incrementAndGet() > 2);
        assertThat(trace.cancelled()).isTrue();
        assertThat(trace.steps()).isEqualTo(2);
    }

    @Test
    void theObserverSeesOnlyTheStepsItWantsAndThoseAreTheTracesPatterns() {
        float[] x = digits.items()[4];
        java.util.Map<Integer, float[]> seen = new java.util.TreeMap<>();
        PerPatternRefiner.StepObserver powersOfTwo = PerPatternRefiner.StepObserver.of(step -> Integer.bitCount(step) == 1, seen::put);
        RefinementTrace trace = refiner.refine(x, new PerPatternRefiner.Settings(0.01, 0.5, 3, 6, 0.05), () -> false, powersOfTwo);
        assertThat(seen).containsOnlyKeys(1, 2, 4);
        seen.forEach((step, pattern) -> assertThat(pattern).containsExactly(trace.patterns().get(step)));
    }

    @Test
    void theCachedGraphGivesTheSameTraceAsAFreshRefiner() {
        float[] x = digits.items()[5];
        PerPatternRefiner.Settings s = new PerPatternRefiner.Settings(0.007, 0.3, 4, 6, 0.05);
        refiner.refine(digits.items()[2], PerPatternRefiner.Settings.of(0.02, 1.0, 4), () -> false); // other values through the same graph first
        RefinementTrace cached = refiner.refine(x, s, () -> false);
        RefinementTrace fresh = new PerPatternRefiner(classifier).refine(x, s, () -> false);
        assertThat(cached.steps()).isEqualTo(fresh.steps()).isEqualTo(6);
        for (int i = 0; i <= 6; i++) {
            assertThat(cached.patterns().get(i)).containsExactly(fresh.patterns().get(i));
            assertThat(cached.objective().get(i)).isEqualTo(fresh.objective().get(i));
        }
    }

    @Test
    void aPreparedRefinerGivesTheSameTraceAsOneBuiltOnFirstUse() {
        float[] x = digits.items()[6];
        PerPatternRefiner.Settings s = new PerPatternRefiner.Settings(0.01, 0.5, -1, 5, 0.05);
        PerPatternRefiner prepared = new PerPatternRefiner(classifier);
        prepared.prepare(false);
        RefinementTrace a = prepared.refine(x, s, () -> false);
        RefinementTrace b = new PerPatternRefiner(classifier).refine(x, s, () -> false);
        assertThat(a.steps()).isEqualTo(b.steps()).isEqualTo(5);
        assertThat(a.refined()).containsExactly(b.refined());
        assertThat(a.objective()).isEqualTo(b.objective());
    }

    /**
     * L = ℓ_pred + α·||r − x||₁ + β·ℓ_proto (eq. 3, as the trained refiner's loss), recomputed here
     * from the classifier's own probabilities, embeddings and prototypes after the first two steps.
     */
    @Test
    void theObjectiveIsEquationThreeAsForTheTrainedRefiner() {
        float[] x = digits.items()[4];
        int target = 9;
        double alpha = 0.03, beta = 0.4;
        RefinementTrace trace = refiner.refine(x, new PerPatternRefiner.Settings(alpha, beta, target, 2, 0.05), () -> false);
        for (int i = 1; i <= 2; i++) {
            float[] xi = trace.patterns().get(i);
            double reg = 0;
            for (int j = 0; j < x.length; j++) {
                reg += Math.abs(xi[j] - x[j]);
            }
            Classification c = classifier.classify(new float[][]{xi});
            double lPred = -Math.log(c.probabilities()[0][target]);
            double lProto = -prototypeLogProbability(c.embeddings()[0], classifier.prototypes(), target);
            double expected = lPred + alpha * reg + beta * lProto;
            assertThat(trace.objective().get(i)).isCloseTo(expected, within(1e-3 * Math.max(1, Math.abs(expected))));
            assertThat(reg).isPositive();
        }
    }

    @Test
    void alphaHoldsTheRefinedPatternCloserToTheInput() {
        float[] x = digits.items()[7];
        double[] distance = new double[3];
        double[] alphas = {0.0, 0.01, 0.2};
        RefinementTrace[] traces = new RefinementTrace[3];
        for (int a = 0; a < 3; a++) {
            traces[a] = refiner.refine(x, new PerPatternRefiner.Settings(alphas[a], 0.5, 1, 30, 0.05), () -> false);
            float[] r = traces[a].refined();
            for (int j = 0; j < x.length; j++) {
                distance[a] += Math.abs(r[j] - x[j]);
            }
        }
        assertThat(distance[0]).isGreaterThan(distance[1]);
        assertThat(distance[1]).isGreaterThan(distance[2]);
        // without the closeness term the classifier alone pulls hardest toward the target
        assertThat(traces[0].finalProbabilities()[1]).isGreaterThanOrEqualTo(traces[2].finalProbabilities()[1]);
    }

    @Test
    void invalidWeightsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> new PerPatternRefiner.Settings(-1, 0.5, -1, 10, 0.05)).hasMessageContaining("alpha -1.0");
        assertThatThrownBy(() -> new PerPatternRefiner.Settings(1, Double.NaN, -1, 10, 0.05)).hasMessageContaining("beta NaN");
        assertThatThrownBy(() -> new PerPatternRefiner(classifier, -1)).hasMessageContaining("nativeThreads");
    }

    private static double prototypeLogProbability(float[] e, float[][] prototypes, int k) {
        double[] z = new double[prototypes.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < prototypes.length; c++) {
            double d = 0;
            for (int j = 0; j < e.length; j++) {
                d += (double) (e[j] - prototypes[c][j]) * (e[j] - prototypes[c][j]);
            }
            z[c] = -d;
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return z[k] - max - Math.log(sum);
    }
}
