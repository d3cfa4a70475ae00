package irw.experiments;

import irw.core.PatternMetrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Table 4 of Bai et al. 2019: l1, l2, KL and NCC between each (refined) pattern and its
 * ground-truth pattern, summarised over the test set by mean and median. Both patterns are
 * scaled to a maximum of 1 first, so the distances measure shape, not the arbitrary intensity unit.
 */
public final class GroundTruthDistances {
    public static final String[] DISTANCES = {"l1", "l2", "KL", "NCC"};

    private GroundTruthDistances() {
    }

    /** "l1 mean" → value, "l1 median" → value, … for the four distances. */
    public static Map<String, Double> summarise(float[][] patterns, float[][] truth) {
        if (patterns.length != truth.length || patterns.length == 0) {
            throw new IllegalArgumentException(patterns.length + " patterns but " + truth.length + " ground-truth patterns");
        }
        double[][] d = new double[DISTANCES.length][patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            double[] a = maxScaled(patterns[i]);
            double[] b = maxScaled(truth[i]);
            d[0][i] = PatternMetrics.l1(a, b);
            d[1][i] = PatternMetrics.l2(a, b);
            d[2][i] = PatternMetrics.klDivergence(b, a); // KL(truth ‖ refined): how badly the refined pattern explains the truth
            d[3][i] = PatternMetrics.ncc(a, b);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < DISTANCES.length; k++) {
            out.put(DISTANCES[k] + " mean", Arrays.stream(d[k]).average().orElse(Double.NaN));
            out.put(DISTANCES[k] + " median", median(d[k]));
        }
        return out;
    }

    /** Divides by the largest absolute value (all zeros stay zeros), so patterns of any scale compare. */
    public static double[] maxScaled(float[] v) {
        double max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = max == 0 ? 0 : v[i] / max;
        }
        return out;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
