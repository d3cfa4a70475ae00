package irw.xrd.preprocess;

import java.util.Arrays;

/**
 * The multi-level discrete wavelet transform (Mallat's pyramid algorithm) with symmetric
 * boundary handling. The signal is extended by mirroring to a length divisible by 2^levels and
 * then mirrored once more, so that its periodic continuation has no jump at either end; the
 * periodic orthogonal transform of that is exactly invertible, and the ends of a pattern (high
 * background at low angle, low at high angle) do not leak spurious detail into each other.
 */
public final class WaveletTransform {
    private WaveletTransform() {
    }

    /**
     * Wavelet coefficients.
     *
     * @param approximation the coarsest approximation coefficients
     * @param details       detail coefficients, finest level first
     * @param length        the original signal's length
     */
    public record Decomposition(Wavelet wavelet, double[] approximation, double[][] details, int length) {
        public int levels() {
            return details.length;
        }
    }

    /** The most useful levels, floor(log2(n / (L - 1))) as PyWavelets' dwt_max_level. */
    public static int maxLevels(int length, Wavelet wavelet) {
        int levels = 0;
        while (((long) length >> (levels + 1)) >= wavelet.length() - 1 && levels < 30) {
            levels++;
        }
        return levels;
    }

    public static Decomposition decompose(double[] x, Wavelet wavelet, int levels) {
        if (x.length < 2) {
            throw new IllegalArgumentException("a wavelet transform needs at least 2 points, got " + x.length);
        }
        if (levels < 0 || levels > maxLevels(x.length, wavelet)) {
            throw new IllegalArgumentException(levels + " levels do not fit " + x.length + " points with " + wavelet
                    + " (at most " + maxLevels(x.length, wavelet) + ")");
        }
        double[] a = extend(x, levels);
        double[][] details = new double[levels][];
        for (int level = 0; level < levels; level++) {
            int half = a.length / 2;
            double[] approx = new double[half];
            double[] detail = new double[half];
            step(a, approx, detail, wavelet);
            details[level] = detail;
            a = approx;
        }
        return new Decomposition(wavelet, a, details, x.length);
    }

    public static double[] reconstruct(Decomposition c) {
        double[] a = c.approximation().clone();
        for (int level = c.levels() - 1; level >= 0; level--) {
            a = inverseStep(a, c.details()[level], c.wavelet());
        }
        return Arrays.copyOf(a, c.length());
    }

    /** One analysis step: a[k] = Σ h[m] x[2k+m], d[k] = Σ g[m] x[2k+m], indices periodic. */
    private static void step(double[] x, double[] approx, double[] detail, Wavelet w) {
        double[] h = w.low();
        double[] g = w.high();
        int n = x.length;
        for (int k = 0; k < approx.length; k++) {
            double a = 0;
            double d = 0;
            for (int m = 0; m < h.length; m++) {
                double v = x[(2 * k + m) % n];
                a += h[m] * v;
                d += g[m] * v;
            }
            approx[k] = a;
            detail[k] = d;
        }
    }

    /** The transpose of {@link #step}, which is its inverse because the periodic filter bank is orthogonal. */
    private static double[] inverseStep(double[] approx, double[] detail, Wavelet w) {
        double[] h = w.low();
        double[] g = w.high();
        int n = 2 * approx.length;
        double[] x = new double[n];
        for (int k = 0; k < approx.length; k++) {
            for (int m = 0; m < h.length; m++) {
                x[(2 * k + m) % n] += h[m] * approx[k] + g[m] * detail[k];
            }
        }
        return x;
    }

    /** x, mirrored on to a multiple of 2^levels, then that mirrored whole: continuous when wrapped. */
    private static double[] extend(double[] x, int levels) {
        int block = 1 << levels;
        int padded = (x.length + block - 1) / block * block;
        double[] p = new double[2 * padded];
        for (int i = 0; i < padded; i++) {
            p[i] = x[mirror(i, x.length)];
        }
        for (int i = 0; i < padded; i++) {
            p[2 * padded - 1 - i] = p[i];
        }
        return p;
    }

    /** Half-sample symmetric index: ..., x1, x0 | x0, x1, ..., x[n-1] | x[n-1], x[n-2], ... */
    private static int mirror(int i, int n) {
        int period = 2 * n;
        int j = i % period;
        return j < n ? j : period - 1 - j;
    }
}
