package irw.xrd.search;

import irw.core.Wavelength;
import irw.xrd.library.StickLibrary;
import irw.xrd.peaks.PeakWidths;

/**
 * The close fit of one structure to a measured profile: its sticks drawn as pseudo-Voigt peaks of the
 * measured width (Kα1 and, when the radiation has one, Kα2), moved by a zero shift δ and an isotropic
 * strain ε (d → d(1 + ε)), compressed point by point like the measured signal, and compared by the
 * cosine Σ z·r^p / (|z| |r^p|). δ and ε are found by a pattern search that starts where the screen
 * left off and halves its steps.
 */
final class ProfileFit {
    /** The best cosine and where it was reached. */
    record Fit(int index, double score, double zeroShift, double strain, double broadening) {
    }

    /** The narrowest peaks a phase may have, relative to the pattern's typical width; the widest: {@link MeasuredProfile#maxBroadening()}. */
    static final double MIN_BROADENING = 0.5;

    private static final double ETA = 0.5;             // Lorentzian fraction of the drawn peaks
    private static final double REACH = 3;             // peaks are drawn to ±3 FWHM
    private static final int TABLE_RESOLUTION = 64;    // kernel samples per half width
    private static final double MIN_INTENSITY = 0.05;  // weaker sticks (of 0-100) are not drawn

    private final StickLibrary lib;
    private final MeasuredProfile profile;
    private final double compression;
    private final PeakWidths widths;
    private final double[] kernel;
    private final double lambda1;
    private final double lambda2;
    private final double ratio2;
    private final double maxBroadening;
    private final double dMin;
    private final double dMax;

    ProfileFit(StickLibrary lib, MeasuredProfile profile, SearchSettings settings) {
        this.lib = lib;
        this.profile = profile;
        this.compression = settings.compression();
        this.widths = profile.widths();
        Wavelength w = profile.wavelength();
        this.lambda1 = w.kAlpha1();
        this.lambda2 = w.hasKAlpha2() ? w.kAlpha2().orElseThrow() : Double.NaN;
        this.ratio2 = w.hasKAlpha2() ? w.kAlpha2Ratio() : 0;
        // unit-height pseudo-Voigt against the distance in half widths: η Lorentzian + (1 − η) Gaussian
        this.kernel = new double[(int) Math.ceil(2 * REACH * TABLE_RESOLUTION) + 1];
        for (int i = 0; i < kernel.length; i++) {
            double x = (double) i / TABLE_RESOLUTION;
            kernel[i] = ETA / (1 + x * x) + (1 - ETA) * Math.exp(-Math.log(2) * x * x);
        }
        this.maxBroadening = profile.maxBroadening();
        // only sticks that some allowed shift and strain can bring into the range are drawn
        double margin = settings.maxZeroShift() + REACH * maxBroadening * widths.fwhm(Math.min(profile.end(), 170)) + 1.5;
        double low = Math.max(0.1, profile.start() - margin);
        double high = Math.min(179.9, profile.end() + margin);
        this.dMax = lambda1 / (2 * Math.sin(Math.toRadians(low / 2))) / (1 - settings.maxStrain());
        this.dMin = lambda1 / (2 * Math.sin(Math.toRadians(high / 2))) / (1 + settings.maxStrain());
    }

    /**
     * Fits structure {@code i} to the compressed signal {@code z} (|z| given), starting at zero shift δ0,
     * strain ε0 and peak broadening b0 (the phase's FWHM over the pattern's typical FWHM).
     */
    Fit fit(int i, double[] z, double zNorm, double delta0, double strain0, double broadening0, SearchSettings s) {
        double[] buffer = new double[z.length];
        double[] p = {delta0, strain0, Math.min(broadening0, maxBroadening)};
        double best = score(i, z, zNorm, p[0], p[1], p[2], buffer);
        double[] steps = {0.05, 0.0025, 0.4}; // degrees, strain, log of the broadening
        for (int level = 0; level < 3; level++) {
            boolean moved = true;
            int guard = 0;
            while (moved && guard++ < 12) {
                moved = false;
                for (int k = 0; k < 3; k++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        double[] t = p.clone();
                        t[k] = k == 2 ? p[2] * Math.exp(sign * steps[2]) : p[k] + sign * steps[k];
                        if (Math.abs(t[0]) > s.maxZeroShift() + 1e-12 || Math.abs(t[1]) > s.maxStrain() + 1e-12
                                || t[2] > maxBroadening || t[2] < MIN_BROADENING) {
                            continue;
                        }
                        double v = score(i, z, zNorm, t[0], t[1], t[2], buffer);
                        if (v > best) {
                            best = v;
                            p = t;
                            moved = true;
                        }
                    }
                }
            }
            for (int k = 0; k < 3; k++) {
                steps[k] /= 2;
            }
        }
        return new Fit(i, best, p[0], p[1], p[2]);
    }

    private double score(int i, double[] z, double zNorm, double delta, double strain, double broadening, double[] r) {
        int[] span = render(i, delta, strain, broadening, r);
        if (span[0] > span[1]) {
            return 0;
        }
        double dot = 0;
        double rr = 0;
        for (int m = span[0]; m <= span[1]; m++) {
            double v = r[m];
            if (v > 0) {
                double c = compression == 0.5 ? Math.sqrt(v) : Math.pow(v, compression);
                dot += c * z[m];
                rr += c * c;
            }
            r[m] = 0; // leave the buffer clean for the next call
        }
        return rr > 0 ? dot / (Math.sqrt(rr) * zNorm) : 0;
    }

    /**
     * The share of a fitted structure's compressed profile, scaled to the signal by least squares, that the
     * signal {@code z} actually holds: Σ min(s·c, z) / Σ s·c with c = r^p. Near 1 when every peak it predicts
     * was measured; low when it predicts peaks where nothing is, whatever its cosine.
     */
    double coverage(Fit fit, double[] zScale, double[] zCover) {
        double[] r = new double[zScale.length];
        int[] span = render(fit.index(), fit.zeroShift(), fit.strain(), fit.broadening(), r);
        double zc = 0;
        double cc = 0;
        for (int m = span[0]; m <= span[1]; m++) {
            r[m] = r[m] > 0 ? Math.pow(r[m], compression) : 0;
            zc += zScale[m] * r[m];
            cc += r[m] * r[m];
        }
        if (cc == 0) {
            return 0;
        }
        double scale = zc / cc;
        double covered = 0;
        double total = 0;
        for (int m = span[0]; m <= span[1]; m++) {
            double c = scale * r[m];
            covered += Math.min(c, zCover[m]);
            total += c;
        }
        return total > 0 ? covered / total : 0;
    }

    /** Draws the linear profile of structure {@code i} into {@code out}; returns the first and last index touched. */
    int[] render(int i, double delta, double strain, double broadening, double[] out) {
        int n = out.length;
        double start = profile.start();
        double step = profile.step();
        int lo = n;
        int hi = -1;
        for (int j = lib.firstStick(i); j < lib.endStick(i); j++) {
            double d0 = lib.dSpacing(j);
            if (d0 < dMin) {
                break; // d falls along the sticks
            }
            double intensity = lib.intensity(j);
            if (intensity < MIN_INTENSITY || d0 > dMax) {
                continue;
            }
            double d = d0 * (1 + strain);
            for (int line = 0; line < 2; line++) {
                double lambda = line == 0 ? lambda1 : lambda2;
                double weight = line == 0 ? intensity : intensity * ratio2;
                if (weight <= 0) {
                    continue;
                }
                double sin = lambda / (2 * d);
                if (!(sin < 1)) {
                    continue;
                }
                double x = Math.toDegrees(2 * Math.asin(sin)) + delta;
                double fwhm = broadening * widths.fwhm(x);
                double reach = REACH * fwhm;
                int a = Math.max(0, (int) Math.ceil((x - reach - start) / step));
                int b = Math.min(n - 1, (int) Math.floor((x + reach - start) / step));
                double perStep = TABLE_RESOLUTION * 2 / fwhm;
                for (int m = a; m <= b; m++) {
                    int t = (int) (Math.abs(start + m * step - x) * perStep + 0.5);
                    if (t < kernel.length) {
                        out[m] += weight * kernel[t];
                    }
                }
                if (a <= b) {
                    lo = Math.min(lo, a);
                    hi = Math.max(hi, b);
                }
            }
        }
        return new int[]{lo, hi};
    }
}
