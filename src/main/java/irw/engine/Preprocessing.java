package irw.engine;

import irw.core.Normalisation;
import irw.core.Pattern;
import irw.core.TwoThetaGrid;
import irw.xrd.preprocess.ModelInputPreparation;

/**
 * How an input becomes a network item, recorded in the classifier's model file so that training,
 * {@code classify}, {@code refine}, {@code evaluate}, the service and the workbench all prepare inputs
 * the same way. Patterns go through {@link ModelInputPreparation} (wavelength, bin-averaging onto the
 * model's grid, SNIP background, max scaling, the measured-range marker); images are scaled by
 * {@link #normalisation()}.
 *
 * @param patterns      the pattern preparation, or null for images
 * @param normalisation the intensity scaling of images (patterns: MAX, inside the preparation)
 */
public record Preprocessing(ModelInputPreparation patterns, Normalisation normalisation) {
    public Preprocessing {
        if (normalisation == null) {
            throw new IllegalArgumentException("a normalisation is required");
        }
    }

    /** Patterns of N points: the standard preparation on the default range; images: scaled to max 1. */
    public static Preprocessing defaultFor(int[] itemShape) {
        if (itemShape.length == 1) {
            TwoThetaGrid grid = new TwoThetaGrid(TwoThetaGrid.DEFAULT.start(), TwoThetaGrid.DEFAULT.end(), itemShape[0],
                    TwoThetaGrid.DEFAULT.wavelength());
            return forPatterns(ModelInputPreparation.standard(grid));
        }
        return new Preprocessing(null, Normalisation.MAX);
    }

    public static Preprocessing forPatterns(ModelInputPreparation preparation) {
        return new Preprocessing(preparation, Normalisation.MAX);
    }

    /** The model's 2θ grid, or null for images. */
    public TwoThetaGrid grid() {
        return patterns == null ? null : patterns.grid();
    }

    /** An item already on the model's grid (patterns: measured everywhere) or an image. */
    public float[] apply(float[] item) {
        if (patterns != null) {
            return patterns.prepareOnGrid(item).values();
        }
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

    /** A measured or simulated pattern on any axis, with its coverage and any reason not to classify it. */
    public ModelInputPreparation.Prepared prepare(Pattern pattern) {
        if (patterns == null) {
            throw new IllegalArgumentException("this model takes images, not diffraction patterns (" + pattern.name() + ")");
        }
        return patterns.prepare(pattern);
    }

    /** A pattern as an item of this model; refuses, naming the pattern, what must not be classified. */
    public float[] apply(Pattern pattern) {
        ModelInputPreparation.Prepared p = prepare(pattern);
        if (p.refusal().isPresent()) {
            throw new IllegalArgumentException(pattern.name() + ": " + p.refusalMessage());
        }
        return p.values();
    }
}
