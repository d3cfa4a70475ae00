package irw.xrd.search;

import irw.core.Pattern;
import irw.core.Wavelength;
import irw.xrd.peaks.Peak;
import irw.xrd.peaks.PeakSearch;
import irw.xrd.peaks.PeakWidths;
import irw.xrd.preprocess.SavitzkyGolay;
import irw.xrd.preprocess.SnipBackground;

import java.util.Arrays;
import java.util.List;

/**
 * A measured pattern made ready for matching, on its own axis and inside its own measured range (and
 * the library's): put on an even step (neighbouring points averaged where the scan is finer than
 * {@link #MIN_STEP}), the SNIP background removed, the noise estimated, and the net signal less the
 * noise floor kept. Nothing outside the measured range exists here, so reference peaks there neither
 * count nor penalise.
 */
public final class MeasuredProfile {
    /** Finer scans are averaged down to at least this step; a peak still spans several points. */
    static final double MIN_STEP = 0.02;
    /** Net signal below this many noise standard deviations is treated as no signal. */
    static final double NOISE_FLOOR = 2.5;

    private final Wavelength wavelength;
    private final double start;
    private final double step;
    private final double[] axis;
    private final double[] background;
    private final double[] sigma;
    private final double[] net;
    private final List<Peak> peaks;
    private final PeakWidths widths;

    private MeasuredProfile(Wavelength wavelength, double start, double step, double[] background, double[] sigma, double[] net,
                            List<Peak> peaks, PeakWidths widths) {
        this.wavelength = wavelength;
        this.start = start;
        this.step = step;
        this.axis = new double[net.length];
        for (int i = 0; i < net.length; i++) {
            axis[i] = start + i * step;
        }
        this.background = background;
        this.sigma = sigma;
        this.net = net;
        this.peaks = List.copyOf(peaks);
        this.widths = widths;
    }

    /**
     * @param from            lower end of the library's 2θ range: the profile is the measured range inside it
     * @param to              upper end
     * @param backgroundWidth the narrowest SNIP half-width, degrees; broad peaks widen it to four of their FWHM
     */
    public static MeasuredProfile of(Pattern pattern, Wavelength wavelength, double from, double to, double backgroundWidth) {
        double lo = Math.max(from, pattern.firstTwoTheta());
        double hi = Math.min(to, pattern.lastTwoTheta());
        double[] x = pattern.twoThetaValues();
        double[] y = pattern.intensityValues();
        int first = 0;
        while (first < x.length && x[first] < lo) {
            first++;
        }
        int last = x.length - 1;
        while (last >= 0 && x[last] > hi) {
            last--;
        }
        if (last - first < 20) {
            throw new IllegalArgumentException(pattern.metadata().sampleName() + ": fewer than 20 points measured inside the library's 2θ range "
                    + from + "-" + to + "°");
        }
        x = Arrays.copyOfRange(x, first, last + 1);
        y = Arrays.copyOfRange(y, first, last + 1);
        double nativeStep = medianStep(x);
        // pass 1 finds the peak widths; pass 2 bins to a fifth of the narrowest width and clips a background
        // wider than the broadest peaks
        MeasuredProfile rough = pass(x, y, nativeStep, Math.max(1, (int) Math.round(MIN_STEP / nativeStep)), backgroundWidth, wavelength, null);
        PeakWidths w = rough.widths;
        double target = Math.max(MIN_STEP, w.fwhm(x[0]) / 5);
        int bin = Math.max(1, (int) Math.round(target / nativeStep));
        double snip = Math.min(5, Math.max(backgroundWidth, 4 * w.fwhm(x[x.length - 1])));
        return pass(x, y, nativeStep, bin, snip, wavelength, w);
    }

    private static MeasuredProfile pass(double[] x, double[] y, double nativeStep, int bin, double snipWidth, Wavelength wavelength,
                                        PeakWidths fallback) {
        double step = nativeStep * bin;
        int n = Math.max(2, (int) Math.floor((x[x.length - 1] - x[0]) / step) + 1);
        double[] even = evenlySpaced(x, y, x[0], nativeStep, n, bin);
        double start = x[0] + (bin - 1) * nativeStep / 2;
        double[] background = new SnipBackground(Math.max(1, (int) Math.round(snipWidth / step))).estimate(even);
        double[] sigma = noise(even, background);
        double[] smooth = n > 9 ? new SavitzkyGolay(2, 2).smooth(even) : even.clone();
        double[] net = new double[n];
        double[] smoothNet = new double[n];
        for (int i = 0; i < n; i++) {
            net[i] = Math.max(0, even[i] - background[i] - NOISE_FLOOR * sigma[i]);
            smoothNet[i] = Math.max(0, smooth[i] - background[i]);
        }
        double[] axis = new double[n];
        for (int i = 0; i < n; i++) {
            axis[i] = start + i * step;
        }
        List<Peak> peaks = PeakSearch.standard().find(axis, smoothNet, sigma, wavelength.kAlpha1());
        double mid = start + (n - 1) * step / 2;
        PeakWidths widths = PeakWidths.fit(peaks, 2 * step, fallback == null ? 0.1 : fallback.fwhm(mid));
        return new MeasuredProfile(wavelength, start, step, background, sigma, net, peaks, widths);
    }

    private static double medianStep(double[] x) {
        double[] d = new double[x.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i + 1] - x[i];
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }

    /** Linear interpolation onto an even step, then the mean of each run of {@code bin} points. */
    private static double[] evenlySpaced(double[] x, double[] y, double x0, double nativeStep, int n, int bin) {
        int fine = n * bin;
        double[] v = new double[fine];
        int j = 0;
        for (int i = 0; i < fine; i++) {
            double t = Math.min(x0 + i * nativeStep, x[x.length - 1]);
            while (j < x.length - 2 && x[j + 1] < t) {
                j++;
            }
            double f = (t - x[j]) / (x[j + 1] - x[j]);
            v[i] = y[j] + Math.max(0, Math.min(1, f)) * (y[j + 1] - y[j]);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < bin; k++) {
                s += v[i * bin + k];
            }
            out[i] = s / bin;
        }
        return out;
    }

    /**
     * Counting noise grows as the square root of the counts: σ_i = g·√(B_i + c), with the gain g from the
     * median absolute second difference of the data scaled by √B (robust to peaks, which are a minority of
     * the points), so scaled or averaged data get the right σ too.
     */
    private static double[] noise(double[] y, double[] b) {
        int n = y.length;
        double floor = 0;
        for (double v : b) {
            floor = Math.max(floor, v);
        }
        double c = Math.max(1e-12, 1e-3 * floor);
        double[] r = new double[n - 2];
        for (int i = 1; i < n - 1; i++) {
            // y_i − (y_{i−1} + y_{i+1})/2 has variance 1.5 σ² for white noise
            r[i - 1] = Math.abs(y[i] - 0.5 * (y[i - 1] + y[i + 1])) / Math.sqrt(Math.max(b[i], 0) + c);
        }
        Arrays.sort(r);
        double gain = 1.4826 * r[r.length / 2] / Math.sqrt(1.5);
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.max(gain * Math.sqrt(Math.max(b[i], 0) + c), 1e-12);
        }
        return sigma;
    }

    public Wavelength wavelength() {
        return wavelength;
    }

    public double start() {
        return start;
    }

    public double step() {
        return step;
    }

    public int size() {
        return net.length;
    }

    public double end() {
        return start + (net.length - 1) * step;
    }

    public double[] axis() {
        return axis.clone();
    }

    /** Net intensity above the background and the noise floor, never negative. */
    public double[] net() {
        return net.clone();
    }

    public double[] background() {
        return background.clone();
    }

    public double[] sigma() {
        return sigma.clone();
    }

    /** The peaks found in the background-subtracted, lightly smoothed signal. */
    public List<Peak> peaks() {
        return peaks;
    }

    /** The typical peak width: the FWHM in the middle of the range, degrees 2θ. */
    public double fwhm() {
        return widths.fwhm((start() + end()) / 2);
    }

    /**
     * How much broader than {@link #widths()} a phase's peaks may be: the broadest significant peak
     * found (at least 5 % of the strongest) relative to the typical width at its angle, with a third to
     * spare, between 1.5 and 8. A nanocrystalline phase among sharp ones shows up here; where no peak is
     * broad, no broad phase may be invented to soak up what the background left.
     */
    public double maxBroadening() {
        double top = peaks.stream().mapToDouble(Peak::height).max().orElse(0);
        double widest = 1;
        for (Peak p : peaks) {
            if (p.height() >= 0.05 * top) {
                widest = Math.max(widest, p.fwhm() / widths.fwhm(p.twoTheta()));
            }
        }
        return Math.max(1.5, Math.min(8, 1.3 * widest));
    }

    /** The peak width as it changes with angle. */
    public PeakWidths widths() {
        return widths;
    }

    /** The same range and widths with another net signal (a residual after phases were taken out). */
    MeasuredProfile withNet(double[] newNet) {
        return new MeasuredProfile(wavelength, start, step, background, sigma, newNet, peaks, widths);
    }

    double[] netView() {
        return net;
    }
}
