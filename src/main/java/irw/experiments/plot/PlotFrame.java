package irw.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The axes of a 2-D plot drawn on a headless {@link BufferedImage}: margins, the data-to-pixel
 * mapping (linear, or logarithmic in x), "nice" ticks, grid lines, title and axis labels. The
 * charts draw their marks inside it.
 */
final class PlotFrame {
    static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    final BufferedImage image;
    final Graphics2D g;
    final int left = 70;
    final int right;
    final int top = 40;
    final int bottom;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final boolean logX;

    PlotFrame(int width, int height, double x0, double x1, double y0, double y1, boolean logX) {
        this(width, height, 55, x0, x1, y0, y1, logX);
    }

    PlotFrame(int width, int height, int bottomMargin, double x0, double x1, double y0, double y1, boolean logX) {
        if (!(x1 > x0) || !(y1 > y0) || (logX && x0 <= 0)) {
            throw new IllegalArgumentException("bad plot range x " + x0 + ".." + x1 + ", y " + y0 + ".." + y1);
        }
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        this.right = width - 20;
        this.bottom = height - bottomMargin;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.logX = logX;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    double px(double x) {
        double t = logX ? (Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0)) : (x - x0) / (x1 - x0);
        return left + t * (right - left);
    }

    double py(double y) {
        return bottom - (y - y0) / (y1 - y0) * (bottom - top);
    }

    /** Draws grid, ticks, the frame and the labels. xTicks null = automatic. */
    void axes(String title, String xLabel, String yLabel, double[] xTicks) {
        double[] xs = xTicks != null ? xTicks : niceTicks(x0, x1, 6);
        double[] ys = niceTicks(y0, y1, 6);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double y : ys) {
            int p = (int) Math.round(py(y));
            g.setColor(new Color(0xe8e8e8));
            g.drawLine(left, p, right, p);
            g.setColor(Color.DARK_GRAY);
            String s = label(y, ys);
            g.drawString(s, left - 6 - fm.stringWidth(s), p + fm.getAscent() / 2 - 1);
        }
        for (double x : xs) {
            if (x < x0 || x > x1) {
                continue;
            }
            int p = (int) Math.round(px(x));
            g.setColor(new Color(0xe8e8e8));
            g.drawLine(p, top, p, bottom);
            g.setColor(Color.DARK_GRAY);
            String s = label(x, xs);
            g.drawString(s, p - fm.stringWidth(s) / 2, bottom + fm.getAscent() + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        FontMetrics tf = g.getFontMetrics();
        g.drawString(title, (image.getWidth() - tf.stringWidth(title)) / 2, top - 14);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        g.drawString(xLabel, (left + right - fm.stringWidth(xLabel)) / 2, image.getHeight() - 17);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + bottom + fm.stringWidth(yLabel)) / 2, 16);
        g.setTransform(saved);
    }

    /** A legend box in the given corner (true = lower right, false = upper left). */
    void legend(List<String> names, List<Color> colors, List<Boolean> dashed, boolean lowerRight) {
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String n : names) {
            w = Math.max(w, fm.stringWidth(n));
        }
        int boxW = w + 44;
        int boxH = names.size() * 18 + 8;
        int bx = lowerRight ? right - boxW - 8 : left + 8;
        int by = lowerRight ? bottom - boxH - 8 : top + 8;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(bx, by, boxW, boxH);
        g.setColor(Color.GRAY);
        g.drawRect(bx, by, boxW, boxH);
        for (int i = 0; i < names.size(); i++) {
            int yy = by + 16 + i * 18;
            g.setColor(colors.get(i));
            g.setStroke(stroke(dashed.get(i)));
            g.drawLine(bx + 6, yy - 4, bx + 32, yy - 4);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), bx + 38, yy);
        }
        g.setStroke(new BasicStroke(1f));
    }

    static BasicStroke stroke(boolean dashed) {
        return dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{7f, 5f}, 0f)
                : new BasicStroke(2f);
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }

    /** Ticks at 1, 2 or 5 × 10^k spacing covering [lo, hi]. */
    static double[] niceTicks(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String label(double v, double[] all) {
        boolean integers = true;
        for (double a : all) {
            integers &= Math.abs(a - Math.rint(a)) < 1e-9;
        }
        if (integers) {
            return Long.toString(Math.round(v));
        }
        double step = all.length > 1 ? Math.abs(all[1] - all[0]) : 1;
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
