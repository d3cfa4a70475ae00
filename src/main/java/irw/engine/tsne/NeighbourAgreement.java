package irw.engine.tsne;

/**
 * How well an embedding keeps classes together: the fraction of points whose k nearest
 * neighbours in the embedding (by majority vote, ties to the lowest label) carry the point's own label.
 * A leave-one-out kNN accuracy; 1 means every class forms its own clusters.
 */
public final class NeighbourAgreement {
    private NeighbourAgreement() {
    }

    public static double of(double[][] y, int[] labels, int k) {
        int n = y.length;
        if (n < 2) {
            return 1;
        }
        int classes = java.util.Arrays.stream(labels).max().orElse(0) + 1;
        int kk = Math.min(k, n - 1);
        int agree = 0;
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist[j] = j == i ? Double.POSITIVE_INFINITY : InputSimilarities.squaredDistance(y[i], y[j]);
            }
            int[] votes = new int[classes];
            boolean[] taken = new boolean[n];
            for (int m = 0; m < kk; m++) {
                int best = -1;
                for (int j = 0; j < n; j++) {
                    if (!taken[j] && (best < 0 || dist[j] < dist[best])) {
                        best = j;
                    }
                }
                taken[best] = true;
                votes[labels[best]]++;
            }
            int winner = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[c] > votes[winner]) {
                    winner = c;
                }
            }
            if (winner == labels[i]) {
                agree++;
            }
        }
        return agree / (double) n;
    }
}
