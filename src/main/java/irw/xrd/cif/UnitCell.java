package irw.xrd.cif;

/**
 * A unit cell: lengths in ångström, angles in degrees, with its metric tensor G (G_ij = a_i · a_j)
 * and the reciprocal metric G* = G^-1, so that 1/d² = hᵀ G* h for any cell, triclinic included.
 */
public record UnitCell(double a, double b, double c, double alpha, double beta, double gamma) {

    public UnitCell {
        for (double v : new double[]{a, b, c}) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("cell lengths must be positive, got " + a + ", " + b + ", " + c);
            }
        }
        for (double v : new double[]{alpha, beta, gamma}) {
            if (!(v > 0 && v < 180)) {
                throw new IllegalArgumentException("cell angles must lie between 0 and 180 degrees, got " + alpha + ", " + beta + ", " + gamma);
            }
        }
        double ca = Math.cos(Math.toRadians(alpha));
        double cb = Math.cos(Math.toRadians(beta));
        double cg = Math.cos(Math.toRadians(gamma));
        double det = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
        if (!(det > 1e-8)) {
            throw new IllegalArgumentException("cell angles " + alpha + ", " + beta + ", " + gamma + " do not form a cell of positive volume");
        }
    }

    public double[][] metricTensor() {
        double ca = Math.cos(Math.toRadians(alpha));
        double cb = Math.cos(Math.toRadians(beta));
        double cg = Math.cos(Math.toRadians(gamma));
        return new double[][]{
                {a * a, a * b * cg, a * c * cb},
                {a * b * cg, b * b, b * c * ca},
                {a * c * cb, b * c * ca, c * c}};
    }

    public double volume() {
        double ca = Math.cos(Math.toRadians(alpha));
        double cb = Math.cos(Math.toRadians(beta));
        double cg = Math.cos(Math.toRadians(gamma));
        return a * b * c * Math.sqrt(1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg);
    }

    /** G* = G^-1, by the adjugate. */
    public double[][] reciprocalMetricTensor() {
        double[][] g = metricTensor();
        double det = g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1])
                - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0])
                + g[0][2] * (g[1][0] * g[2][1] - g[1][1] * g[2][0]);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                inv[i][j] = (g[i1][j1] * g[i2][j2] - g[i1][j2] * g[i2][j1]) / det;
            }
        }
        return inv;
    }

    /** The d-spacing of (hkl) in ångström. */
    public double dSpacing(int h, int k, int l) {
        double[][] gs = reciprocalMetricTensor();
        double q = h * h * gs[0][0] + k * k * gs[1][1] + l * l * gs[2][2]
                + 2 * (h * k * gs[0][1] + h * l * gs[0][2] + k * l * gs[1][2]);
        return 1 / Math.sqrt(q);
    }

    /** The same cell with each length scaled (strain); angles unchanged. */
    public UnitCell scaled(double fa, double fb, double fc) {
        return new UnitCell(a * fa, b * fb, c * fc, alpha, beta, gamma);
    }

    /** Squared length in ångström² of a fractional difference vector. */
    public double squaredLength(double[] dx) {
        double[][] g = metricTensor();
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s += dx[i] * g[i][j] * dx[j];
            }
        }
        return s;
    }
}
