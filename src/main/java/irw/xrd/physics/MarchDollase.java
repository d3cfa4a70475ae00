package irw.xrd.physics;

/**
 * March-Dollase preferred orientation (Dollase, J. Appl. Cryst. 19 (1986) 267, eq. 6):
 * P(α) = (r² cos²α + sin²α / r)^(-3/2), with α the angle between a reflection's normal and the
 * preferred direction (h k l). r = 1 is a random powder; r < 1 favours plates normal to (h k l).
 */
public record MarchDollase(int h, int k, int l, double r) {
    public MarchDollase {
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("March-Dollase r must be positive, got " + r);
        }
        if (h == 0 && k == 0 && l == 0) {
            throw new IllegalArgumentException("the preferred direction cannot be (0 0 0)");
        }
    }

    /** P for a reflection, using the reciprocal metric to measure the angle in any cell. */
    public double factor(int rh, int rk, int rl, double[][] gs) {
        double dot = dot(rh, rk, rl, h, k, l, gs);
        double cos2 = dot * dot / (dot(rh, rk, rl, rh, rk, rl, gs) * dot(h, k, l, h, k, l, gs));
        return ofCos2(cos2);
    }

    /** P for a reflection whose normal makes an angle α with the preferred direction, given cos²α. */
    public double ofCos2(double cos2) {
        double c = Math.min(1, cos2);
        double base = r * r * c + (1 - c) / r;
        return 1 / (base * Math.sqrt(base)); // base^(-3/2), several times cheaper than Math.pow
    }

    /** The preferred direction's components in the reciprocal metric, G*·(h k l), for angles by dot products. */
    double[] directionIn(double[][] gs) {
        return new double[]{gs[0][0] * h + gs[0][1] * k + gs[0][2] * l, gs[1][0] * h + gs[1][1] * k + gs[1][2] * l,
                gs[2][0] * h + gs[2][1] * k + gs[2][2] * l};
    }

    private static double dot(int a1, int a2, int a3, int b1, int b2, int b3, double[][] g) {
        return a1 * (g[0][0] * b1 + g[0][1] * b2 + g[0][2] * b3)
                + a2 * (g[1][0] * b1 + g[1][1] * b2 + g[1][2] * b3)
                + a3 * (g[2][0] * b1 + g[2][1] * b2 + g[2][2] * b3);
    }
}
