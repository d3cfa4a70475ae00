package irw.engine.net;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The physical constraints hold by construction, whatever the free fields are: refiners may be
 * badly trained or adversarial, and the refined pattern must still be physical.
 */
class PatternConstraintsTest {
    private static final int W = 400;
    private static final PatternConstraints STANDARD = PatternConstraints.standard(0.0375);

    /** A partial scan: cells 100-299 measured (two peaks on noise), the rest −1. */
    private static float[] partialScan(Random rng) {
        float[] x = new float[W];
        for (int i = 0; i < W; i++) {
            if (i < 100 || i >= 300) {
                x[i] = -1;
            } else {
                double peaks = Math.exp(-Math.pow((i - 150) / 3.0, 2)) + 0.4 * Math.exp(-Math.pow((i - 240) / 4.0, 2));
                x[i] = (float) Math.max(0, peaks + 0.03 + 0.02 * rng.nextGaussian());
            }
        }
        float max = 0;
        for (float v : x) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < W; i++) {
            x[i] = x[i] < 0 ? -1 : x[i] / max;
        }
        return x;
    }

    private static float[] refine(PatternConstraints c, float[] x, float[] change, float[] gate) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, 1, 1, 1, W);
        SDVariable u = sd.placeHolder("u", DataType.FLOAT, 1, 1, 1, W);
        SDVariable g = sd.placeHolder("g", DataType.FLOAT, 1, 1, 1, W);
        c.apply(sd, "refined", in, u, g);
        INDArray out = sd.outputSingle(Map.of("x", row(x), "u", row(change), "g", row(gate)), "refined");
        return out.data().asFloat();
    }

    private static INDArray row(float[] v) {
        return Nd4j.create(v, new long[]{1, 1, 1, W}, 'c');
    }

    private static float[] random(Random rng, double scale) {
        float[] v = new float[W];
        for (int i = 0; i < W; i++) {
            v[i] = (float) (scale * rng.nextGaussian());
        }
        return v;
    }

    @Test
    void anyFieldsGiveANonNegativePatternThatLeavesUnmeasuredCellsExactlyAlone() {
        Random rng = new Random(7);
        float[] x = partialScan(rng);
        for (int trial = 0; trial < 5; trial++) {
            float[] r = refine(STANDARD, x, random(rng, 3), random(rng, 3));
            for (int i = 0; i < W; i++) {
                if (x[i] < 0) {
                    assertThat(r[i]).as("cell %d is not measured", i).isEqualTo(-1f);
                } else {
                    assertThat(r[i]).as("cell %d", i).isGreaterThanOrEqualTo(0f);
                }
            }
        }
    }

    @Test
    void noPeakGrowsWhereTheRawPatternHasOnlyNoise() {
        Random rng = new Random(8);
        float[] x = partialScan(rng);
        float[] push = new float[W];
        java.util.Arrays.fill(push, 5f); // a refiner that wants everything high
        float[] r = refine(STANDARD, x, push, new float[W]);
        double noiseMax = 0;
        for (int i = 180; i < 220; i++) { // between the peaks: noise only
            noiseMax = Math.max(noiseMax, x[i]);
        }
        for (int i = 185; i < 215; i++) {
            assertThat((double) r[i]).as("cell %d", i).isLessThan(STANDARD.envelopeGain() * noiseMax + 0.1);
        }
        // a measured peak may sharpen (grow up to γ = 1.25 times the raw local maximum), not more
        double peak = 0;
        for (int i = 150 - STANDARD.envelopeCells() / 2; i <= 150 + STANDARD.envelopeCells() / 2; i++) {
            peak = Math.max(peak, x[i]);
        }
        assertThat(STANDARD.envelopeGain()).isGreaterThan(1.0);
        assertThat((double) r[150]).isGreaterThan(x[150]).isLessThanOrEqualTo(STANDARD.envelopeGain() * peak + 0.1);
        float[] free = refine(STANDARD.withAllowNewPeaks(true), x, push, new float[W]);
        assertThat(free[200]).as("asked for explicitly, new peaks are allowed").isGreaterThan(1f);
    }

    @Test
    void theChangeAddsNoHighFrequencyEnergyAndTheGateRemovesNoise() {
        Random rng = new Random(9);
        float[] x = partialScan(rng);
        double raw = highFrequencyEnergy(x);
        for (int trial = 0; trial < 5; trial++) {
            float[] r = refine(STANDARD, x, random(rng, 0.05), random(rng, 0.5));
            assertThat(highFrequencyEnergy(r)).as("trial %d", trial).isLessThanOrEqualTo(raw * 1.05);
        }
        float[] open = new float[W];
        java.util.Arrays.fill(open, 1f); // gate fully open
        float[] denoised = refine(STANDARD, x, new float[W], open);
        assertThat(highFrequencyEnergy(denoised)).isLessThan(0.6 * raw);
        assertThat(denoised[150]).as("the peak's top is not smoothed away").isGreaterThan(0.9f * x[150]);
    }

    @Test
    void aRefinerThatWantsEverythingGoneKeepsAShareOfWhatWasMeasured() {
        float[] x = partialScan(new Random(11));
        float[] wipe = new float[W];
        java.util.Arrays.fill(wipe, -5f);
        float[] r = refine(STANDARD, x, wipe, new float[W]);
        assertThat(r[150]).as("the strongest peak shrinks, by at most half of its smoothed height").isLessThan(x[150]).isGreaterThan(0.3f * x[150]);
        for (int i = 100; i < 300; i++) {
            assertThat(r[i]).as("cell %d", i).isGreaterThan(0f); // no exact zero where the instrument counted something
        }
    }

    @Test
    void zeroFieldsStayCloseToTheInput() {
        float[] x = partialScan(new Random(10));
        float[] r = refine(STANDARD, x, new float[W], new float[W]);
        for (int i = 0; i < W; i++) {
            // the gate starts at 5 % and the floor lifts the deepest noise troughs to half the local mean: small moves only
            assertThat(Math.abs(r[i] - x[i])).as("cell %d", i).isLessThan(0.03f);
        }
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new PatternConstraints(2, 2, 8, 1, 3, 0.5, true, false)).hasMessageContaining("odd envelopeCells");
        assertThatThrownBy(() -> new PatternConstraints(2, 2, 9, 0.5, 3, 0.5, true, false)).hasMessageContaining("envelopeGain");
        assertThatThrownBy(() -> new PatternConstraints(2, 2, 9, 1, 3, 1.5, true, false)).hasMessageContaining("keepFraction");
    }

    /** Σ (second difference)² over the measured cells: noise and spikes raise it. */
    static double highFrequencyEnergy(float[] v) {
        double e = 0;
        for (int i = 1; i + 1 < v.length; i++) {
            if (v[i - 1] >= 0 && v[i] >= 0 && v[i + 1] >= 0) {
                double d = v[i + 1] - 2 * v[i] + v[i - 1];
                e += d * d;
            }
        }
        return e;
    }
}
