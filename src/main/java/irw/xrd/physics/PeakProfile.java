package irw.xrd.physics;

/**
 * The shape of every peak: a pseudo-Voigt whose full width at half maximum combines the Caglioti
 * instrument function FWHM² = U tan²θ + V tanθ + W (degrees², Caglioti, Paoletti & Ricci 1958) with
 * Scherrer size broadening FWHM = Kλ / (L cosθ) (radians, K = 0.9) in quadrature.
 *
 * @param u                  Caglioti U, deg²
 * @param v                  Caglioti V, deg²
 * @param w                  Caglioti W, deg²
 * @param crystalliteSizeNm  Scherrer crystallite size L in nm, or 0 for no size broadening
 * @param eta                Lorentzian fraction of the pseudo-Voigt, 0-1
 * @param zeroShift          added to every peak position, degrees 2θ
 * @param kAlpha2            draw the Kα2 line too when the wavelength has one
 */
public record PeakProfile(double u, double v, double w, double crystalliteSizeNm, double eta, double zeroShift, boolean kAlpha2) {
    public static final double SCHERRER_K = 0.9;

    public PeakProfile {
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("pseudo-Voigt eta must lie in 0-1, got " + eta);
        }
        if (!(crystalliteSizeNm >= 0) || !Double.isFinite(zeroShift)) {
            throw new IllegalArgumentException("crystallite size must be >= 0 nm and the zero shift finite");
        }
    }

    /** A laboratory diffractometer: FWHM about 0.1° over 5-80°, half Lorentzian, Kα2 on. */
    public static PeakProfile laboratory() {
        return new PeakProfile(0.01, -0.005, 0.01, 0, 0.5, 0, true);
    }

    public PeakProfile withCaglioti(double nu, double nv, double nw) {
        return new PeakProfile(nu, nv, nw, crystalliteSizeNm, eta, zeroShift, kAlpha2);
    }

    public PeakProfile withCrystalliteSize(double nm) {
        return new PeakProfile(u, v, w, nm, eta, zeroShift, kAlpha2);
    }

    public PeakProfile withZeroShift(double degrees) {
        return new PeakProfile(u, v, w, crystalliteSizeNm, eta, degrees, kAlpha2);
    }

    public PeakProfile withKAlpha2(boolean on) {
        return new PeakProfile(u, v, w, crystalliteSizeNm, eta, zeroShift, on);
    }

    public PeakProfile withEta(double newEta) {
        return new PeakProfile(u, v, w, crystalliteSizeNm, newEta, zeroShift, kAlpha2);
    }

    /** FWHM in degrees 2θ at a Bragg angle (degrees 2θ) for wavelength λ (Å). */
    public double fwhm(double twoThetaDeg, double lambda) {
        double theta = Math.toRadians(twoThetaDeg / 2);
        double tan = Math.tan(theta);
        double instrument2 = Math.max(0, u * tan * tan + v * tan + w);
        double size2 = 0;
        if (crystalliteSizeNm > 0) {
            double size = Math.toDegrees(SCHERRER_K * lambda / (crystalliteSizeNm * 10 * Math.cos(theta)));
            size2 = size * size;
        }
        return Math.max(Math.sqrt(instrument2 + size2), 1e-4);
    }
}
