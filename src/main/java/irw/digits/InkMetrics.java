package irw.digits;

/**
 * What refinement may not do to a digit (issue 11, item 4): add speckle, measured as total
 * variation, or paint strokes away from the drawn ink. Images are row-major 28×28, ink in [0, 1].
 */
public final class InkMetrics {
    /** Pixels at least this bright count as ink when measuring distances to it. */
    public static final float INK = 0.2f;

    private InkMetrics() {
    }

    /** Anisotropic total variation Σ|x(r, c+1) − x(r, c)| + |x(r+1, c) − x(r, c)|: speckle raises it, smoothing lowers it. */
    public static double totalVariation(float[] image) {
        int n = MnistFraming.SIZE;
        check(image);
        double tv = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                float v = image[r * n + c];
                if (c + 1 < n) {
                    tv += Math.abs(image[r * n + c + 1] - v);
                }
                if (r + 1 < n) {
                    tv += Math.abs(image[(r + 1) * n + c] - v);
                }
            }
        }
        return tv;
    }

    /**
     * Ink that refinement added ({@code refined − raw} where positive) farther than {@code radius}
     * pixels (Chebyshev distance) from every ink pixel of {@code raw}, as a fraction of the raw
     * image's total ink: 0 means no stroke was invented away from the drawing.
     */
    public static double farInk(float[] raw, float[] refined, int radius) {
        check(raw);
        check(refined);
        int n = MnistFraming.SIZE;
        double rawInk = 0;
        double far = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                rawInk += Math.max(0, raw[r * n + c]);
                float added = refined[r * n + c] - raw[r * n + c];
                if (added > 0 && !nearInk(raw, r, c, radius)) {
                    far += added;
                }
            }
        }
        return rawInk == 0 ? (far > 0 ? Double.POSITIVE_INFINITY : 0) : far / rawInk;
    }

    private static boolean nearInk(float[] raw, int r, int c, int radius) {
        int n = MnistFraming.SIZE;
        for (int y = Math.max(0, r - radius); y <= Math.min(n - 1, r + radius); y++) {
            for (int x = Math.max(0, c - radius); x <= Math.min(n - 1, c + radius); x++) {
                if (raw[y * n + x] >= INK) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void check(float[] image) {
        if (image.length != MnistFraming.SIZE * MnistFraming.SIZE) {
            throw new IllegalArgumentException("a digit has " + MnistFraming.SIZE * MnistFraming.SIZE + " pixels, got " + image.length);
        }
    }
}
