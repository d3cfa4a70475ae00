package irw.engine;

import irw.core.Normalisation;
import irw.core.Pattern;
import irw.core.Resampler;
import irw.core.TwoThetaGrid;

/**
 * How an input becomes a network item, recorded in the classifier's model file so that raw
 * measured files can be classified as they are: resample onto the model's 2θ grid (patterns only),
 * then scale the intensities.
 *
 * @param grid          the model's 2θ grid, or null for images
 * @param normalisation applied to every item, in training and in use
 */
public record Preprocessing(TwoThetaGrid grid, Normalisation normalisation) {
    public Preprocessing {
        if (normalisation == null) {
            throw new IllegalArgumentException("a normalisation is required");
        }
    }

    /** Patterns of 2,000 points: the default grid; other shapes: no grid. Intensities scaled to max 1. */
    public static Preprocessing defaultFor(int[] itemShape) {
        TwoThetaGrid grid = itemShape.length == 1 ? new TwoThetaGrid(TwoThetaGrid.DEFAULT.start(), TwoThetaGrid.DEFAULT.end(),
                itemShape[0], TwoThetaGrid.DEFAULT.wavelength()) : null;
        return new Preprocessing(grid, Normalisation.MAX);
    }

    public float[] apply(float[] item) {
        if (normalisation == Normalisation.NONE) {
            return item;
        }
        double[] d = new double[item.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = item[i];
        }
        double[] n = normalisation.apply(d);
        float[] out = new float[n.length];
        for (int i = 0; i < n.length; i++) {
            out[i] = (float) n[i];
        }
        return out;
    }

    public float[][] apply(float[][] items) {
        float[][] out = new float[items.length][];
        for (int i = 0; i < items.length; i++) {
            out[i] = apply(items[i]);
        }
        return out;
    }

    /** A measured or simulated pattern on any axis, as an item of this model. */
    public float[] apply(Pattern pattern) {
        if (grid == null) {
            throw new IllegalArgumentException("this model takes images, not diffraction patterns (" + pattern.name() + ")");
        }
        Pattern onGrid = Resampler.resample(pattern, grid);
        float[] f = new float[onGrid.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) onGrid.intensity(i);
        }
        return apply(f);
    }
}
