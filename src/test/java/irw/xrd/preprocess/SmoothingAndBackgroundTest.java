package irw.xrd.preprocess;

import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.TwoThetaGrid;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SmoothingAndBackgroundTest {

    @Test
    void savitzkyGolayWeightsMatchThePublishedTable() {
        // Savitzky and Golay (1964), quadratic, 5 points: (-3, 12, 17, 12, -3) / 35.
        double[] c = new SavitzkyGolay(2, 2).coefficients(0);
        double[] expected = {-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0};
        for (int j = 0; j < 5; j++) {
            assertThat(c[j]).isCloseTo(expected[j], within(1e-12));
        }
    }

    @Test
    void savitzkyGolayKeepsPolynomialsUpToItsOrderEverywhereIncludingTheEnds() {
        double[] y = new double[50];
        for (int i = 0; i < y.length; i++) {
            double x = i * 0.1;
            y[i] = 2 - 3 * x + 0.5 * x * x - 0.05 * x * x * x;
        }
        double[] s = new SavitzkyGolay(4, 3).smooth(y);
        for (int i = 0; i < y.length; i++) {
            assertThat(s[i]).as("point %d", i).isCloseTo(y[i], within(1e-9));
        }
    }

    @Test
    void savitzkyGolayReducesNoiseOnPeaks() {
        double[] axis = TwoThetaGrid.DEFAULT.axis();
        double[] clean = WaveletDenoiserTest.peaks(axis);
        Random random = new Random(3);
        double[] noisy = clean.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += 3 * random.nextGaussian();
        }
        double before = WaveletDenoiserTest.l2(noisy, clean);
        double after = WaveletDenoiserTest.l2(new SavitzkyGolay(3, 3).smooth(noisy), clean);
        assertThat(after).as("l2 %.1f -> %.1f", before, after).isLessThan(0.7 * before);
        assertThatThrownBy(() -> new SavitzkyGolay(2, 5)).hasMessageContaining("order 5");
        assertThatThrownBy(() -> new SavitzkyGolay(5, 2).smooth(new double[4])).hasMessageContaining("at least 11 points");
    }

    @Test
    void snipRecoversASmoothBackgroundUnderSharpPeaks() {
        double[] axis = TwoThetaGrid.DEFAULT.axis();
        double[] peaksOnly = WaveletDenoiserTest.peaks(axis);
        double[] background = new double[axis.length];
        double[] y = new double[axis.length];
        for (int i = 0; i < axis.length; i++) {
            peaksOnly[i] -= 8 * Math.exp(-axis[i] / 30); // the helper's own background, removed
            background[i] = 40 * Math.exp(-axis[i] / 15) + 10 + 0.05 * axis[i];
            y[i] = peaksOnly[i] + background[i];
        }
        Pattern p = Pattern.onGrid(TwoThetaGrid.DEFAULT, y, PatternMetadata.named("synthetic"));
        SnipBackground snip = SnipBackground.forWidthDegrees(p, 1.0);
        assertThat(snip.halfWidth()).isEqualTo(27);
        double[] b = snip.estimate(y);
        double worst = 0;
        for (int i = 40; i < axis.length - 40; i++) {
            assertThat(b[i]).isLessThanOrEqualTo(y[i]);
            worst = Math.max(worst, Math.abs(b[i] - background[i]));
        }
        assertThat(worst).as("largest background error").isLessThan(1.5);
        Pattern flat = snip.subtract(p);
        int top = 0;
        for (int i = 0; i < axis.length; i++) {
            top = flat.intensity(i) > flat.intensity(top) ? i : top;
        }
        assertThat(flat.twoTheta(top)).isCloseTo(12.3, within(0.05));
        assertThat(flat.intensity(top)).as("the sampled apex of the 100-count peak").isCloseTo(peaksOnly[top], within(1.5)).isGreaterThan(90);
        assertThatThrownBy(() -> new SnipBackground(0)).hasMessageContaining("at least 1");
    }
}
