package irw.digits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Renders one ideal digit ({@link DigitStyle}) the way MNIST was prepared. The glyph's vector
 * outline is rotated, slanted and narrowed or widened (no interpolation blur), drawn at four times
 * the final resolution, its pen width set (a stroke along the outline thickens, a grey-level
 * erosion thins), bent by an elastic distortion, and then framed like MNIST ({@link MnistFraming}):
 * larger side fitted to the 20×20 box, centre of mass at the centre of 28×28. White ink on black,
 * values in [0, 1].
 */
public final class DigitRenderer {
    public static final int SIZE = MnistFraming.SIZE;
    public static final int BOX = MnistFraming.BOX;
    /** Fine pixels per final pixel. */
    static final int FINE = 4;
    /** Fine raster side: the 20-px box plus room for thick pens and elastic displacement. */
    private static final int CANVAS = (BOX + 12) * FINE;

    private DigitRenderer() {
    }

    /** The glyph rotated and shifted only (the first ideal set's rendering). */
    public static float[] render(DigitFont font, int digit, double angleDegrees, double dx, double dy) {
        return render(DigitStyle.plain(font, digit, angleDegrees, dx, dy));
    }

    public static float[] render(DigitStyle style) {
        Shape glyph = style.font().outline(style.digit());
        AffineTransform shape = AffineTransform.getRotateInstance(Math.toRadians(-style.rotation()));
        shape.concatenate(new AffineTransform(style.aspect(), 0, -style.slant(), 1, 0, 0)); // y grows downwards: top (y < 0) moves right
        Shape transformed = shape.createTransformedShape(glyph);
        double[] b = inkBounds(transformed);
        double scale = BOX * FINE / Math.max(b[2] - b[0], b[3] - b[1]);
        AffineTransform fit = new AffineTransform();
        fit.translate(CANVAS / 2.0, CANVAS / 2.0);
        fit.scale(scale, scale);
        fit.translate(-(b[0] + b[2]) / 2, -(b[1] + b[3]) / 2);
        Shape placed = fit.createTransformedShape(transformed);
        float[] fine = draw(placed, 0);
        if (!Double.isNaN(style.strokeWidth())) {
            fine = setPenWidth(placed, fine, style.strokeWidth() * FINE);
        }
        fine = ElasticDistortion.apply(fine, CANVAS, FINE, style.elastic(), style.elasticSeed());
        return MnistFraming.frame(fine, CANVAS, CANVAS, style.dx(), style.dy(), style.centreOfMass());
    }

    /**
     * The pen width of a glyph is about 2·area/perimeter (a stroke of width w and length L has area
     * w·L and perimeter 2·L). The glyph is thickened by drawing its outline with a pen of the
     * difference, or thinned by eroding the raster by half of it.
     */
    private static float[] setPenWidth(Shape outline, float[] fine, double target) {
        double area = 0;
        for (float v : fine) {
            area += v;
        }
        double width = 2 * area / outlineLength(outline);
        double change = target - width;
        if (change > 0) {
            return draw(outline, change);
        }
        double radius = Math.min(-change / 2, Math.max(0, (width - FINE) / 2)); // never thinner than one final pixel
        return radius < 0.5 ? fine : erode(fine, radius);
    }

    /** Grey-level erosion by a disc: every pixel takes the minimum of its neighbourhood. */
    private static float[] erode(float[] img, double radius) {
        int r = (int) Math.ceil(radius);
        int[] offX = new int[(2 * r + 1) * (2 * r + 1)];
        int[] offY = new int[offX.length];
        int n = 0;
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                if (x * x + y * y <= radius * radius + 1e-9) {
                    offX[n] = x;
                    offY[n] = y;
                    n++;
                }
            }
        }
        float[] out = new float[img.length];
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                if (img[y * CANVAS + x] == 0) {
                    continue;
                }
                float m = 1;
                for (int i = 0; i < n && m > 0; i++) {
                    int xx = x + offX[i];
                    int yy = y + offY[i];
                    m = Math.min(m, xx < 0 || yy < 0 || xx >= CANVAS || yy >= CANVAS ? 0 : img[yy * CANVAS + xx]);
                }
                out[y * CANVAS + x] = m;
            }
        }
        return out;
    }

    /** Centre of mass (x, y) of a 28×28 image in pixel coordinates (pixel centres at +0.5). */
    public static double[] centreOfMass(float[] image) {
        return MnistFraming.centreOfMass(image);
    }

    private static float[] draw(Shape shape, double pen) {
        BufferedImage img = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fill(shape);
            if (pen > 0) {
                g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
            }
        } finally {
            g.dispose();
        }
        Raster raster = img.getRaster();
        float[] out = new float[CANVAS * CANVAS];
        int[] row = new int[CANVAS];
        for (int r = 0; r < CANVAS; r++) {
            raster.getSamples(0, r, CANVAS, 1, 0, row);
            for (int c = 0; c < CANVAS; c++) {
                out[r * CANVAS + c] = row[c] / 255f;
            }
        }
        return out;
    }

    /** Length of the flattened outline (all contours). */
    private static double outlineLength(Shape shape) {
        double length = 0;
        double[] p = new double[6];
        double startX = 0;
        double startY = 0;
        double lastX = 0;
        double lastY = 0;
        for (PathIterator it = shape.getPathIterator(null, 0.05); !it.isDone(); it.next()) {
            switch (it.currentSegment(p)) {
                case PathIterator.SEG_MOVETO -> {
                    startX = lastX = p[0];
                    startY = lastY = p[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    length += Math.hypot(startX - lastX, startY - lastY);
                    lastX = startX;
                    lastY = startY;
                }
                default -> {
                    length += Math.hypot(p[0] - lastX, p[1] - lastY);
                    lastX = p[0];
                    lastY = p[1];
                }
            }
        }
        return Math.max(length, 1e-9);
    }

    /** Tight bounds {minX, minY, maxX, maxY} of the flattened outline (control points overshoot curves). */
    private static double[] inkBounds(Shape shape) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] p = new double[6];
        for (PathIterator it = shape.getPathIterator(null, 0.01); !it.isDone(); it.next()) {
            if (it.currentSegment(p) != PathIterator.SEG_CLOSE) {
                b[0] = Math.min(b[0], p[0]);
                b[1] = Math.min(b[1], p[1]);
                b[2] = Math.max(b[2], p[0]);
                b[3] = Math.max(b[3], p[1]);
            }
        }
        if (!(b[2] > b[0]) && !(b[3] > b[1])) {
            throw new IllegalStateException("the glyph has no outline");
        }
        return b;
    }
}
