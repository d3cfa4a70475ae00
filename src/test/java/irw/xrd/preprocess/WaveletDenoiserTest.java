package irw.xrd.preprocess;

import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.TwoThetaGrid;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WaveletDenoiserTest {
    /** A powder-like pattern on the default grid: sharp Gaussian peaks on a decaying background. */
    static double[] peaks(double[] axis) {
        double[][] peaks = {{12.3, 100, 0.12}, {21.7, 45, 0.15}, {28.4, 80, 0.15}, {33.1, 20, 0.2}, {40.8, 60, 0.2},
                {47.5, 35, 0.25}, {56.2, 15, 0.25}, {62.9, 25, 0.3}, {69.4, 10, 0.3}, {76.0, 18, 0.35}};
        double[] y = new double[axis.length];
        for (int i = 0; i < axis.length; i++) {
            y[i] = 8 * Math.exp(-axis[i] / 30);
            for (double[] p : peaks) {
                double s = p[2] / 2.3548;
                y[i] += p[1] * Math.exp(-0.5 * Math.pow((axis[i] - p[0]) / s, 2));
            }
        }
        return y;
    }

    static double l2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void transformReconstructsPerfectlyAtAnyLength() {
        Random random = new Random(1);
        for (Wavelet w : Wavelet.values()) {
            for (int n : new int[]{2000, 1999, 517, 64, 37}) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = random.nextGaussian() * 10 + i * 0.01;
                }
                int levels = WaveletTransform.maxLevels(n, w);
                WaveletTransform.Decomposition c = WaveletTransform.decompose(x, w, levels);
                double[] back = WaveletTransform.reconstruct(c);
                assertThat(back).hasSize(n);
                for (int i = 0; i < n; i++) {
                    assertThat(back[i]).as("%s n=%d i=%d", w, n, i).isCloseTo(x[i], within(1e-9));
                }
            }
        }
    }

    @Test
    void transformIsOrthogonalSoEnergyIsPreserved() {
        double[] x = peaks(TwoThetaGrid.DEFAULT.axis());
        // 2,000 = 125·2^4: no padding, and the transform sees the signal mirrored once, with twice its energy.
        WaveletTransform.Decomposition c = WaveletTransform.decompose(x, Wavelet.SYM8, 4);
        double coeffEnergy = 0;
        for (double v : c.approximation()) {
            coeffEnergy += v * v;
        }
        for (double[] d : c.details()) {
            for (double v : d) {
                coeffEnergy += v * v;
            }
        }
        double energy = 0;
        for (double v : x) {
            energy += v * v;
        }
        assertThat(coeffEnergy).isCloseTo(2 * energy, within(1e-8 * energy));
    }

    @Test
    void zeroThresholdGivesTheInputBack() {
        double[] x = peaks(TwoThetaGrid.DEFAULT.axis());
        double[] out = new WaveletDenoiser(Wavelet.DB4, 6, 0, true).denoise(x);
        for (int i = 0; i < x.length; i++) {
            assertThat(out[i]).isCloseTo(x[i], within(1e-9));
        }
    }

    @Test
    void denoisingBringsANoisyPatternCloserToItsCleanVersion() {
        double[] axis = TwoThetaGrid.DEFAULT.axis();
        double[] clean = peaks(axis);
        Random random = new Random(7);
        double[] noisy = new double[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = clean[i] + 3 * random.nextGaussian();
        }
        double before = l2(noisy, clean);
        double hard = l2(WaveletDenoiser.standard().denoise(noisy), clean);
        assertThat(hard).as("hard, db4: l2 %.1f -> %.1f", before, hard).isLessThan(0.5 * before);
        double sym8 = l2(new WaveletDenoiser(Wavelet.SYM8, 4, 1, false).denoise(noisy), clean);
        assertThat(sym8).as("hard, sym8: l2 %.1f -> %.1f", before, sym8).isLessThan(0.55 * before);
        // VisuShrink's soft threshold also removes noise, but flattens the sharp peaks: less gain.
        double soft = l2(WaveletDenoiser.visuShrink(Wavelet.SYM8, 5).denoise(noisy), clean);
        assertThat(soft).as("soft: l2 %.1f -> %.1f", before, soft).isLessThan(0.85 * before).isGreaterThan(hard);
        // The noise estimate from the finest details recovers the true sigma of 3.
        WaveletTransform.Decomposition c = WaveletTransform.decompose(noisy, Wavelet.SYM8, 5);
        assertThat(WaveletDenoiser.noiseSigma(c.details()[0])).isCloseTo(3, within(0.3));
        // Patterns keep their axis and metadata.
        Pattern p = Pattern.onGrid(TwoThetaGrid.DEFAULT, noisy, PatternMetadata.named("noisy"));
        Pattern q = WaveletDenoiser.standard().denoise(p);
        assertThat(q.twoThetaValues()).containsExactly(p.twoThetaValues());
        assertThat(q.name()).isEqualTo("noisy");
    }

    @Test
    void badSettingsAndInputsAreRejected() {
        assertThatThrownBy(() -> new WaveletDenoiser(Wavelet.SYM8, -1, 1, true)).hasMessageContaining("levels");
        assertThatThrownBy(() -> new WaveletDenoiser(Wavelet.SYM8, 0, Double.NaN, true)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new WaveletDenoiser(Wavelet.SYM8, 12, 1, true).denoise(new double[2000]))
                .hasMessageContaining("at most 7 levels");
        assertThatThrownBy(() -> WaveletDenoiser.standard().denoise(new double[]{1, Double.NaN, 3})).hasMessageContaining("point 1");
        assertThatThrownBy(() -> Wavelet.byName("coif3")).hasMessageContaining("unknown wavelet 'coif3'");
        assertThat(WaveletDenoiser.standard().denoise(new double[]{1, 2, 3})).containsExactly(1, 2, 3);
    }
}
