package irw.xrd.search;

/**
 * Several fitted phases together against the whole measured signal: their linear profiles are scaled
 * by non-negative least squares to the net intensity, and the sum is scored like a single phase
 * (cosine of the compressed profiles × coverage). A later phase is worth claiming only when adding it
 * raises this figure of merit, not merely when something fits what the earlier phases left.
 */
final class PhaseMixture {
    private PhaseMixture() {
    }

    /** The figure of merit of the phases' profiles {@code r} fitted together to {@code net} (compressed signal {@code z}). */
    static double score(double[][] r, double[] net, double[] z, double compression) {
        double[] a = nonNegativeLeastSquares(r, net);
        int n = net.length;
        double[] model = new double[n];
        for (int k = 0; k < r.length; k++) {
            if (a[k] > 0) {
                for (int m = 0; m < n; m++) {
                    model[m] += a[k] * r[k][m];
                }
            }
        }
        double dot = 0;
        double cc = 0;
        double zz = 0;
        for (int m = 0; m < n; m++) {
            double c = model[m] > 0 ? Math.pow(model[m], compression) : 0;
            model[m] = c;
            dot += c * z[m];
            cc += c * c;
            zz += z[m] * z[m];
        }
        if (cc == 0 || zz == 0) {
            return 0;
        }
        double cosine = dot / Math.sqrt(cc * zz);
        double scale = dot / cc;
        double covered = 0;
        double total = 0;
        for (int m = 0; m < n; m++) {
            double c = scale * model[m];
            covered += Math.min(c, z[m]);
            total += c;
        }
        return cosine * (total > 0 ? covered / total : 0);
    }

    /**
     * min |Σ a_k r_k − y|² with a ≥ 0, for a handful of profiles: every subset of them is solved by its
     * normal equations and the best feasible one kept (2³ subsets for three phases).
     */
    static double[] nonNegativeLeastSquares(double[][] r, double[] y) {
        int k = r.length;
        double[][] g = new double[k][k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            for (int m = 0; m < y.length; m++) {
                b[i] += r[i][m] * y[m];
            }
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int m = 0; m < y.length; m++) {
                    s += r[i][m] * r[j][m];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        double[] best = new double[k];
        double bestValue = 0; // the empty model: |y|² − 0, relative value 0
        for (int mask = 1; mask < (1 << k); mask++) {
            int[] idx = subset(mask, k);
            double[] sol = solve(g, b, idx);
            if (sol == null) {
                continue;
            }
            boolean feasible = true;
            for (double v : sol) {
                feasible &= v >= 0;
            }
            if (!feasible) {
                continue;
            }
            // |Σ a r − y|² = |y|² − 2 a·b + aᵀ G a; minimise −2 a·b + aᵀ G a
            double value = 0;
            for (int p = 0; p < idx.length; p++) {
                value -= 2 * sol[p] * b[idx[p]];
                for (int q = 0; q < idx.length; q++) {
                    value += sol[p] * g[idx[p]][idx[q]] * sol[q];
                }
            }
            if (value < bestValue) {
                bestValue = value;
                best = new double[k];
                for (int p = 0; p < idx.length; p++) {
                    best[idx[p]] = sol[p];
                }
            }
        }
        return best;
    }

    private static int[] subset(int mask, int k) {
        return java.util.stream.IntStream.range(0, k).filter(i -> (mask & (1 << i)) != 0).toArray();
    }

    /** Gaussian elimination with partial pivoting on the sub-system {@code idx}; null when singular. */
    private static double[] solve(double[][] g, double[] b, int[] idx) {
        int n = idx.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = g[idx[i]][idx[j]];
            }
            a[i][n] = b[idx[i]];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[pivot][c])) {
                    pivot = i;
                }
            }
            if (Math.abs(a[pivot][c]) < 1e-300) {
                return null;
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int i = c + 1; i < n; i++) {
                double f = a[i][c] / a[c][c];
                for (int j = c; j <= n; j++) {
                    a[i][j] -= f * a[c][j];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
