package irw.xrd.preprocess;

import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.Wavelength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KAlpha2StrippingTest {
    static final Wavelength CU = Wavelength.CU_KALPHA;

    private static double gauss(double x, double centre, double fwhm) {
        double d = (x - centre) / fwhm;
        return Math.exp(-4 * Math.log(2) * d * d);
    }

    @Test
    void aKAlphaDoubletBecomesTheKAlpha1LineAlone() {
        int n = 6001;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] k1 = {30, 75};
        for (int i = 0; i < n; i++) {
            x[i] = 20 + 0.01 * i;
            for (double c : k1) {
                // the Kα2 twin of a line at 2θ₁ lies at 2 asin((λ₂/λ₁) sin θ₁), half as strong
                double c2 = Math.toDegrees(2 * Math.asin(CU.kAlpha2().get() / CU.kAlpha1() * Math.sin(Math.toRadians(c / 2))));
                y[i] += 100 * gauss(x[i], c, 0.08) + 50 * gauss(x[i], c2, 0.08);
            }
        }
        Pattern stripped = KAlpha2Stripping.strip(new Pattern(x, y, PatternMetadata.named("doublet")), CU);
        // what is left is the Kα1 lines alone, point by point
        for (int i = 0; i < n; i++) {
            double alone = 0;
            for (double c : k1) {
                alone += 100 * gauss(x[i], c, 0.08);
            }
            assertThat(stripped.intensity(i)).as("at %.2f°", x[i]).isCloseTo(alone, within(1.0));
        }
        // the axis and the points are the measured ones
        assertThat(stripped.twoThetaValues()).containsExactly(x);
    }

    @Test
    void atLowAnglesTheTwinLiesWithinOneStepAndIsStillRemoved() {
        // at 2θ = 10° the Kα2 twin is 0.025° away: less than this scan's 0.04° step
        int n = 301;
        double[] x = new double[n];
        double[] y = new double[n];
        double c = 10;
        double c2 = Math.toDegrees(2 * Math.asin(CU.kAlpha2().get() / CU.kAlpha1() * Math.sin(Math.toRadians(c / 2))));
        assertThat(c2 - c).isLessThan(0.04);
        for (int i = 0; i < n; i++) {
            x[i] = 5 + 0.04 * i;
            y[i] = 100 * gauss(x[i], c, 0.3) + 50 * gauss(x[i], c2, 0.3);
        }
        Pattern stripped = KAlpha2Stripping.strip(new Pattern(x, y, PatternMetadata.named("low angle")), CU);
        for (int i = 0; i < n; i++) {
            assertThat(stripped.intensity(i)).as("at %.2f°", x[i]).isCloseTo(100 * gauss(x[i], c, 0.3), within(1.0));
        }
    }

    @Test
    void aSingleLineWavelengthHasNothingToStrip() {
        Pattern p = new Pattern(new double[]{10, 11, 12}, new double[]{1, 2, 3}, PatternMetadata.named("mono"));
        assertThatThrownBy(() -> KAlpha2Stripping.strip(p, Wavelength.single(1.5406))).hasMessageContaining("no Kα2");
    }
}
