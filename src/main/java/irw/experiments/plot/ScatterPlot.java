package irw.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D map of points (a t-SNE of embeddings, as Fig. 4 of Bai et al.): colour = class, mark =
 * which set the point comes from (ideal, raw, refined, prototype).
 */
public final class ScatterPlot {

    /** How a set of points is drawn. */
    public enum Mark { DOT, RING, TRIANGLE, CROSS }

    private record Group(String name, double[][] xy, int[] classes, Mark mark) {
    }

    private final String title;
    private final List<String> classNames;
    private final List<Group> groups = new ArrayList<>();

    public ScatterPlot(String title, List<String> classNames) {
        this.title = title;
        this.classNames = List.copyOf(classNames);
    }

    /** Adds points {@code xy[i] = {x, y}} of class {@code classes[i]}. */
    public ScatterPlot add(String name, double[][] xy, int[] classes, Mark mark) {
        if (xy.length != classes.length) {
            throw new IllegalArgumentException("group '" + name + "': " + xy.length + " points but " + classes.length + " classes");
        }
        groups.add(new Group(name, xy, classes, mark));
        return this;
    }

    public BufferedImage render() {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Group g : groups) {
            for (double[] p : g.xy()) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
        }
        if (x0 == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("scatter plot '" + title + "' has no points");
        }
        double px = (x1 - x0) * 0.05 + 1e-9;
        double py = (y1 - y0) * 0.05 + 1e-9;
        PlotFrame f = new PlotFrame(900, 700, x0 - px, x1 + px, y0 - py, y1 + py, false);
        f.axes(title, "t-SNE 1", "t-SNE 2", null);
        for (Group g : groups) {
            for (int i = 0; i < g.xy().length; i++) {
                f.g.setColor(PlotFrame.PALETTE[Math.floorMod(g.classes()[i], PlotFrame.PALETTE.length)]);
                draw(f, g.mark(), (int) Math.round(f.px(g.xy()[i][0])), (int) Math.round(f.py(g.xy()[i][1])));
            }
        }
        // Legend: classes by colour, sets by mark.
        int lx = f.right - 170;
        int ly = f.top + 10;
        f.g.setColor(new Color(255, 255, 255, 225));
        f.g.fillRect(lx - 6, ly - 4, 170, 18 * (classNames.size() + groups.size()) + 8);
        for (int k = 0; k < classNames.size(); k++) {
            f.g.setColor(PlotFrame.PALETTE[k % PlotFrame.PALETTE.length]);
            f.g.fillRect(lx, ly + 18 * k, 12, 12);
            f.g.setColor(Color.BLACK);
            f.g.drawString(classNames.get(k), lx + 18, ly + 18 * k + 11);
        }
        for (int j = 0; j < groups.size(); j++) {
            int yy = ly + 18 * (classNames.size() + j);
            f.g.setColor(Color.DARK_GRAY);
            draw(f, groups.get(j).mark(), lx + 6, yy + 6);
            f.g.setColor(Color.BLACK);
            f.g.drawString(groups.get(j).name(), lx + 18, yy + 11);
        }
        return f.finish();
    }

    private static void draw(PlotFrame f, Mark mark, int x, int y) {
        switch (mark) {
            case DOT -> f.g.fillOval(x - 2, y - 2, 5, 5);
            case RING -> {
                f.g.setStroke(new BasicStroke(1.2f));
                f.g.drawOval(x - 4, y - 4, 8, 8);
            }
            case TRIANGLE -> f.g.fillPolygon(new int[]{x - 4, x + 4, x}, new int[]{y + 4, y + 4, y - 4}, 3);
            case CROSS -> {
                f.g.setStroke(new BasicStroke(3f));
                f.g.drawLine(x - 7, y - 7, x + 7, y + 7);
                f.g.drawLine(x - 7, y + 7, x + 7, y - 7);
                f.g.setStroke(new BasicStroke(1f));
            }
        }
    }
}
