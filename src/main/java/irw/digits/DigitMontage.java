package irw.digits;

import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** A grid of images from a set, as a grey PNG (white ink on black), for reports and eyeballing. */
public final class DigitMontage {
    private DigitMontage() {
    }

    /**
     * @param indices items to draw, row by row
     * @param scale   pixels per image pixel (1 = native size)
     */
    public static void writePng(LabelledDataSet set, int[] indices, int columns, int scale, Path png) throws IOException {
        int[] shape = set.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("a montage needs 2-D items, not shape " + java.util.Arrays.toString(shape));
        }
        int h = shape[0];
        int w = shape[1];
        int rows = (indices.length + columns - 1) / columns;
        int gap = 1;
        BufferedImage img = new BufferedImage(columns * (w * scale + gap), Math.max(1, rows * (h * scale + gap)), BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int k = 0; k < indices.length; k++) {
            float[] item = set.items()[indices[k]];
            int x0 = (k % columns) * (w * scale + gap);
            int y0 = (k / columns) * (h * scale + gap);
            for (int r = 0; r < h * scale; r++) {
                for (int c = 0; c < w * scale; c++) {
                    float v = item[(r / scale) * w + c / scale];
                    raster.setSample(x0 + c, y0 + r, 0, Math.round(Math.max(0, Math.min(1, v)) * 255));
                }
            }
        }
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
