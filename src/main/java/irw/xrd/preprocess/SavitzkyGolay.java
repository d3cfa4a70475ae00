package irw.xrd.preprocess;

import irw.core.Pattern;

/**
 * Savitzky-Golay smoothing (Savitzky and Golay 1964): each point is replaced by the value at that
 * point of the least-squares polynomial of the given order through its window. Near the ends the
 * polynomial through the first (last) full window is evaluated off-centre, so the ends are
 * smoothed too and the length is kept (as SciPy's mode "interp").
 *
 * @param halfWidth points on each side of the centre (window = 2·halfWidth + 1)
 * @param order     polynomial order, below the window length
 */
public record SavitzkyGolay(int halfWidth, int order) {

    public SavitzkyGolay {
        if (halfWidth < 1) {
            throw new IllegalArgumentException("half-width must be at least 1, got " + halfWidth);
        }
        if (order < 0 || order >= 2 * halfWidth + 1) {
            throw new IllegalArgumentException("order " + order + " needs a window longer than " + (2 * halfWidth + 1) + " points");
        }
    }

    public Pattern smooth(Pattern pattern) {
        return pattern.withIntensity(smooth(pattern.intensityValues()));
    }

    public double[] smooth(double[] y) {
        int window = 2 * halfWidth + 1;
        if (y.length < window) {
            throw new IllegalArgumentException("a " + window + "-point Savitzky-Golay window needs at least " + window + " points, got " + y.length);
        }
        double[] out = new double[y.length];
        double[] centre = coefficients(0);
        for (int i = halfWidth; i < y.length - halfWidth; i++) {
            double s = 0;
            for (int j = 0; j < window; j++) {
                s += centre[j] * y[i - halfWidth + j];
            }
            out[i] = s;
        }
        for (int e = 0; e < halfWidth; e++) {
            double[] left = coefficients(e - halfWidth);
            double[] right = coefficients(halfWidth - e);
            double l = 0;
            double r = 0;
            for (int j = 0; j < window; j++) {
                l += left[j] * y[j];
                r += right[j] * y[y.length - window + j];
            }
            out[e] = l;
            out[y.length - 1 - e] = r;
        }
        return out;
    }

    /**
     * Weights c_j such that Σ c_j y_j is the fitted polynomial's value at offset t from the window
     * centre: c = Aᵀ-solve of the normal equations, c_j = Σ_k t^k [(AᵀA)⁻¹ Aᵀ]_kj with A_jk = x_j^k.
     */
    double[] coefficients(int t) {
        int window = 2 * halfWidth + 1;
        int m = order + 1;
        double[][] ata = new double[m][m + 1];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double s = 0;
                for (int x = -halfWidth; x <= halfWidth; x++) {
                    s += Math.pow(x, a + b);
                }
                ata[a][b] = s;
            }
            ata[a][m] = Math.pow(t, a);
        }
        // Solve (AᵀA) z = (1, t, t², ...); then c_j = Σ_k z_k x_j^k, by symmetry of AᵀA.
        double[] z = solve(ata, m);
        double[] c = new double[window];
        for (int j = 0; j < window; j++) {
            double x = j - halfWidth;
            double s = 0;
            for (int k = 0; k < m; k++) {
                s += z[k] * Math.pow(x, k);
            }
            c[j] = s;
        }
        return c;
    }

    /** Gaussian elimination with partial pivoting on an m×(m+1) augmented matrix. */
    private static double[] solve(double[][] a, int m) {
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= m; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] z = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int c = r + 1; c < m; c++) {
                s -= a[r][c] * z[c];
            }
            z[r] = s / a[r][r];
        }
        return z;
    }
}
