package irw.app.models;

import irw.core.Pattern;

import java.util.Map;

/**
 * Where patterns are compared before t-SNE: the classifier's embedding F(x) when a model is
 * loaded, or the patterns themselves.
 */
public interface FeatureSpace {
    String description();

    /** Feature vectors of patterns on the models' grid, one row per pattern. */
    double[][] features(java.util.List<Pattern> onGrid) throws Exception;

    /** The class prototypes c_k in the same space (eq. 1), by class name; empty when there are none. */
    Map<String, double[]> prototypes();

    /**
     * The pattern space itself: max-normalised intensities averaged over blocks of four grid points
     * (500 features), so t-SNE's neighbour search stays fast. It has no prototypes.
     */
    static FeatureSpace patternSpace() {
        return new FeatureSpace() {
            @Override
            public String description() {
                return "pattern space (no classifier loaded)";
            }

            @Override
            public double[][] features(java.util.List<Pattern> onGrid) {
                double[][] out = new double[onGrid.size()][];
                for (int r = 0; r < out.length; r++) {
                    Pattern p = onGrid.get(r);
                    double[] f = new double[(p.size() + 3) / 4];
                    for (int i = 0; i < p.size(); i++) {
                        f[i / 4] += p.intensity(i) / 4;
                    }
                    out[r] = f;
                }
                return out;
            }

            @Override
            public Map<String, double[]> prototypes() {
                return Map.of();
            }
        };
    }
}
