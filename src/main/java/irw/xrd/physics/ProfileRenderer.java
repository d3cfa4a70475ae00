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

    /**
     * The same profile as {@link #render(StickBuffer, Wavelength, TwoThetaGrid, PeakProfile, double[])}, with each stick's
     * Kα1 and Kα2 Lorentzians (one FWHM, centres a few hundredths of a degree apart) summed in one pass over their common
     * window and one division per point, l1/d1 + l2/d2 = (l1·d2 + l2·d1)/(d1·d2): the divisions bound the render, and this
     * halves them. Equal to {@code render} up to rounding (about 1e-15 relative; the sums run in another order). The
     * on-the-fly training draws use it; the data sets keep {@code render}, whose values they rebuild bit for bit.
     */
    public static void renderDoublets(StickBuffer sticks, Wavelength wl, TwoThetaGrid grid, PeakProfile profile, double[] out) {
        if (!(profile.kAlpha2() && wl.hasKAlpha2())) {
            render(sticks, wl, grid, profile, out);
            return;
        }
        double lambda2 = wl.kAlpha2().orElseThrow();
        double ratio = wl.kAlpha2Ratio();
        double[] axis = axisOf(grid);
        for (int i = 0; i < sticks.size(); i++) {
            double fwhm = profile.fwhm(sticks.twoTheta(i), wl.kAlpha1());
            double centre1 = sticks.twoTheta(i) + profile.zeroShift();
            double sin2 = lambda2 / (2 * sticks.d(i));
            if (sin2 < 1) {
                double centre2 = 2 * Math.toDegrees(Math.asin(sin2)) + profile.zeroShift();
                addDoublet(out, axis, grid, centre1, centre2, fwhm, sticks.intensity(i), sticks.intensity(i) * ratio, profile.eta());
            } else {
                addPeak(out, axis, grid, centre1, fwhm, sticks.intensity(i), profile.eta());
            }
        }
    }

    /** Two pseudo-Voigts of one FWHM ({@link #addPeak}'s windows and Gaussians), their Lorentzians fused where the windows overlap. */
    private static void addDoublet(double[] out, double[] axis, TwoThetaGrid grid, double centre1, double centre2, double fwhm, double area1,
                                   double area2, double eta) {
        double step = grid.step();
        int last = grid.points() - 1;
        int from1 = Math.max(0, (int) Math.ceil((centre1 - WINDOW_FWHM * fwhm - grid.start()) / step));
        int to1 = Math.min(last, (int) Math.floor((centre1 + WINDOW_FWHM * fwhm - grid.start()) / step));
        int from2 = Math.max(0, (int) Math.ceil((centre2 - WINDOW_FWHM * fwhm - grid.start()) / step));
        int to2 = Math.min(last, (int) Math.floor((centre2 + WINDOW_FWHM * fwhm - grid.start()) / step));
        double inv = 1 / fwhm;
        double lorentz1 = area1 * eta * 2 / (Math.PI * fwhm);
        double lorentz2 = area2 * eta * 2 / (Math.PI * fwhm);
        int bothFrom = Math.max(from1, from2);
        int bothTo = Math.min(to1, to2);
        if (bothFrom > bothTo) {
            lorentzian(out, axis, from1, to1, centre1, inv, lorentz1);
            lorentzian(out, axis, from2, to2, centre2, inv, lorentz2);
        } else {
            lorentzian(out, axis, from1, bothFrom - 1, centre1, inv, lorentz1);
            lorentzian(out, axis, bothTo + 1, to1, centre1, inv, lorentz1);
            lorentzian(out, axis, from2, bothFrom - 1, centre2, inv, lorentz2);
            lorentzian(out, axis, bothTo + 1, to2, centre2, inv, lorentz2);
            for (int i = bothFrom; i <= bothTo; i++) {
                double x1 = (axis[i] - centre1) * inv;
                double x2 = (axis[i] - centre2) * inv;
                double d1 = 1 + 4 * (x1 * x1);
                double d2 = 1 + 4 * (x2 * x2);
                out[i] += (lorentz1 * d2 + lorentz2 * d1) / (d1 * d2);
            }
        }
        gaussian(out, grid, from1, to1, centre1, fwhm, area1, eta, inv);
        gaussian(out, grid, from2, to2, centre2, fwhm, area2, eta, inv);
    }

    private static void lorentzian(double[] out, double[] axis, int from, int to, double centre, double inv, double lorentz) {
        for (int i = from; i <= to; i++) {
            double x = (axis[i] - centre) * inv;
            out[i] += lorentz / (1 + 4 * (x * x));
        }
    }

    /** {@link #addPeak}'s Gaussian part over its window [from, to]. */
    private static void gaussian(double[] out, TwoThetaGrid grid, int from, int to, double centre, double fwhm, double area, double eta, double inv) {
        double step = grid.step();
        int gFrom = (int) Math.max(from, Math.ceil((centre - GAUSS_REACH * fwhm - grid.start()) / step));
        int gTo = (int) Math.min(to, Math.floor((centre + GAUSS_REACH * fwhm - grid.start()) / step));
        GaussianOnGrid.add(out, gFrom, gTo, grid.start(), step, centre, area * (1 - eta) * GAUSS_NORM * inv, fwhm);
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
