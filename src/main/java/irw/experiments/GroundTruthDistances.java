package irw.experiments;

import irw.core.PatternMetrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Table 4 of Bai et al. 2019: l1, l2, KL and NCC between each (refined) pattern and its
 * ground-truth pattern, summarised over the test set by mean and median. Both are compared in the
 * classifier's model space (the ground truth prepared as the input was) and over the measured
 * cells only: a cell marked unmeasured (a negative value, the preparation's −1) in either is left
 * out, so a partial scan is scored on what was measured. Both are then scaled to a maximum of 1,
 * so the distances measure shape, not the arbitrary intensity unit.
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
            double[] one = distances(patterns[i], truth[i]);
            for (int k = 0; k < DISTANCES.length; k++) {
                d[k][i] = one[k];
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < DISTANCES.length; k++) {
            out.put(DISTANCES[k] + " mean", Arrays.stream(d[k]).average().orElse(Double.NaN));
            out.put(DISTANCES[k] + " median", median(d[k]));
        }
        return out;
    }

    /** l1, l2, KL(truth ‖ pattern) and NCC of one pattern against its ground truth, over the cells both measured. */
    public static double[] distances(float[] pattern, float[] truth) {
        if (pattern.length != truth.length) {
            throw new IllegalArgumentException("pattern has " + pattern.length + " cells, its ground truth " + truth.length);
        }
        int n = 0;
        for (int j = 0; j < pattern.length; j++) {
            n += pattern[j] >= 0 && truth[j] >= 0 ? 1 : 0;
        }
        float[] a = new float[n];
        float[] b = new float[n];
        for (int j = 0, k = 0; j < pattern.length; j++) {
            if (pattern[j] >= 0 && truth[j] >= 0) {
                a[k] = pattern[j];
                b[k++] = truth[j];
            }
        }
        double[] as = maxScaled(a);
        double[] bs = maxScaled(b);
        // KL(truth ‖ refined): how badly the refined pattern explains the truth
        return new double[]{PatternMetrics.l1(as, bs), PatternMetrics.l2(as, bs), PatternMetrics.klDivergence(bs, as), PatternMetrics.ncc(as, bs)};
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
