package irw.engine.tsne;

/** The exact O(n²) gradient, eq. 5 of van der Maaten and Hinton (2008), with the Student-t Q. */
final class ExactGradient implements Gradient {
    private final double[] p;
    private final int n;
    private final int d;
    private final RowPartition rows;
    private final double[] rowZ;

    ExactGradient(double[] p, int n, int d, RowPartition rows) {
        this.p = p;
        this.n = n;
        this.d = d;
        this.rows = rows;
        this.rowZ = new double[n];
    }

    @Override
    public double compute(double[] y, double exaggeration, double[] grad) {
        rows.forEachRow(n, i -> {
            double z = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    z += 1 / (1 + dist2(y, i, j));
                }
            }
            rowZ[i] = z;
        });
        double z = 0;
        for (double v : rowZ) {
            z += v;
        }
        double sumQ = z;
        rows.forEachRow(n, i -> {
            for (int t = 0; t < d; t++) {
                grad[i * d + t] = 0;
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double num = 1 / (1 + dist2(y, i, j));
                double mult = (exaggeration * p[i * n + j] - num / sumQ) * num;
                for (int t = 0; t < d; t++) {
                    grad[i * d + t] += 4 * mult * (y[i * d + t] - y[j * d + t]);
                }
            }
        });
        return sumQ;
    }

    @Override
    public double divergence(double[] y, double z) {
        double[] part = new double[n];
        rows.forEachRow(n, i -> {
            double kl = 0;
            for (int j = 0; j < n; j++) {
                double pij = p[i * n + j];
                if (j != i && pij > 0) {
                    double q = 1 / (1 + dist2(y, i, j)) / z;
                    kl += pij * Math.log(pij / Math.max(q, Double.MIN_NORMAL));
                }
            }
            part[i] = kl;
        });
        double kl = 0;
        for (double v : part) {
            kl += v;
        }
        return kl;
    }

    private double dist2(double[] y, int i, int j) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = y[i * d + t] - y[j * d + t];
            s += diff * diff;
        }
        return s;
    }
}
