package irw.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart with optional error bars (± one standard deviation over seeds), as in Fig. 7 of
 * Bai et al. 2019 (accuracy vs examples per class), and dashed horizontal reference lines (the
 * baseline). Also used for overlaid patterns (raw, refined, ground truth) without markers.
 */
public final class LineChart {

    /** One line; {@code err} may be null; markers are drawn only for short series. */
    public record Series(String name, double[] x, double[] y, double[] err, boolean dashed) {
        public Series {
            if (x.length != y.length || (err != null && err.length != y.length)) {
                throw new IllegalArgumentException("series '" + name + "': x, y and err differ in length");
            }
        }
    }

    private static final Color[] REFERENCE_COLOURS = {Color.GRAY.darker(), Color.BLACK, new Color(0x8c564b)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;
    private double[] xTicks;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private int width = 800;
    private int height = 500;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart add(Series s) {
        series.add(s);
        return this;
    }

    public LineChart add(String name, double[] x, double[] y, double[] err) {
        return add(new Series(name, x, y, err, false));
    }

    /** A dashed horizontal line across the whole x range, with an optional band of ± err. */
    public LineChart reference(String name, double y, double err, double xFrom, double xTo) {
        return add(new Series(name, new double[]{xFrom, xTo}, new double[]{y, y},
                Double.isNaN(err) ? null : new double[]{err, err}, true));
    }

    public LineChart logX(boolean on) {
        this.logX = on;
        return this;
    }

    public LineChart xTicks(double... ticks) {
        this.xTicks = ticks.clone();
        return this;
    }

    public LineChart yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    public LineChart size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    public BufferedImage render() {
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                double e = s.err() == null || !Double.isFinite(s.err()[i]) ? 0 : s.err()[i];
                xlo = Math.min(xlo, s.x()[i]);
                xhi = Math.max(xhi, s.x()[i]);
                ylo = Math.min(ylo, s.y()[i] - e);
                yhi = Math.max(yhi, s.y()[i] + e);
            }
        }
        if (xlo == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("chart '" + title + "' has no finite points");
        }
        if (xhi == xlo) {
            xhi = xlo + 1;
        }
        if (!Double.isNaN(yMin)) {
            ylo = yMin;
            yhi = yMax;
        } else {
            double pad = (yhi - ylo) * 0.08 + 1e-9;
            ylo -= pad;
            yhi += pad;
        }
        if (logX) {
            xlo /= 1.25;
            xhi *= 1.25;
        }
        PlotFrame f = new PlotFrame(width, height, xlo, xhi, ylo, yhi, logX);
        f.axes(title, xLabel, yLabel, xTicks);
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<Boolean> dashes = new ArrayList<>();
        var clip = f.g.getClip();
        f.g.clipRect(f.left, f.top, f.right - f.left + 1, f.bottom - f.top + 1);
        int solid = 0;
        int dashed = 0;
        for (Series s : series) {
            // Reference lines are dark neutral tones, so they never share a colour with a method's line.
            Color c = s.dashed() ? REFERENCE_COLOURS[dashed++ % REFERENCE_COLOURS.length]
                    : PlotFrame.PALETTE[solid++ % PlotFrame.PALETTE.length];
            draw(f, s, c);
            names.add(s.name());
            colors.add(c);
            dashes.add(s.dashed());
        }
        f.g.setClip(clip);
        f.legend(names, colors, dashes, true);
        return f.finish();
    }

    private static void draw(PlotFrame f, Series s, Color c) {
        f.g.setColor(c);
        f.g.setStroke(PlotFrame.stroke(s.dashed()));
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i])) {
                started = false;
                continue;
            }
            double x = f.px(s.x()[i]);
            double y = f.py(s.y()[i]);
            if (started) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                started = true;
            }
        }
        f.g.draw(path);
        if (s.dashed() && s.err() != null) {
            // A reference band: a translucent strip of ± one standard deviation.
            f.g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40));
            double y = s.y()[0];
            double e = s.err()[0];
            int top = (int) f.py(y + e);
            f.g.fillRect((int) f.px(s.x()[0]), top, (int) (f.px(s.x()[1]) - f.px(s.x()[0])), (int) f.py(y - e) - top);
            return;
        }
        boolean markers = s.x().length <= 30 && !s.dashed();
        f.g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i])) {
                continue;
            }
            int x = (int) Math.round(f.px(s.x()[i]));
            int y = (int) Math.round(f.py(s.y()[i]));
            if (s.err() != null && Double.isFinite(s.err()[i]) && s.err()[i] > 0) {
                int hi = (int) Math.round(f.py(s.y()[i] + s.err()[i]));
                int lo = (int) Math.round(f.py(s.y()[i] - s.err()[i]));
                f.g.drawLine(x, hi, x, lo);
                f.g.drawLine(x - 4, hi, x + 4, hi);
                f.g.drawLine(x - 4, lo, x + 4, lo);
            }
            if (markers) {
                f.g.fillOval(x - 3, y - 3, 7, 7);
            }
        }
    }
}
