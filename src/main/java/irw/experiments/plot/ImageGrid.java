package irw.experiments.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Rows of small grey-scale images (e.g. raw digits above their refined versions, as in Fig. 6),
 * each row with a label on its left. Pixel values are scaled from [min, max] of each image.
 */
public final class ImageGrid {
    private ImageGrid() {
    }

    /**
     * @param rows   row → images, each a flattened {@code height × width} array
     * @param labels one label per row
     * @param scale  screen pixels per image pixel
     */
    public static BufferedImage render(List<float[][]> rows, List<String> labels, int height, int width, int scale) {
        if (rows.size() != labels.size() || rows.isEmpty()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + labels.size() + " labels");
        }
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int labelW = 150;
        int cw = width * scale + 4;
        int ch = height * scale + 4;
        BufferedImage img = new BufferedImage(labelW + cols * cw, rows.size() * ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int r = 0; r < rows.size(); r++) {
            g.setColor(Color.BLACK);
            g.drawString(labels.get(r), 4, r * ch + ch / 2 + 4);
            for (int c = 0; c < rows.get(r).length; c++) {
                float[] v = rows.get(r)[c];
                if (v.length != height * width) {
                    throw new IllegalArgumentException("image " + c + " of row " + r + " has " + v.length + " values, expected " + height * width);
                }
                float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
                for (float x : v) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                float span = hi > lo ? hi - lo : 1;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        // MNIST convention: ink is bright, paper dark.
                        int grey = Math.round(255 * Math.max(0, Math.min(1, (v[y * width + x] - lo) / span)));
                        g.setColor(new Color(grey, grey, grey));
                        g.fillRect(labelW + c * cw + 2 + x * scale, r * ch + 2 + y * scale, scale, scale);
                    }
                }
            }
        }
        g.dispose();
        return img;
    }
}
