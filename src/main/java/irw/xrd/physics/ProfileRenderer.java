package irw.xrd.physics;

import irw.core.TwoThetaGrid;
import irw.core.Wavelength;

/**
 * Draws a stick pattern onto a 2θ grid as area-normalised pseudo-Voigt peaks,
 * PV = η L + (1 − η) G with one FWHM Γ (Thompson, Cox & Hastings 1987 use the same mixing form):
 * G(x) = (2/Γ)√(ln2/π) exp(−4 ln2 x²/Γ²), L(x) = (2/πΓ) / (1 + 4x²/Γ²). A Kα2 line at
 * 2 asin(λ2 / 2d) with the wavelength's ratio is added when asked for.
 */
public final class ProfileRenderer {
    /** Peaks are drawn within this many FWHM of their centre; the Lorentzian area beyond is about 1%. */
    static final double WINDOW_FWHM = 30;
    private static final double LN2 = Math.log(2);
    private static final double GAUSS_NORM = 2 * Math.sqrt(LN2 / Math.PI);
    /** |x| (in FWHM) below which the Gaussian part is evaluated: x² < 10. */
    private static final double GAUSS_REACH = Math.sqrt(10);

    private ProfileRenderer() {
    }

    /** The profile, not normalised: the integral of each peak is its stick intensity (× Kα2 ratio). */
    public static double[] render(StickPattern sticks, TwoThetaGrid grid, PeakProfile profile) {
        double[] out = new double[grid.points()];
        render(StickBuffer.of(sticks), sticks.wavelength(), grid, profile, out);
        return out;
    }

    /** Adds the profile of {@code sticks} (placed for {@code wl}'s Kα1) to {@code out}, one value per grid point. */
    public static void render(StickBuffer sticks, Wavelength wl, TwoThetaGrid grid, PeakProfile profile, double[] out) {
        boolean doublet = profile.kAlpha2() && wl.hasKAlpha2();
        double lambda2 = doublet ? wl.kAlpha2().orElseThrow() : 0;
        double[] axis = axisOf(grid);
        for (int i = 0; i < sticks.size(); i++) {
            double fwhm = profile.fwhm(sticks.twoTheta(i), wl.kAlpha1());
            addPeak(out, axis, grid, sticks.twoTheta(i) + profile.zeroShift(), fwhm, sticks.intensity(i), profile.eta());
            if (doublet) {
                double sin2 = lambda2 / (2 * sticks.d(i));
                if (sin2 < 1) {
                    double tt2 = 2 * Math.toDegrees(Math.asin(sin2));
                    addPeak(out, axis, grid, tt2 + profile.zeroShift(), fwhm, sticks.intensity(i) * wl.kAlpha2Ratio(), profile.eta());
                }
            }
        }
    }

    /** The profile scaled so that its maximum is 1 (an empty pattern stays zero). */
    public static double[] renderNormalised(StickPattern sticks, TwoThetaGrid grid, PeakProfile profile) {
        return scaledToMax(render(sticks, grid, profile));
    }

    /** {@code y} divided by its maximum, in place (an all-zero pattern stays zero). */
    public static double[] scaledToMax(double[] y) {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < y.length; i++) {
                y[i] /= max;
            }
        }
        return y;
    }

    /**
     * Adds one pseudo-Voigt: the Lorentzian over the whole window (a plain loop the JIT vectorises), the
     * Gaussian where x² < 10 (beyond it exp(−4 ln2 x²) < 1e-12), by {@link GaussianOnGrid}'s recurrence.
     */
    static void addPeak(double[] out, double[] axis, TwoThetaGrid grid, double centre, double fwhm, double area, double eta) {
        double step = grid.step();
        int from = (int) Math.ceil((centre - WINDOW_FWHM * fwhm - grid.start()) / step);
        int to = (int) Math.floor((centre + WINDOW_FWHM * fwhm - grid.start()) / step);
        from = Math.max(from, 0);
        to = Math.min(to, grid.points() - 1);
        if (from > to) {
            return;
        }
        double inv = 1 / fwhm;
        double lorentz = area * eta * 2 / (Math.PI * fwhm);
        for (int i = from; i <= to; i++) {
            double x = (axis[i] - centre) * inv;
            out[i] += lorentz / (1 + 4 * (x * x));
        }
        int gFrom = (int) Math.max(from, Math.ceil((centre - GAUSS_REACH * fwhm - grid.start()) / step));
        int gTo = (int) Math.min(to, Math.floor((centre + GAUSS_REACH * fwhm - grid.start()) / step));
        GaussianOnGrid.add(out, gFrom, gTo, grid.start(), step, centre, area * (1 - eta) * GAUSS_NORM * inv, fwhm);
    }

    /** The grid's 2θ values, start + i·step as the renderer has always computed them (cached: few grids are in use). */
    private static double[] axisOf(TwoThetaGrid grid) {
        if (AXES.size() > 32) {
            AXES.clear();
        }
        return AXES.computeIfAbsent(grid, g -> {
            double[] a = new double[g.points()];
            for (int i = 0; i < a.length; i++) {
                a[i] = g.start() + i * g.step();
            }
            return a;
        });
    }

    private static final java.util.Map<TwoThetaGrid, double[]> AXES = new java.util.concurrent.ConcurrentHashMap<>();
}
