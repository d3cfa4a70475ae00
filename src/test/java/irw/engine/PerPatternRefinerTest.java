package irw.engine;

import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PerPatternRefinerTest {
    private static PerPatternRefiner refiner;
    private static LabelledDataSet digits;

    @BeforeAll
    static void setUp() throws Exception {
        refiner = new PerPatternRefiner(TestData.digitClassifier());
        digits = TestData.mnist("test", 1);
    }

    @Test
    void targetedRefinementRaisesTheTargetProbabilityStepByStep() {
        float[] seven = digits.items()[7];
        int target = 1; // refine a real 7 toward a 1
        RefinementTrace trace = refiner.refine(seven, PerPatternRefiner.Settings.of(0.9, 0.5, target), () -> false);
        assertThat(trace.steps()).isEqualTo(15);
        assertThat(trace.patterns()).hasSize(16);
        assertThat(trace.patterns().get(0)).containsExactly(seven);
        assertThat(trace.finalProbabilities()[target]).isGreaterThan(3 * trace.probabilities().get(0)[target]);
        assertThat(trace.objective().get(15)).isLessThan(trace.objective().get(0));
        for (float v : trace.refined()) {
            assertThat(v).isBetween(0f, 1f);
        }
        for (int steps : new int[]{15, 30, 60}) {
            long t0 = System.nanoTime();
            refiner.refine(seven, new PerPatternRefiner.Settings(0.5, 0.0, -1, steps, 0.05), () -> false);
            System.out.printf("per-digit refinement, %d steps: %.3f s%n", steps, (System.nanoTime() - t0) / 1e9);
        }
    }

    @Test
    void lambdaZeroKeepsTheInput() {
        float[] x = digits.items()[3];
        RefinementTrace trace = refiner.refine(x, PerPatternRefiner.Settings.of(0.0, 1.0, -1), () -> false);
        assertThat(trace.refined()).containsExactly(x);
    }

    @Test
    void cancellationStopsAtTheNextStep() {
        AtomicInteger polls = new AtomicInteger();
        RefinementTrace trace = refiner.refine(digits.items()[0], PerPatternRefiner.Settings.of(0.5, 0.0, 2),
                () -> polls.incrementAndGet() > 2);
        assertThat(trace.cancelled()).isTrue();
        assertThat(trace.steps()).isEqualTo(2);
    }
}
