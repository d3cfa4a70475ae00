package irw.digits;

/**
 * MNIST's framing of a digit (LeCun et al. 1998): the ink is scaled, keeping its aspect ratio, so
 * that its larger side fills a 20×20 box, and placed in a 28×28 field with its centre of mass on
 * the centre of pixel (14, 14), i.e. at (14.5, 14.5) with pixel i spanning [i, i+1]: the mean centre
 * of mass of the bundled MNIST digits is (14.50, 14.49) (train) and (14.51, 14.50) (test). The scaling averages the source over each target pixel's exact footprint (a summed-area
 * table), so a fine raster becomes anti-aliased grey levels as in MNIST. The same framing serves
 * the typeset digits and a digit drawn on the canvas.
 */
public final class MnistFraming {
    public static final int SIZE = 28;
    public static final int BOX = 20;
    /** Where MNIST puts the centre of mass, in pixel-edge coordinates (see the class comment). */
    public static final double CENTRE = SIZE / 2.0 + 0.5;
    /** Source values below this fraction of the maximum do not count as ink for the bounding box. */
    private static final double INK = 0.1;

    private MnistFraming() {
    }

    /** Frames a row-major {@code width} × {@code height} image with its centre of mass at the centre. */
    public static float[] frame(float[] image, int width, int height) {
        return frame(image, width, height, 0, 0, true);
    }

    /**
     * @param dx           shift of the centre from ({@link #CENTRE}, {@link #CENTRE}), in target pixels (right positive)
     * @param dy           shift in target pixels (down positive)
     * @param centreOfMass centre the centre of mass (MNIST) or the ink's bounding box
     * @return the 28×28 digit, values in [0, 1]; an image without ink comes back blank
     */
    public static float[] frame(float[] image, int width, int height, double dx, double dy, boolean centreOfMass) {
        if (image.length != width * height) {
            throw new IllegalArgumentException("image has " + image.length + " values, not " + width + " × " + height);
        }
        float max = 0;
        for (float v : image) {
            max = Math.max(max, v);
        }
        float[] out = new float[SIZE * SIZE];
        if (!(max > 0)) {
            return out;
        }
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = image[y * width + x];
                if (v > INK * max) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
                if (v > 0) {
                    mass += v;
                    mx += v * (x + 0.5);
                    my += v * (y + 0.5);
                }
            }
        }
        double k = Math.max(maxX - minX + 1, maxY - minY + 1) / (double) BOX; // source pixels per target pixel
        double cx = centreOfMass ? mx / mass : (minX + maxX + 1) / 2.0;
        double cy = centreOfMass ? my / mass : (minY + maxY + 1) / 2.0;
        double[] sat = summedArea(image, width, height);
        double ox = cx - (CENTRE + dx) * k;
        double oy = cy - (CENTRE + dy) * k;
        double area = k * k;
        for (int r = 0; r < SIZE; r++) {
            double y0 = oy + r * k;
            double y1 = y0 + k;
            for (int c = 0; c < SIZE; c++) {
                double x0 = ox + c * k;
                double x1 = x0 + k;
                double s = at(sat, width, height, x1, y1) - at(sat, width, height, x0, y1) - at(sat, width, height, x1, y0)
                        + at(sat, width, height, x0, y0);
                out[r * SIZE + c] = (float) Math.max(0, Math.min(1, s / area));
            }
        }
        return out;
    }

    /** S[y][x] = sum of the pixels [0, x) × [0, y), (width+1) × (height+1). */
    private static double[] summedArea(float[] image, int width, int height) {
        double[] s = new double[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += image[y * width + x];
                s[(y + 1) * (width + 1) + x + 1] = s[y * (width + 1) + x + 1] + row;
            }
        }
        return s;
    }

    /** The summed-area table at a fractional corner: bilinear, which is exact for pixels of constant value. */
    private static double at(double[] s, int width, int height, double x, double y) {
        x = Math.max(0, Math.min(width, x));
        y = Math.max(0, Math.min(height, y));
        int x0 = Math.min(width - 1, (int) x);
        int y0 = Math.min(height - 1, (int) y);
        double ax = x - x0;
        double ay = y - y0;
        int w = width + 1;
        return (1 - ay) * ((1 - ax) * s[y0 * w + x0] + ax * s[y0 * w + x0 + 1])
                + ay * ((1 - ax) * s[(y0 + 1) * w + x0] + ax * s[(y0 + 1) * w + x0 + 1]);
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
}
