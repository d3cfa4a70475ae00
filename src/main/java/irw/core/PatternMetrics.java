package irw.core;

/**
 * Distances between two patterns on the same grid (Table 4 of Bai et al. 2019 reports l1, l2,
 * KL and NCC between refined patterns and the ground truth).
 *
 * <p>Callers choose the normalisation beforehand; KL normalises by area itself because it is
 * only defined between distributions.
 */
public final class PatternMetrics {
    /** Added to every bin before area normalisation in {@link #klDivergence}, so empty bins stay finite. */
    public static final double KL_EPSILON = 1e-10;

    private PatternMetrics() {
    }

    /** l1 = Σ|a_i − b_i|. */
    public static double l1(double[] a, double[] b) {
        checkSameLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s;
    }

    /** l2 = sqrt(Σ(a_i − b_i)²). */
    public static double l2(double[] a, double[] b) {
        checkSameLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /**
     * KL(p‖q) = Σ p_i ln(p_i / q_i), where p = (a + ε)/Σ(a + ε) and q = (b + ε)/Σ(b + ε), with
     * ε = {@value #KL_EPSILON}. Negative intensities (e.g. after background subtraction) are
     * clipped to 0 first, as a distribution cannot hold them. Result in nats.
     */
    public static double klDivergence(double[] a, double[] b) {
        checkSameLength(a, b);
        double[] p = distribution(a);
        double[] q = distribution(b);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * Math.log(p[i] / q[i]);
        }
        return s;
    }

    /**
     * Normalised cross-correlation at zero lag: NCC = Σ(a_i − ā)(b_i − b̄) / sqrt(Σ(a_i − ā)² Σ(b_i − b̄)²),
     * in [−1, 1]. Defined as 0 when either pattern is constant.
     */
    public static double ncc(double[] a, double[] b) {
        checkSameLength(a, b);
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return 0;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Total variation Σ|a_{i+1} − a_i|: how rough a pattern is (noise and spikes raise it; smoothing lowers it). */
    public static double totalVariation(double[] a) {
        double s = 0;
        for (int i = 1; i < a.length; i++) {
            s += Math.abs(a[i] - a[i - 1]);
        }
        return s;
    }

    public static double l1(Pattern a, Pattern b) {
        return l1(a.intensityValues(), b.intensityValues());
    }

    public static double l2(Pattern a, Pattern b) {
        return l2(a.intensityValues(), b.intensityValues());
    }

    public static double klDivergence(Pattern a, Pattern b) {
        return klDivergence(a.intensityValues(), b.intensityValues());
    }

    public static double ncc(Pattern a, Pattern b) {
        return ncc(a.intensityValues(), b.intensityValues());
    }

    private static double[] distribution(double[] v) {
        double[] p = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.max(v[i], 0) + KL_EPSILON;
            sum += p[i];
        }
        for (int i = 0; i < v.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void checkSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("patterns differ in length: " + a.length + " vs " + b.length
                    + " points; resample both onto one grid first");
        }
    }
}
