package irw.digits;

import java.util.SplittableRandom;

/**
 * Elastic distortion (Simard, Steinkraus and Platt, ICDAR 2003): a random displacement field,
 * uniform noise smoothed by a Gaussian of width sigma, moves every pixel. The field is drawn on a
 * coarse grid (one node per pixel of the final 28×28 image) and interpolated bilinearly onto the
 * fine raster, which costs a few thousand operations instead of a wide blur at full resolution.
 */
final class ElasticDistortion {
    /** Smoothing width in pixels of the final image: Simard's σ = 4 gives smooth, pen-like bends. */
    static final double SIGMA = 4;

    private ElasticDistortion() {
    }

    /**
     * Warps a fine raster: out(p) = in(p + D(p)) with bilinear sampling.
     *
     * @param image  row-major, {@code size} × {@code size}
     * @param fine   fine pixels per coarse node
     * @param rms    RMS displacement in coarse pixels
     */
    static float[] apply(float[] image, int size, int fine, double rms, long seed) {
        if (rms <= 0) {
            return image;
        }
        int nodes = size / fine + 2;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] fx = smoothNoise(nodes, rng);
        float[] fy = smoothNoise(nodes, rng);
        double sumSq = 0;
        for (int i = 0; i < fx.length; i++) {
            sumSq += fx[i] * fx[i] + fy[i] * fy[i];
        }
        double scale = sumSq == 0 ? 0 : rms * fine / Math.sqrt(sumSq / fx.length);
        float[] out = new float[image.length];
        for (int y = 0; y < size; y++) {
            double gy = (y + 0.5) / fine;
            for (int x = 0; x < size; x++) {
                double gx = (x + 0.5) / fine;
                double sx = x + scale * bilinear(fx, nodes, gx, gy, true);
                double sy = y + scale * bilinear(fy, nodes, gx, gy, true);
                out[y * size + x] = (float) bilinear(image, size, sx, sy, false);
            }
        }
        return out;
    }

    /** Uniform noise in [-1, 1] on an n × n grid, blurred by a separable Gaussian of width SIGMA (edges clamped). */
    private static float[] smoothNoise(int n, SplittableRandom rng) {
        double[] v = new double[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        int r = (int) Math.ceil(3 * SIGMA);
        double[] k = new double[2 * r + 1];
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * SIGMA * SIGMA));
        }
        double[] tmp = new double[v.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * v[y * n + clamp(x + i, n)];
                }
                tmp[y * n + x] = s;
            }
        }
        float[] out = new float[v.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[clamp(y + i, n) * n + x];
                }
                out[y * n + x] = (float) s;
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : Math.min(n - 1, i);
    }

    /**
     * Bilinear value at (x, y) in pixel-centre coordinates (pixel i spans [i, i+1]); outside the
     * grid the edge value ({@code clampEdges}, for the displacement field) or 0 (for the image).
     */
    private static double bilinear(float[] g, int n, double x, double y, boolean clampEdges) {
        double u = x - 0.5;
        double w = y - 0.5;
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(w);
        double ax = u - x0;
        double ay = w - y0;
        return (1 - ay) * ((1 - ax) * at(g, n, x0, y0, clampEdges) + ax * at(g, n, x0 + 1, y0, clampEdges))
                + ay * ((1 - ax) * at(g, n, x0, y0 + 1, clampEdges) + ax * at(g, n, x0 + 1, y0 + 1, clampEdges));
    }

    private static double at(float[] g, int n, int x, int y, boolean clampEdges) {
        if (clampEdges) {
            return g[clamp(y, n) * n + clamp(x, n)];
        }
        return x < 0 || y < 0 || x >= n || y >= n ? 0 : g[y * n + x];
    }
}
