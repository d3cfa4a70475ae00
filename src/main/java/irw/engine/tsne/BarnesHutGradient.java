package irw.engine.tsne;

/**
 * The Barnes-Hut gradient of van der Maaten (2014, eq. 12-14): attractive forces exactly over the
 * sparse P, repulsive forces from a {@link SpaceTree}, both computed per point in parallel.
 */
final class BarnesHutGradient implements Gradient {
    private final InputSimilarities.Sparse p;
    private final int n;
    private final int d;
    private final double theta;
    private final RowPartition rows;
    private final double[] rowZ;
    private final double[] neg;
    private final ThreadLocal<int[]> stacks = new ThreadLocal<>();

    BarnesHutGradient(InputSimilarities.Sparse p, int n, int d, double theta, RowPartition rows) {
        this.p = p;
        this.n = n;
        this.d = d;
        this.theta = theta;
        this.rows = rows;
        this.rowZ = new double[n];
        this.neg = new double[n * d];
    }

    @Override
    public double compute(double[] y, double exaggeration, double[] grad) {
        SpaceTree tree = new SpaceTree(y, n, d);
        rows.forEachRow(n, i -> {
            int[] stack = stacks.get();
            if (stack == null) {
                stack = tree.newStack();
                stacks.set(stack);
            }
            double[] f = new double[d];
            rowZ[i] = tree.repulsion(i, theta, f, stack);
            System.arraycopy(f, 0, neg, i * d, d);
            attraction(i, y, exaggeration, grad);
        });
        double z = 0;
        for (double v : rowZ) {
            z += v;
        }
        for (int k = 0; k < n * d; k++) {
            grad[k] = 4 * (grad[k] - neg[k] / z);
        }
        return z;
    }

    /** Σ_j p_ij q_ij Z (y_i - y_j) into grad_i, with q_ij Z = (1 + ||y_i - y_j||²)⁻¹ (eq. 13). */
    private void attraction(int i, double[] y, double exaggeration, double[] grad) {
        int[] rowStart = p.rowStart();
        int[] cols = p.cols();
        double[] vals = p.vals();
        if (d == 2) {
            double yx = y[2 * i];
            double yy = y[2 * i + 1];
            double gx = 0;
            double gy = 0;
            for (int m = rowStart[i]; m < rowStart[i + 1]; m++) {
                int j = cols[m];
                double dx = yx - y[2 * j];
                double dy = yy - y[2 * j + 1];
                double mult = vals[m] / (1 + dx * dx + dy * dy);
                gx += mult * dx;
                gy += mult * dy;
            }
            grad[2 * i] = exaggeration * gx;
            grad[2 * i + 1] = exaggeration * gy;
            return;
        }
        for (int t = 0; t < d; t++) {
            grad[i * d + t] = 0;
        }
        for (int m = rowStart[i]; m < rowStart[i + 1]; m++) {
            int j = cols[m];
            double dist2 = 0;
            for (int t = 0; t < d; t++) {
                double diff = y[i * d + t] - y[j * d + t];
                dist2 += diff * diff;
            }
            double mult = exaggeration * vals[m] / (1 + dist2);
            for (int t = 0; t < d; t++) {
                grad[i * d + t] += mult * (y[i * d + t] - y[j * d + t]);
            }
        }
    }

    /** KL over the non-zero p_ij only, with the Barnes-Hut estimate of Z: what bhtsne reports. */
    @Override
    public double divergence(double[] y, double z) {
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int m = p.rowStart()[i]; m < p.rowStart()[i + 1]; m++) {
                int j = p.cols()[m];
                double dist2 = 0;
                for (int t = 0; t < d; t++) {
                    double diff = y[i * d + t] - y[j * d + t];
                    dist2 += diff * diff;
                }
                double q = 1 / (1 + dist2) / z;
                double pij = p.vals()[m];
                kl += pij * Math.log(pij / Math.max(q, Double.MIN_NORMAL));
            }
        }
        return kl;
    }
}
