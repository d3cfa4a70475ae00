package irw.xrd.peaks;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PeakSearchTest {
    static final double CU = 1.540562;

    /** Gaussian peaks (position, height, FWHM) on 10-80° in 0.02° steps, with Gaussian noise of σ = 1. */
    static double[][] pattern(double[][] peaks, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 3501;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + 0.02 * i;
            for (double[] p : peaks) {
                double d = (x[i] - p[0]) / p[2];
                y[i] += p[1] * Math.exp(-4 * Math.log(2) * d * d);
            }
            y[i] += Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return new double[][]{x, y};
    }

    @Test
    void findsPeaksWithTheirPositionHeightAndWidth() {
        double[][] truth = {{25.0, 200, 0.12}, {40.3, 80, 0.2}, {62.5, 40, 0.3}};
        double[][] xy = pattern(truth, 1);
        double[] sigma = new double[xy[0].length];
        Arrays.fill(sigma, 1);
        List<Peak> all = PeakSearch.standard().find(xy[0], xy[1], sigma, CU);
        // at 3σ a few noise bumps of the 3,500 points may pass, all weak; the real peaks are the strong ones
        List<Peak> peaks = all.stream().filter(p -> p.height() > 10).toList();
        assertThat(peaks).hasSize(3);
        assertThat(all.size()).isLessThan(8);
        for (int k = 0; k < 3; k++) {
            Peak p = peaks.get(k);
            assertThat(p.twoTheta()).isCloseTo(truth[k][0], within(0.01));
            assertThat(p.height()).isCloseTo(truth[k][1], within(0.05 * truth[k][1] + 2));
            assertThat(p.fwhm()).isCloseTo(truth[k][2], within(0.12 * truth[k][2]));
            // Bragg's law with Cu Kα1
            assertThat(p.d()).isCloseTo(CU / (2 * Math.sin(Math.toRadians(truth[k][0] / 2))), within(1e-3));
        }
    }

    @Test
    void noiseAloneGivesAlmostNoPeaksAndTwoCloseLinesStayTwo() {
        double[][] noise = pattern(new double[0][], 2);
        double[] sigma = new double[noise[0].length];
        Arrays.fill(sigma, 1);
        // 3σ in height and prominence: a handful of the 3,500 noise points at most
        assertThat(PeakSearch.standard().find(noise[0], noise[1], sigma, CU).size()).isLessThan(10);

        double[][] two = pattern(new double[][]{{30.0, 300, 0.15}, {30.35, 150, 0.15}}, 3);
        List<Peak> peaks = PeakSearch.standard().find(two[0], two[1], sigma, CU).stream().filter(p -> p.height() > 10).toList();
        assertThat(peaks).hasSize(2);
        assertThat(peaks.get(0).twoTheta()).isCloseTo(30.0, within(0.02));
        assertThat(peaks.get(1).twoTheta()).isCloseTo(30.35, within(0.02));
    }

    @Test
    void widthGrowthWithAngleIsFittedRobustly() {
        // FWHM = 0.08 + 0.2 tanθ, plus one merged doublet that looks twice as broad
        double[] angles = {15, 22, 30, 38, 47, 55, 63, 71, 79};
        List<Peak> peaks = new java.util.ArrayList<>();
        for (int i = 0; i < angles.length; i++) {
            double w = 0.08 + 0.2 * Math.tan(Math.toRadians(angles[i] / 2));
            peaks.add(new Peak(angles[i], Double.NaN, 100 - i, i == 4 ? 2 * w : w, 0, i));
        }
        PeakWidths fit = PeakWidths.fit(peaks, 0.02, 0.1);
        assertThat(fit.a()).isCloseTo(0.08, within(0.01));
        assertThat(fit.b()).isCloseTo(0.2, within(0.02));
        assertThat(PeakWidths.fit(List.of(), 0.02, 0.1)).isEqualTo(PeakWidths.constant(0.1));
    }
}
