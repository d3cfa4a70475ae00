package irw.xrd.peaks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds peaks in a background-subtracted pattern: local maxima that rise at least {@code minSignificance}
 * noise standard deviations above the background and stand out by as much from the deeper of the
 * two valleys that separate them from higher neighbours (topographic prominence), so noise on a
 * peak's flank is not a second peak. Position by a parabola through the top three points; FWHM by
 * linear interpolation of the half-maximum crossings.
 *
 * @param minSignificance how many noise standard deviations a peak's height and prominence must reach
 */
public record PeakSearch(double minSignificance) {
    /** A peak's FWHM spans at least this many sampling steps. */
    static final double MIN_POINTS_WIDE = 1.5;

    public PeakSearch {
        if (!(minSignificance > 0)) {
            throw new IllegalArgumentException("the significance threshold must be positive, got " + minSignificance);
        }
    }

    /** Three standard deviations: about one false peak per thousand noise-only points. */
    public static PeakSearch standard() {
        return new PeakSearch(3);
    }

    /**
     * @param twoTheta   increasing axis in degrees
     * @param net        intensity above the background
     * @param sigma      the noise standard deviation at each point
     * @param wavelength Kα1 in ångström for the d-spacings, or NaN
     * @return the peaks in increasing 2θ
     */
    public List<Peak> find(double[] twoTheta, double[] net, double[] sigma, double wavelength) {
        int n = net.length;
        if (twoTheta.length != n || sigma.length != n) {
            throw new IllegalArgumentException("axis, intensity and noise must have the same length");
        }
        List<Peak> peaks = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (!(net[i] >= net[i - 1] && net[i] > net[i + 1]) || net[i] < minSignificance * sigma[i]) {
                continue;
            }
            if (prominence(net, i) < minSignificance * sigma[i]) {
                continue;
            }
            Peak p = describe(twoTheta, net, i, wavelength);
            // a diffraction peak is sampled by several points; a one-point spike is noise
            if (p.fwhm() >= MIN_POINTS_WIDE * (twoTheta[i + 1] - twoTheta[i - 1]) / 2) {
                peaks.add(p);
            }
        }
        return peaks;
    }

    /** The strongest {@code count} peaks, strongest first. */
    public static List<Peak> strongest(List<Peak> peaks, int count) {
        return peaks.stream().sorted(Comparator.comparingDouble(Peak::height).reversed()).limit(count).toList();
    }

    /** Height above the higher of the two lowest points between this peak and a higher one (or the end) on each side. */
    static double prominence(double[] y, int i) {
        double leftMin = y[i];
        for (int j = i - 1; j >= 0 && y[j] <= y[i]; j--) {
            leftMin = Math.min(leftMin, y[j]);
        }
        double rightMin = y[i];
        for (int j = i + 1; j < y.length && y[j] <= y[i]; j++) {
            rightMin = Math.min(rightMin, y[j]);
        }
        return y[i] - Math.max(leftMin, rightMin);
    }

    private static Peak describe(double[] x, double[] y, int i, double wavelength) {
        double half = y[i] / 2;
        double left = crossing(x, y, i, -1, half);
        double right = crossing(x, y, i, +1, half);
        double fwhm;
        if (!Double.isNaN(left) && !Double.isNaN(right)) {
            fwhm = right - left;
        } else if (!Double.isNaN(left)) {
            fwhm = 2 * (x[i] - left);
        } else if (!Double.isNaN(right)) {
            fwhm = 2 * (right - x[i]);
        } else {
            // hidden on both sides: from the curvature at the top, as for a Gaussian (y'' = −8 ln2 · y / FWHM²)
            double h = (x[i + 1] - x[i - 1]) / 2;
            double curvature = (y[i - 1] - 2 * y[i] + y[i + 1]) / (h * h);
            fwhm = curvature < 0 ? Math.sqrt(-8 * Math.log(2) * y[i] / curvature) : 2 * h;
        }
        // vertex of the parabola through the top three points
        double y0 = y[i - 1];
        double y1 = y[i];
        double y2 = y[i + 1];
        double denom = y0 - 2 * y1 + y2;
        double offset = denom < 0 ? 0.5 * (y0 - y2) / denom : 0;
        offset = Math.max(-0.5, Math.min(0.5, offset));
        double pos = offset >= 0 ? x[i] + offset * (x[i + 1] - x[i]) : x[i] + offset * (x[i] - x[i - 1]);
        double height = y1 - 0.25 * (y0 - y2) * offset;
        double d = Double.isNaN(wavelength) ? Double.NaN : wavelength / (2 * Math.sin(Math.toRadians(pos / 2)));
        return new Peak(pos, d, height, fwhm, height * fwhm * 1.0645, i);
    }

    /**
     * Where the signal first falls to {@code level} walking from the peak in direction {@code dir}, or NaN
     * when it rises again (a neighbouring peak) or the pattern ends before.
     */
    private static double crossing(double[] x, double[] y, int i, int dir, double level) {
        int j = i;
        while (j + dir >= 0 && j + dir < y.length) {
            int k = j + dir;
            if (y[k] > y[j] && y[j] > level) {
                return Double.NaN; // climbing into another peak before half maximum
            }
            if (y[k] <= level) {
                double t = (y[j] - level) / (y[j] - y[k]);
                return x[j] + t * (x[k] - x[j]);
            }
            j = k;
        }
        return Double.NaN;
    }
}
