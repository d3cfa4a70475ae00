package irw.experiments.plot;

import irw.core.ConfusionMatrix;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A confusion matrix as a heat map: rows are true classes, columns predictions, each cell shaded
 * by its share of the row (recall) and labelled with its count.
 */
public final class ConfusionMatrixImage {
    private ConfusionMatrixImage() {
    }

    public static BufferedImage render(ConfusionMatrix m, String title) {
        int k = m.classes().size();
        int cell = Math.max(36, Math.min(64, 560 / k));
        int left = 120;
        int top = 60;
        int w = left + k * cell + 20;
        int h = top + k * cell + 110;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, 10, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(String.format(java.util.Locale.ROOT, "accuracy %.2f %%, n = %d", 100 * m.accuracy(), m.total()), 10, 42);
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (int p = 0; p < k; p++) {
                row += m.count(t, p);
            }
            for (int p = 0; p < k; p++) {
                long c = m.count(t, p);
                double share = row == 0 ? 0 : (double) c / row;
                int shade = (int) Math.round(255 * (1 - share));
                g.setColor(new Color(shade, shade, 255));
                int x = left + p * cell;
                int y = top + t * cell;
                g.fillRect(x, y, cell, cell);
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x, y, cell, cell);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String s = Long.toString(c);
                g.drawString(s, x + (cell - fm.stringWidth(s)) / 2, y + (cell + fm.getAscent()) / 2 - 2);
            }
            g.setColor(Color.BLACK);
            String name = m.classes().name(t);
            g.drawString(name, left - 6 - fm.stringWidth(name), top + t * cell + (cell + fm.getAscent()) / 2 - 2);
        }
        AffineTransform saved = g.getTransform();
        for (int p = 0; p < k; p++) {
            g.setTransform(saved);
            g.translate(left + p * cell + cell / 2 - 4, top + k * cell + 6);
            g.rotate(Math.PI / 4);
            g.drawString(m.classes().name(p), 0, fm.getAscent());
        }
        g.setTransform(saved);
        g.drawString("rows: true class, columns: predicted", left, h - 8);
        g.dispose();
        return img;
    }
}
