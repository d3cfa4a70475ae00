package irw.experiments;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers Bai et al. (AAAI 2019) report, for side-by-side comparison. Accuracies are
 * fractions (0.6854 = 68.54 %). Quoted from the paper's Tables 1-4 and its digits section; the
 * paper reports means over 5 runs without a spread. Fig. 7's curves are only given as a plot,
 * so only the values its text states are here.
 */
public final class PaperReference {
    private PaperReference() {
    }

    /** Table 1: classifier pre-trained on ideal XRD, tested on imperfect data. */
    public static final Map<String, double[]> TABLE1_STANDARD_VS_PROTO = ordered(
            "VGG-19", new double[]{0.6854, 0.6901},
            "DenseNet", new double[]{0.6774, 0.7082});

    /** Table 2: accuracy of the methods (ADDA and GTA are not reproduced here). */
    public static final Map<String, Double> TABLE2_ACCURACY = orderedScalars(
            "DWT", 0.7128,
            "ADDA", 0.7378,
            "GTA", 0.7318,
            "UNet+VGG", 0.7137,
            "UNet+proto-VGG", 0.7398,
            "UNet+DenseNet", 0.7650,
            "UNet+proto-DenseNet", 0.8005,
            "non-targeted UNet+proto-VGG", 0.7163,
            "non-targeted UNet+proto-DenseNet", 0.7474);

    /** Table 3 (UNet+DenseNet, targeted): accuracy by which of l_proto / l_pred is used, l_reg always on. */
    public static final double TABLE3_PROTO_ONLY = 0.7933;
    public static final double TABLE3_PRED_ONLY = 0.7576;
    public static final double TABLE3_BOTH = 0.8005;

    /** Table 4 column order. */
    public static final String[] TABLE4_COLUMNS = {
            "l1 mean", "l2 mean", "KL mean", "NCC mean", "l1 median", "l2 median", "KL median", "NCC median"};

    /** Table 4: distances to the ground-truth XRD, in the paper's (unstated) scale. */
    public static final Map<String, double[]> TABLE4 = ordered(
            "Raw XRD", new double[]{38.993, 4.913, 41.027, 24.415, 26.749, 1.718, 12.195, 20.870},
            "DWT", new double[]{37.459, 4.722, 37.920, 24.305, 25.642, 1.706, 11.972, 20.884},
            "GTA", new double[]{89.265, 9.498, 48.263, 20.991, 90.914, 6.861, 23.306, 20.618},
            "UNet+proto-VGG", new double[]{37.709, 4.822, 35.750, 24.514, 26.200, 1.603, 11.686, 20.956},
            "non-targeted UNet+proto-VGG", new double[]{38.843, 4.983, 38.494, 24.205, 26.034, 1.630, 12.545, 21.232},
            "UNet+proto-DenseNet", new double[]{36.744, 4.382, 31.767, 25.827, 25.101, 1.671, 11.945, 22.481},
            "non-targeted UNet+proto-DenseNet", new double[]{37.119, 4.797, 36.246, 24.364, 27.235, 1.754, 11.834, 21.079});

    /** Digits: the prototypical classifier trained on typeset digits, applied to MNIST test. */
    public static final double DIGITS_BASELINE_PROTO = 0.7757;
    /** Digits: the same network trained as a standard classifier (λ = 0). */
    public static final double DIGITS_BASELINE_STANDARD = 0.7026;
    /** Digits, non-targeted refinement at N = 50: "a margin of over 2 %" above the baseline. */
    public static final double DIGITS_NON_TARGETED_GAIN_AT_50 = 0.02;

    private static Map<String, double[]> ordered(Object... kv) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (double[]) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Double> orderedScalars(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
