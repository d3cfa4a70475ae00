package irw.experiments.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertical bars with ± one standard deviation error bars, one per method (Table 2 as a figure),
 * and optional paper reference values drawn as short black ticks over each bar.
 */
public final class BarChart {

    /** {@code reference} is the paper's number for this bar, or NaN. */
    public record Bar(String label, double value, double err, double reference) {
    }

    private final String title;
    private final String yLabel;
    private final List<Bar> bars = new ArrayList<>();
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;

    public BarChart(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    public BarChart add(String label, double value, double err, double reference) {
        bars.add(new Bar(label, value, err, reference));
        return this;
    }

    public BarChart yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    public BufferedImage render() {
        if (bars.isEmpty()) {
            throw new IllegalStateException("bar chart '" + title + "' has no bars");
        }
        double lo = 0;
        double hi = 0;
        for (Bar b : bars) {
            double e = Double.isFinite(b.err()) ? b.err() : 0;
            hi = Math.max(hi, Math.max(b.value() + e, Double.isFinite(b.reference()) ? b.reference() : 0));
            lo = Math.min(lo, b.value() - e);
        }
        if (!Double.isNaN(yMin)) {
            lo = yMin;
            hi = yMax;
        } else {
            hi = hi * 1.1 + 1e-9;
        }
        int width = Math.max(500, 110 * bars.size() + 100);
        PlotFrame f = new PlotFrame(width, 600, 95, 0, bars.size(), lo, hi, false);
        f.axes(title, "", yLabel, new double[0]);
        FontMetrics fm = f.g.getFontMetrics();
        double slot = (f.right - f.left) / (double) bars.size();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int x0 = (int) (f.left + slot * i + slot * 0.2);
            int w = (int) (slot * 0.6);
            int yTop = (int) Math.round(f.py(Math.max(b.value(), lo)));
            int yBase = (int) Math.round(f.py(Math.max(lo, 0)));
            f.g.setColor(PlotFrame.PALETTE[i % PlotFrame.PALETTE.length]);
            f.g.fillRect(x0, Math.min(yTop, yBase), w, Math.abs(yBase - yTop));
            f.g.setColor(Color.BLACK);
            int cx = x0 + w / 2;
            if (Double.isFinite(b.err()) && b.err() > 0) {
                int h = (int) Math.round(f.py(b.value() + b.err()));
                int l = (int) Math.round(f.py(b.value() - b.err()));
                f.g.drawLine(cx, h, cx, l);
                f.g.drawLine(cx - 5, h, cx + 5, h);
                f.g.drawLine(cx - 5, l, cx + 5, l);
            }
            if (Double.isFinite(b.reference())) {
                int r = (int) Math.round(f.py(b.reference()));
                f.g.setStroke(PlotFrame.stroke(true));
                f.g.drawLine(x0 - 4, r, x0 + w + 4, r);
                f.g.setStroke(new java.awt.BasicStroke(1f));
            }
            // Labels word-wrapped under their bar, so long method names fit.
            int line = 0;
            for (String text : wrap(b.label(), fm, (int) slot - 6)) {
                f.g.drawString(text, cx - fm.stringWidth(text) / 2, f.bottom + 4 + fm.getAscent() + line++ * (fm.getHeight()));
            }
        }
        if (bars.stream().anyMatch(b -> Double.isFinite(b.reference()))) {
            f.legend(List.of("paper's value"), List.of(Color.BLACK), List.of(true), false);
        }
        return f.finish();
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.split(" ")) {
            if (cur.length() > 0 && fm.stringWidth(cur + " " + word) > width) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(cur.length() > 0 ? " " : "").append(word);
        }
        lines.add(cur.toString());
        return lines;
    }
}
