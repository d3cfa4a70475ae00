package irw.app.digits;

/**
 * The 28×28 drawing surface: strokes are painted with a soft round pen, like the MNIST digits
 * (anti-aliased ink in [0, 1], about two pixels wide), so a drawn digit looks like the data the
 * classifier learned from.
 */
public final class DigitCanvasModel {
    public static final int SIZE = 28;
    private static final double PEN_RADIUS = 1.15;
    private final float[] ink = new float[SIZE * SIZE];

    /** Paints a stroke segment between two points in pixel coordinates (0..28). */
    public void stroke(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        int steps = Math.max(1, (int) Math.ceil(length * 4));
        for (int s = 0; s <= steps; s++) {
            double t = (double) s / steps;
            dab(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
        }
    }

    private void dab(double cx, double cy) {
        int r = (int) Math.ceil(PEN_RADIUS + 1);
        for (int y = (int) cy - r; y <= (int) cy + r; y++) {
            for (int x = (int) cx - r; x <= (int) cx + r; x++) {
                if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) {
                    continue;
                }
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                double value = Math.max(0, Math.min(1, PEN_RADIUS + 0.5 - d)); // 1 inside, a one-pixel soft rim
                int i = y * SIZE + x;
                ink[i] = (float) Math.max(ink[i], value);
            }
        }
    }

    public void clear() {
        java.util.Arrays.fill(ink, 0f);
    }

    /** Replaces the drawing with an image (MNIST or typeset), values clipped to [0, 1]. */
    public void set(float[] image) {
        if (image.length != ink.length) {
            throw new IllegalArgumentException("a digit image has " + ink.length + " pixels, got " + image.length);
        }
        for (int i = 0; i < ink.length; i++) {
            ink[i] = Math.max(0f, Math.min(1f, image[i]));
        }
    }

    /** A copy of the pixels, row-major. */
    public float[] pixels() {
        return ink.clone();
    }

    public boolean isEmpty() {
        for (float v : ink) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }
}
