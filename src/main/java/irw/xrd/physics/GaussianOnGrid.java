package irw.xrd.physics;

/**
 * Adds height·exp(−4 ln2 (t − centre)² / fwhm²) over points t_i = start + i·step of a uniform grid
 * with four exponentials in all instead of one per point: successive values differ by the factor
 * r_i = exp(e(2 d_i h + h²)) (e = −4 ln2 / fwhm², h the step), and r itself by the constant
 * exp(2 e h²). Walked outward from the point nearest the centre, every factor is at most 1, so the
 * products neither overflow nor lose relative precision (about 1e-13 after thousands of points).
 */
public final class GaussianOnGrid {
    private static final double FOUR_LN2 = 4 * Math.log(2);

    private GaussianOnGrid() {
    }

    /** Adds the Gaussian to out[from..to] (inclusive). */
    public static void add(double[] out, int from, int to, double start, double step, double centre, double height, double fwhm) {
        if (from > to || height == 0) {
            return;
        }
        double e = -FOUR_LN2 / (fwhm * fwhm);
        int nearest = (int) Math.max(from, Math.min(to, Math.rint((centre - start) / step)));
        double d0 = start + nearest * step - centre;
        double g0 = height * Math.exp(e * d0 * d0);
        out[nearest] += g0;
        double grow = Math.exp(2 * e * step * step);
        walk(out, nearest, 1, to - nearest, g0, Math.exp(e * (2 * d0 * step + step * step)), grow);
        walk(out, nearest, -1, nearest - from, g0, Math.exp(e * (-2 * d0 * step + step * step)), grow);
    }

    /**
     * Adds the {@code count} values after point {@code origin} in direction {@code dir}: g the origin's value, r
     * the ratio into the first point, ratios growing by {@code grow}. Past eight points, four interleaved chains
     * (lane j takes points j+1, j+5, ...; its factor is the product of the next four ratios, which grows by
     * grow¹⁶) keep the multiplier busy instead of waiting on one chain. Only products: an underflow gives 0.
     */
    private static void walk(double[] out, int origin, int dir, int count, double g, double r, double grow) {
        if (count < 8) {
            for (int t = 1; t <= count; t++) {
                g *= r;
                r *= grow;
                out[origin + dir * t] += g;
            }
            return;
        }
        double r1 = r, r2 = r1 * grow, r3 = r2 * grow, r4 = r3 * grow, r5 = r4 * grow, r6 = r5 * grow, r7 = r6 * grow, r8 = r7 * grow;
        double a0 = g * r1, a1 = a0 * r2, a2 = a1 * r3, a3 = a2 * r4;
        out[origin + dir] += a0;
        out[origin + 2 * dir] += a1;
        out[origin + 3 * dir] += a2;
        out[origin + 4 * dir] += a3;
        double q0 = r2 * r3 * r4 * r5, q1 = r3 * r4 * r5 * r6, q2 = r4 * r5 * r6 * r7, q3 = r5 * r6 * r7 * r8;
        double grow4 = grow * grow * grow * grow;
        double grow16 = grow4 * grow4 * grow4 * grow4;
        int t = 5;
        for (; t + 3 <= count; t += 4) {
            a0 *= q0;
            a1 *= q1;
            a2 *= q2;
            a3 *= q3;
            q0 *= grow16;
            q1 *= grow16;
            q2 *= grow16;
            q3 *= grow16;
            int p = origin + dir * t;
            out[p] += a0;
            out[p + dir] += a1;
            out[p + 2 * dir] += a2;
            out[p + 3 * dir] += a3;
        }
        if (t <= count) {
            out[origin + dir * t] += a0 * q0;
        }
        if (t + 1 <= count) {
            out[origin + dir * (t + 1)] += a1 * q1;
        }
        if (t + 2 <= count) {
            out[origin + dir * (t + 2)] += a2 * q2;
        }
    }
}
