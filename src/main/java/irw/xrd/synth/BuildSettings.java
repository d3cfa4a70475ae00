package irw.xrd.synth;

import irw.core.TwoThetaGrid;

/**
 * How a data set is built.
 *
 * @param seed                   the one seed every random choice derives from
 * @param variants               extra ideal variants per structure (isotropic strain, width, texture)
 * @param severity               the defect preset the imperfect set was drawn with
 * @param defects                the defect ranges (usually {@code DefectSettings.of(severity)}, maybe with some off)
 * @param imperfectPerStructure  imperfect samples per held-out (test-split) structure
 * @param validationFraction     share of structures in the validation split
 * @param testFraction           share of structures in the test split (held out; the imperfect set's source)
 * @param grid                   the model grid
 * @param limit                  use only the first {@code limit} structures after the seeded shuffle (0 = all)
 */
public record BuildSettings(long seed, int variants, Severity severity, DefectSettings defects, int imperfectPerStructure,
                            double validationFraction, double testFraction, TwoThetaGrid grid, int limit) {
    public BuildSettings {
        if (variants < 0 || imperfectPerStructure < 0 || limit < 0) {
            throw new IllegalArgumentException("variants, imperfect samples per structure and limit must be >= 0");
        }
        if (!(validationFraction >= 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("split fractions must leave room for training: validation " + validationFraction
                    + ", test " + testFraction);
        }
    }

    public static BuildSettings defaults(long seed) {
        return new BuildSettings(seed, 0, Severity.PAPER, DefectSettings.of(Severity.PAPER), 1, 0.1, 0.1, TwoThetaGrid.DEFAULT, 0);
    }
}
