package irw.engine.mic;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * How the few training items ("types") of a class generator are chosen (paper section 3.5.1):
 * CLUSTERED = k-means with Euclidean distance on the class's items, taking the member nearest to
 * each centroid (the best case); RANDOM = k random members (the average case).
 */
public enum TypeSelection {
    CLUSTERED, RANDOM;

    private static final int KMEANS_ITERATIONS = 25;

    public static TypeSelection parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type selection must be clustered or random, not '" + s + "'");
        }
    }

    /** Indices (into {@code items}) of k distinct chosen items. */
    public int[] choose(float[][] items, int k, Random random) {
        if (items.length < k) {
            throw new IllegalArgumentException("a class has only " + items.length + " training items; " + k + " types need at least " + k);
        }
        return this == RANDOM ? randomDistinct(items.length, k, random) : nearestToCentroids(items, k, random);
    }

    private static int[] randomDistinct(int n, int k, Random random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, k);
    }

    /** Lloyd's k-means from a k-means++ start, then the member nearest each centroid (distinct). */
    private static int[] nearestToCentroids(float[][] x, int k, Random random) {
        int n = x.length;
        double[][] c = new double[k][];
        c[0] = toDouble(x[random.nextInt(n)]);
        double[] d2 = new double[n];
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Double.MAX_VALUE;
                for (int m = 0; m < j; m++) {
                    d2[i] = Math.min(d2[i], distance2(x[i], c[m]));
                }
                total += d2[i];
            }
            double r = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                r -= d2[i];
                if (r <= 0) {
                    pick = i;
                    break;
                }
            }
            c[j] = toDouble(x[pick]);
        }
        int[] assign = new int[n];
        for (int it = 0; it < KMEANS_ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                assign[i] = nearest(x[i], c);
            }
            double[][] sum = new double[k][x[0].length];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[assign[i]]++;
                for (int d = 0; d < x[i].length; d++) {
                    sum[assign[i]][d] += x[i][d];
                }
            }
            for (int j = 0; j < k; j++) {
                if (count[j] > 0) {
                    for (int d = 0; d < sum[j].length; d++) {
                        sum[j][d] /= count[j];
                    }
                    c[j] = sum[j];
                }
            }
        }
        int[] chosen = new int[k];
        boolean[] taken = new boolean[n];
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || distance2(x[i], c[j]) < distance2(x[best], c[j]))) {
                    best = i;
                }
            }
            taken[best] = true;
            chosen[j] = best;
        }
        return chosen;
    }

    private static int nearest(float[] v, double[][] c) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int j = 0; j < c.length; j++) {
            double d = distance2(v, c[j]);
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }

    private static double distance2(float[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
