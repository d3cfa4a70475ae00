package irw.digits;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Renders one digit glyph the way MNIST was prepared (LeCun et al. 1998): the glyph is scaled,
 * keeping its aspect ratio, so that its ink fits a 20×20 box, anti-aliased into grey levels, then
 * placed in a 28×28 field with its centre of mass at the centre. The glyph is drawn as a vector
 * outline, so rotations and sub-pixel shifts add no interpolation blur. White ink on black, values
 * in [0,1], like MNIST. Thin typefaces are thickened by a stroke along the outline
 * ({@link DigitFont#extraPen()}) so that pen widths resemble MNIST's.
 */
public final class DigitRenderer {
    public static final int SIZE = 28;
    public static final int BOX = 20;

    private DigitRenderer() {
    }

    /**
     * @param angleDegrees rotation, counter-clockwise on screen
     * @param dx           shift of the centre of mass from the field centre, in pixels (right positive)
     * @param dy           shift in pixels (down positive)
     */
    public static float[] render(DigitFont font, int digit, double angleDegrees, double dx, double dy) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("not a digit: " + digit);
        }
        Shape glyph = font.outline(digit);
        Shape rotated = AffineTransform.getRotateInstance(Math.toRadians(-angleDegrees)).createTransformedShape(glyph);
        double[] b = inkBounds(rotated);
        double pen = font.extraPen();
        double scale = (BOX - pen) / Math.max(b[2] - b[0], b[3] - b[1]);
        // First pass: the glyph fitted to the 20×20 box, centred by its bounds, to find its centre of mass.
        AffineTransform fit = new AffineTransform();
        fit.translate(SIZE / 2.0, SIZE / 2.0);
        fit.scale(scale, scale);
        fit.translate(-(b[0] + b[2]) / 2, -(b[1] + b[3]) / 2);
        float[] first = draw(fit.createTransformedShape(rotated), pen);
        double[] com = centreOfMass(first);
        // Second pass: moved so that the centre of mass lands at the centre plus the requested shift.
        AffineTransform placed = AffineTransform.getTranslateInstance(SIZE / 2.0 + dx - com[0], SIZE / 2.0 + dy - com[1]);
        placed.concatenate(fit);
        return draw(placed.createTransformedShape(rotated), pen);
    }

    /** Centre of mass (x, y) of a 28×28 image in pixel coordinates (pixel centres at +0.5). */
    public static double[] centreOfMass(float[] image) {
        double m = 0;
        double mx = 0;
        double my = 0;
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double v = image[r * SIZE + c];
                m += v;
                mx += v * (c + 0.5);
                my += v * (r + 0.5);
            }
        }
        return m == 0 ? new double[]{SIZE / 2.0, SIZE / 2.0} : new double[]{mx / m, my / m};
    }

    private static float[] draw(Shape shape, double pen) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fill(shape);
            if (pen > 0) {
                g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
            }
        } finally {
            g.dispose();
        }
        Raster raster = img.getRaster();
        float[] out = new float[SIZE * SIZE];
        int[] row = new int[SIZE];
        for (int r = 0; r < SIZE; r++) {
            raster.getSamples(0, r, SIZE, 1, 0, row);
            for (int c = 0; c < SIZE; c++) {
                out[r * SIZE + c] = row[c] / 255f;
            }
        }
        return out;
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
