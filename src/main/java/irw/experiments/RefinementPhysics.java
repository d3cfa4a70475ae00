package irw.experiments;

import java.util.Locale;

/**
 * Whether refined patterns stay physical (issue 11), measured on model-space items (−1 marks an
 * unmeasured cell): negative values, cells that break the measured-range mask, patterns rougher
 * than their raw input (total variation of the max-scaled measured cells), and added
 * high-frequency energy, the energy of the second difference Σ (r[i+1] − 2r[i] + r[i−1])² over
 * runs of measured cells, which noise and spikes raise and smoothing lowers. Each pattern's
 * energies are taken after scaling its raw measured cells to a maximum of 1 (the refined one by
 * the same factor), so every pattern weighs alike. Also the classifier's flips between raw and
 * refined, where labels are known.
 *
 * @param patterns       how many raw/refined pairs
 * @param negativeValues measured cells with a refined value below 0
 * @param maskViolations cells measured in one and not in the other, or unmeasured and changed
 * @param rougher        patterns whose refined roughness exceeds the raw one (relative tolerance 1e-4)
 * @param hfRaised       patterns whose refined second-difference energy exceeds the raw one (relative tolerance 1e-4)
 * @param addedHfEnergy  Σ over patterns of max(0, E(refined) − E(raw)) relative to Σ E(raw)
 * @param hfRatio        Σ E(refined) / Σ E(raw)
 */
public record RefinementPhysics(int patterns, long negativeValues, long maskViolations, int rougher, int hfRaised, double addedHfEnergy,
                                double hfRatio) {
    private static final double TOLERANCE = 1e-4;

    public static RefinementPhysics of(float[][] raw, float[][] refined) {
        if (raw.length != refined.length) {
            throw new IllegalArgumentException(raw.length + " raw but " + refined.length + " refined patterns");
        }
        long negative = 0;
        long mask = 0;
        int rougher = 0;
        int raised = 0;
        double added = 0;
        double rawEnergy = 0;
        double refinedEnergy = 0;
        for (int i = 0; i < raw.length; i++) {
            float[] x = raw[i];
            float[] r = refined[i];
            if (x.length != r.length) {
                throw new IllegalArgumentException("pattern " + i + ": " + x.length + " raw but " + r.length + " refined cells");
            }
            for (int j = 0; j < x.length; j++) {
                negative += x[j] >= 0 && r[j] < 0 ? 1 : 0;
            }
            mask += MeasuredCells.maskViolations(x, r);
            double tvRaw = MeasuredCells.roughness(x);
            rougher += MeasuredCells.roughness(r) > tvRaw * (1 + TOLERANCE) + 1e-12 ? 1 : 0;
            double scale = max(x);
            double ex = secondDifferenceEnergy(x, x, scale);
            double er = secondDifferenceEnergy(r, x, scale);
            raised += er > ex * (1 + TOLERANCE) + 1e-12 ? 1 : 0;
            added += Math.max(0, er - ex);
            rawEnergy += ex;
            refinedEnergy += er;
        }
        return new RefinementPhysics(raw.length, negative, mask, rougher, raised, rawEnergy == 0 ? 0 : added / rawEnergy,
                rawEnergy == 0 ? 1 : refinedEnergy / rawEnergy);
    }

    /** Σ of squared second differences of {@code v}/scale over the cells measured in {@code measuredIn}, triples inside one run only. */
    static double secondDifferenceEnergy(float[] v, float[] measuredIn, double scale) {
        if (scale <= 0) {
            return 0;
        }
        double s = 0;
        for (int j = 1; j + 1 < v.length; j++) {
            if (measuredIn[j - 1] >= 0 && measuredIn[j] >= 0 && measuredIn[j + 1] >= 0) {
                double d = (v[j + 1] - 2.0 * v[j] + v[j - 1]) / scale;
                s += d * d;
            }
        }
        return s;
    }

    private static double max(float[] v) {
        double m = 0;
        for (float a : v) {
            m = Math.max(m, a);
        }
        return m;
    }

    /** True when nothing unphysical happened: no negative value, no mask violation, no pattern rougher or with more high-frequency energy. */
    public boolean physical() {
        return negativeValues == 0 && maskViolations == 0 && rougher == 0 && hfRaised == 0;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%d patterns: %d negative values, %d cells changed outside the measured range, %d rougher than raw, "
                        + "%d with more high-frequency energy (added %.2e of the raw energy; refined/raw energy %.3f)", patterns, negativeValues,
                maskViolations, rougher, hfRaised, addedHfEnergy, hfRatio);
    }

    /** Right→wrong and wrong→right changes of the prediction between raw and refined patterns. */
    public record Flips(int rightToWrong, int wrongToRight) {
        public static Flips of(int[] labels, int[] rawPredicted, int[] refinedPredicted) {
            int rw = 0;
            int wr = 0;
            for (int i = 0; i < labels.length; i++) {
                boolean before = rawPredicted[i] == labels[i];
                boolean after = refinedPredicted[i] == labels[i];
                rw += before && !after ? 1 : 0;
                wr += !before && after ? 1 : 0;
            }
            return new Flips(rw, wr);
        }

        public String summary() {
            return "flips right->wrong " + rightToWrong + ", wrong->right " + wrongToRight;
        }
    }
}
