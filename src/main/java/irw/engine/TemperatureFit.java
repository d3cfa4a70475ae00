package irw.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits the temperature of {@link Calibration} by minimising the negative log-likelihood of held-out
 * labels over log T (golden-section search: the NLL is unimodal in T), and measures the expected
 * calibration error (ECE, 15 equal-width confidence bins, Guo et al. 2017).
 */
public final class TemperatureFit {
    static final int BINS = 15;

    private TemperatureFit() {
    }

    /** @param logits held-out logits [n][classes]; @param labels their true classes; @param heldOut what the set was, for the report */
    public static Calibration fit(float[][] logits, int[] labels, String heldOut) {
        double lo = Math.log(0.05), hi = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = nll(logits, labels, Math.exp(a)), fb = nll(logits, labels, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(logits, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(logits, labels, Math.exp(b));
            }
        }
        double t = Math.exp((lo + hi) / 2);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("method", "temperature scaling");
        report.put("heldOut", heldOut);
        report.put("items", labels.length);
        report.put("nllBefore", nll(logits, labels, 1));
        report.put("nllAfter", nll(logits, labels, t));
        report.put("eceBefore", ece(probabilities(logits, 1), labels));
        report.put("eceAfter", ece(probabilities(logits, t), labels));
        report.put("accuracy", accuracy(logits, labels));
        float[][] calibrated = probabilities(logits, t);
        double threshold = uncertainBelow(calibrated, labels, SELECTIVE_ACCURACY);
        report.put("uncertainBelow", threshold);
        report.put("selectiveAccuracyTarget", SELECTIVE_ACCURACY);
        double[] above = selective(calibrated, labels, threshold);
        report.put("accuracyAboveThreshold", above[0]);
        report.put("shareAboveThreshold", above[1]);
        return new Calibration(t, threshold, report);
    }

    /** A class is shown without "uncertain" only where at least this share of such answers was right on held-out data. */
    static final double SELECTIVE_ACCURACY = 0.9;

    /**
     * The smallest confidence threshold (never under {@link Calibration#DEFAULT_UNCERTAIN_BELOW}) above which
     * at least {@code target} of the held-out answers are right: answers the model gives with less
     * confidence are shown as "uncertain".
     */
    static double uncertainBelow(float[][] probabilities, int[] labels, double target) {
        double[] steps = new double[91];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Calibration.DEFAULT_UNCERTAIN_BELOW + i * (0.95 - Calibration.DEFAULT_UNCERTAIN_BELOW) / (steps.length - 1);
        }
        for (double t : steps) {
            double[] s = selective(probabilities, labels, t);
            if (s[1] > 0 && s[0] >= target) {
                return t;
            }
        }
        return 0.95;
    }

    /** Accuracy of the answers with top probability >= t, and their share of all answers. */
    static double[] selective(float[][] probabilities, int[] labels, double t) {
        int n = 0, right = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int best = argMax(probabilities[i]);
            if (probabilities[i][best] >= t) {
                n++;
                right += best == labels[i] ? 1 : 0;
            }
        }
        return new double[]{n == 0 ? Double.NaN : (double) right / n, (double) n / probabilities.length};
    }

    static double nll(float[][] logits, int[] labels, double t) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum -= Math.log(Math.max(softmax(logits[i], t)[labels[i]], 1e-12));
        }
        return sum / logits.length;
    }

    public static double[] softmax(float[] logits, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v / t);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] / t - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    static float[][] probabilities(float[][] logits, double t) {
        float[][] out = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double[] p = softmax(logits[i], t);
            out[i] = new float[p.length];
            for (int k = 0; k < p.length; k++) {
                out[i][k] = (float) p[k];
            }
        }
        return out;
    }

    /** Expected calibration error: the bin-weighted mean |accuracy − confidence| over 15 confidence bins. */
    public static double ece(float[][] probabilities, int[] labels) {
        double[] conf = new double[BINS];
        double[] correct = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < probabilities.length; i++) {
            int best = argMax(probabilities[i]);
            double c = probabilities[i][best];
            int bin = Math.min(BINS - 1, (int) (c * BINS));
            conf[bin] += c;
            correct[bin] += best == labels[i] ? 1 : 0;
            count[bin]++;
        }
        double e = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                e += Math.abs(correct[b] - conf[b]) / probabilities.length;
            }
        }
        return e;
    }

    private static double accuracy(float[][] logits, int[] labels) {
        int ok = 0;
        for (int i = 0; i < logits.length; i++) {
            ok += argMax(logits[i]) == labels[i] ? 1 : 0;
        }
        return (double) ok / logits.length;
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}
