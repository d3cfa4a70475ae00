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

    private ProfileRenderer() {
    }

    /** The profile, not normalised: the integral of each peak is its stick intensity (× Kα2 ratio). */
    public static double[] render(StickPattern sticks, TwoThetaGrid grid, PeakProfile profile) {
        double[] out = new double[grid.points()];
        Wavelength wl = sticks.wavelength();
        boolean doublet = profile.kAlpha2() && wl.hasKAlpha2();
        double lambda2 = doublet ? wl.kAlpha2().orElseThrow() : 0;
        for (Stick s : sticks.sticks()) {
            double fwhm = profile.fwhm(s.twoTheta(), wl.kAlpha1());
            addPeak(out, grid, s.twoTheta() + profile.zeroShift(), fwhm, s.intensity(), profile.eta());
            if (doublet) {
                double sin2 = lambda2 / (2 * s.d());
                if (sin2 < 1) {
                    double tt2 = 2 * Math.toDegrees(Math.asin(sin2));
                    addPeak(out, grid, tt2 + profile.zeroShift(), fwhm, s.intensity() * wl.kAlpha2Ratio(), profile.eta());
                }
            }
        }
        return out;
    }

    /** The profile scaled so that its maximum is 1 (an empty pattern stays zero). */
    public static double[] renderNormalised(StickPattern sticks, TwoThetaGrid grid, PeakProfile profile) {
        double[] y = render(sticks, grid, profile);
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

    static void addPeak(double[] out, TwoThetaGrid grid, double centre, double fwhm, double area, double eta) {
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
        double gauss = area * (1 - eta) * GAUSS_NORM * inv;
        double gaussExp = -4 * LN2;
        for (int i = from; i <= to; i++) {
            double x = (grid.start() + i * step - centre) * inv;
            double x2 = x * x;
            double value = lorentz / (1 + 4 * x2);
            if (x2 < 10) {
                value += gauss * Math.exp(gaussExp * x2);
            }
            out[i] += value;
        }
    }
}
