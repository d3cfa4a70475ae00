package irw.engine;

/**
 * Fits the temperature of {@link Calibration} by minimising the mean negative log-likelihood of
 * held-out labelled items over log T (golden-section search on [1/20, 20]; the NLL is convex in
 * 1/T), and measures the expected calibration error (ECE) before and after.
 */
public final class TemperatureScaling {
    /** Equal-width confidence bins of the ECE, as in Guo et al. 2017. */
    public static final int ECE_BINS = 15;
    private static final double LOG_MIN = Math.log(0.05);
    private static final double LOG_MAX = Math.log(20);

    private TemperatureScaling() {
    }

    /** @param logits [items][classes] of the prediction layer; labels in 0..classes-1 (negative: skipped) */
    public static Calibration fit(float[][] logits, int[] labels, String heldOut) {
        if (logits.length != labels.length) {
            throw new IllegalArgumentException(logits.length + " rows of logits but " + labels.length + " labels");
        }
        int n = 0;
        for (int y : labels) {
            n += y >= 0 ? 1 : 0;
        }
        if (n == 0) {
            throw new IllegalArgumentException("temperature scaling needs labelled held-out items");
        }
        double a = LOG_MIN;
        double b = LOG_MAX;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = nll(logits, labels, Math.exp(c));
        double fd = nll(logits, labels, Math.exp(d));
        for (int i = 0; i < 60; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = nll(logits, labels, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = nll(logits, labels, Math.exp(d));
            }
        }
        double t = Math.exp((a + b) / 2);
        Calibration fitted = new Calibration("temperature", t, heldOut, n, ece(logits, labels, 1), ece(logits, labels, t),
                nll(logits, labels, 1), nll(logits, labels, t));
        float[][] p = new float[logits.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = fitted.probabilities(logits[i]);
        }
        double threshold = uncertainBelow(p, labels, SELECTIVE_ACCURACY);
        double[] above = selective(p, labels, threshold);
        return new Calibration("temperature", t, heldOut, n, fitted.eceBefore(), fitted.eceAfter(), fitted.nllBefore(), fitted.nllAfter(),
                threshold, above[0], above[1]);
    }

    /** A class is shown without "uncertain" only where at least this share of such held-out answers was right. */
    static final double SELECTIVE_ACCURACY = 0.9;

    /**
     * The smallest confidence threshold (never under {@link Calibration#DEFAULT_UNCERTAIN_BELOW}, at most 0.95)
     * above which at least {@code target} of the held-out answers are right.
     */
    static double uncertainBelow(float[][] probabilities, int[] labels, double target) {
        int steps = 90;
        for (int i = 0; i <= steps; i++) {
            double t = Calibration.DEFAULT_UNCERTAIN_BELOW + i * (0.95 - Calibration.DEFAULT_UNCERTAIN_BELOW) / steps;
            double[] s = selective(probabilities, labels, t);
            if (s[1] > 0 && s[0] >= target) {
                return t;
            }
        }
        return 0.95;
    }

    /** Accuracy of the labelled answers with top probability >= t, and their share of the labelled answers. */
    static double[] selective(float[][] probabilities, int[] labels, double t) {
        int n = 0, above = 0, right = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (labels[i] < 0) {
                continue;
            }
            n++;
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            if (probabilities[i][best] >= t) {
                above++;
                right += best == labels[i] ? 1 : 0;
            }
        }
        return new double[]{above == 0 ? Double.NaN : (double) right / above, n == 0 ? 0 : (double) above / n};
    }

    /** Mean −log softmax(z / T)_y over the labelled rows. */
    public static double nll(float[][] logits, int[] labels, double temperature) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < logits.length; i++) {
            if (labels[i] < 0) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (float z : logits[i]) {
                max = Math.max(max, z / temperature);
            }
            double s = 0;
            for (float z : logits[i]) {
                s += Math.exp(z / temperature - max);
            }
            sum += max + Math.log(s) - logits[i][labels[i]] / temperature;
            n++;
        }
        return sum / n;
    }

    /** Expected calibration error of softmax(z / T): Σ_bins |accuracy − mean confidence| · share of items. */
    public static double ece(float[][] logits, int[] labels, double temperature) {
        Calibration c = new Calibration("temperature", temperature, "", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        float[][] p = new float[logits.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.probabilities(logits[i]);
        }
        return ece(p, labels);
    }

    /** Expected calibration error of given probabilities. */
    public static double ece(float[][] probabilities, int[] labels) {
        double[] conf = new double[ECE_BINS];
        double[] correct = new double[ECE_BINS];
        int[] count = new int[ECE_BINS];
        int n = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (labels[i] < 0) {
                continue;
            }
            float[] p = probabilities[i];
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            int bin = Math.min(ECE_BINS - 1, (int) (p[best] * ECE_BINS));
            conf[bin] += p[best];
            correct[bin] += best == labels[i] ? 1 : 0;
            count[bin]++;
            n++;
        }
        double e = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (count[b] > 0) {
                e += Math.abs(correct[b] - conf[b]) / n;
            }
        }
        return e;
    }
}
