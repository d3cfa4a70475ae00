package irw.xrd.physics;

import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recurrence Gaussian and the profile built on it against the pseudo-Voigt evaluated point by point. */
class GaussianOnGridTest {
    private static final double FOUR_LN2 = 4 * Math.log(2);

    @Test
    void theRecurrenceMatchesExpAtEveryPointForNarrowWideAndOffGridCentres() {
        double start = 5, step = 0.0375;
        int n = 2000;
        double[][] cases = { // centre, fwhm, from, to
                {40.01, 0.1, 0, 1999}, {40.01, 0.1, 900, 950}, {5.3, 2.5, 0, 1999}, {79.99, 12, 0, 1999}, {2.0, 0.5, 0, 1999},
                {95.0, 8, 0, 1999}, {45.0, 1e-6, 0, 1999}, {40.0, 0.001, 0, 1999}, {30.0, 0.3, 660, 667}, {30.0, 0.3, 667, 667}};
        for (double[] c : cases) {
            double[] out = new double[n];
            out[7] = 0.25; // adds, never overwrites
            GaussianOnGrid.add(out, (int) c[2], (int) c[3], start, step, c[0], 3.0, c[1]);
            for (int i = 0; i < n; i++) {
                double d = start + i * step - c[0];
                double expected = (i >= c[2] && i <= c[3] ? 3.0 * Math.exp(-FOUR_LN2 * d * d / (c[1] * c[1])) : 0) + (i == 7 ? 0.25 : 0);
                assertThat(Math.abs(out[i] - expected)).as("centre %s fwhm %s point %d", c[0], c[1], i).isLessThanOrEqualTo(1e-12 * 3.0);
            }
        }
    }

    @Test
    void aRenderedProfileIsThePseudoVoigtOfItsSticks() {
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        StickPattern sticks = new StickPattern("two", Wavelength.CU_KALPHA, List.of(
                new Stick(31.7, 1.54056 / (2 * Math.sin(Math.toRadians(31.7 / 2))), 2, 0, 0, 6, 100),
                new Stick(45.4, 1.54056 / (2 * Math.sin(Math.toRadians(45.4 / 2))), 2, 2, 0, 12, 40)));
        for (PeakProfile profile : List.of(PeakProfile.laboratory(), PeakProfile.laboratory().withCrystalliteSize(6).withZeroShift(-0.2))) {
            double[] y = ProfileRenderer.render(sticks, grid, profile);
            double[] expected = new double[grid.points()];
            for (Stick s : sticks.sticks()) {
                double fwhm = profile.fwhm(s.twoTheta(), 1.540562);
                add(expected, grid, s.twoTheta() + profile.zeroShift(), fwhm, s.intensity(), profile.eta());
                double k2 = 2 * Math.toDegrees(Math.asin(1.544390 / (2 * s.d())));
                add(expected, grid, k2 + profile.zeroShift(), fwhm, s.intensity() * 0.5, profile.eta());
            }
            double max = java.util.Arrays.stream(expected).max().orElseThrow();
            for (int i = 0; i < y.length; i++) {
                assertThat(Math.abs(y[i] - expected[i])).as("point %d", i).isLessThan(1e-11 * max);
            }
        }
    }

    /** PV = η L + (1 − η) G, each of unit area times the stick's, within 30 FWHM (the renderer's window). */
    private static void add(double[] y, TwoThetaGrid grid, double centre, double fwhm, double area, double eta) {
        for (int i = 0; i < y.length; i++) {
            double x = (grid.at(i) - centre) / fwhm;
            if (Math.abs(x) <= ProfileRenderer.WINDOW_FWHM) {
                y[i] += area * (eta * 2 / (Math.PI * fwhm) / (1 + 4 * x * x)
                        + (1 - eta) * 2 * Math.sqrt(Math.log(2) / Math.PI) / fwhm * Math.exp(-FOUR_LN2 * x * x));
            }
        }
    }
}
