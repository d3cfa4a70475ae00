package irw.engine;

/**
 * The digit refiner's shaping ({@link irw.engine.net.UNet2d} "-b3-r2") for per-image refinement:
 * the change x' − x is smoothed by a 3x3 binomial blur (no pixel-sized speckle), multiplied by the
 * raw ink dilated by {@code reach} pixels (a max filter: nothing is painted farther from the
 * drawing) and the result clipped to [0, 1]. Should the step still raise the image's total
 * variation more than {@value #TV_SLACK} above the original's (speckle), the change is shortened
 * (bisection on its length) until it does not. Why a slack: any change that is not monotone across an
 * edge raises TV at first order, so a strict bound froze every drawing (a clean bar never changed).
 */
public final class ImageChangeShape implements ChangeShape {
    private static final float[] BINOMIAL = {0.25f, 0.5f, 0.25f};
    /** Largest accepted rise of the total variation over the original's, relative. */
    public static final double TV_SLACK = 0.05;
    private final int width;
    private final int height;
    private final int reach;

    public ImageChangeShape(int width, int height, int reach) {
        if (width < 1 || height < 1 || reach < 0) {
            throw new IllegalArgumentException("need a positive size and reach >= 0, got " + width + "x" + height + ", reach " + reach);
        }
        this.width = width;
        this.height = height;
        this.reach = reach;
    }

    @Override
    public float[] accept(float[] original, float[] proposed) {
        int n = width * height;
        if (original.length != n || proposed.length != n) {
            throw new IllegalArgumentException("images of " + n + " pixels expected");
        }
        float[] change = new float[n];
        for (int i = 0; i < n; i++) {
            change[i] = proposed[i] - original[i];
        }
        float[] blurred = blur(change);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                blurred[y * width + x] *= dilatedInk(original, x, y);
            }
        }
        double limit = totalVariation(original) * (1 + TV_SLACK);
        float[] out = step(original, blurred, 1);
        if (totalVariation(out) <= limit) {
            return out;
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 12; i++) {
            double mid = (lo + hi) / 2;
            if (totalVariation(step(original, blurred, mid)) <= limit) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return step(original, blurred, lo);
    }

    private static float[] step(float[] original, float[] change, double t) {
        float[] out = new float[original.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.max(0, Math.min(1, original[i] + t * change[i]));
        }
        return out;
    }

    /** Anisotropic total variation Σ|horizontal differences| + |vertical differences|. */
    double totalVariation(float[] v) {
        double tv = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float a = v[y * width + x];
                if (x + 1 < width) {
                    tv += Math.abs(v[y * width + x + 1] - a);
                }
                if (y + 1 < height) {
                    tv += Math.abs(v[(y + 1) * width + x] - a);
                }
            }
        }
        return tv;
    }

    /** Separable 3x3 binomial blur, zero outside (as the SAME-padded convolution of the trained refiner). */
    private float[] blur(float[] v) {
        float[] tmp = new float[v.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int k = -1; k <= 1; k++) {
                    int xx = x + k;
                    s += xx < 0 || xx >= width ? 0 : BINOMIAL[k + 1] * v[y * width + xx];
                }
                tmp[y * width + x] = s;
            }
        }
        float[] out = new float[v.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int k = -1; k <= 1; k++) {
                    int yy = y + k;
                    s += yy < 0 || yy >= height ? 0 : BINOMIAL[k + 1] * tmp[yy * width + x];
                }
                out[y * width + x] = s;
            }
        }
        return out;
    }

    private float dilatedInk(float[] img, int x, int y) {
        float m = 0;
        for (int yy = Math.max(0, y - reach); yy <= Math.min(height - 1, y + reach); yy++) {
            for (int xx = Math.max(0, x - reach); xx <= Math.min(width - 1, x + reach); xx++) {
                m = Math.max(m, img[yy * width + xx]);
            }
        }
        return m;
    }
}
