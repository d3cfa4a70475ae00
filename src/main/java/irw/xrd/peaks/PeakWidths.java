package irw.xrd.peaks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How peak width grows with angle in a measured pattern: FWHM(2θ) = a + b·tanθ, the strain-like term of
 * the Caglioti/Williamson-Hall picture in its linear form (degrees 2θ). Fitted by the Theil-Sen estimator
 * (median of pairwise slopes), so a few merged or noisy peaks do not pull it.
 *
 * @param a FWHM at 2θ = 0, degrees
 * @param b growth per unit tanθ, degrees (never negative)
 */
public record PeakWidths(double a, double b) {
    public PeakWidths {
        if (!(a > 0) || !(b >= 0)) {
            throw new IllegalArgumentException("peak widths need a > 0 and b >= 0, got " + a + ", " + b);
        }
    }

    public static PeakWidths constant(double fwhm) {
        return new PeakWidths(fwhm, 0);
    }

    public double fwhm(double twoTheta) {
        return a + b * Math.tan(Math.toRadians(twoTheta / 2));
    }

    /**
     * Fits the strongest peaks (at least 10 % of the strongest, up to 30 of them) whose FWHM spans at
     * least {@code minWidth}; a single constant width when fewer than three qualify, {@code fallback}
     * when none do.
     */
    public static PeakWidths fit(List<Peak> peaks, double minWidth, double fallback) {
        List<Peak> strong = PeakSearch.strongest(peaks, 30);
        double top = strong.isEmpty() ? 0 : strong.get(0).height();
        List<Peak> use = new ArrayList<>();
        for (Peak p : strong) {
            if (p.height() >= 0.1 * top && p.fwhm() >= minWidth && p.fwhm() < 5) {
                use.add(p);
            }
        }
        if (use.isEmpty()) {
            return constant(Math.max(fallback, minWidth));
        }
        double[] w = use.stream().mapToDouble(Peak::fwhm).toArray();
        double[] t = use.stream().mapToDouble(p -> Math.tan(Math.toRadians(p.twoTheta() / 2))).toArray();
        if (use.size() < 3) {
            return constant(Math.max(median(w), minWidth));
        }
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            for (int j = i + 1; j < w.length; j++) {
                if (Math.abs(t[j] - t[i]) > 0.05) {
                    slopes.add((w[j] - w[i]) / (t[j] - t[i]));
                }
            }
        }
        double b = slopes.isEmpty() ? 0 : Math.max(0, median(slopes.stream().mapToDouble(Double::doubleValue).toArray()));
        double[] intercepts = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            intercepts[i] = w[i] - b * t[i];
        }
        double a = median(intercepts);
        if (a < minWidth) { // keep the fitted widths over the measured range at least minWidth
            a = minWidth;
        }
        return new PeakWidths(a, b);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
