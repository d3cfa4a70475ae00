package irw.core;

/**
 * Puts patterns onto a {@link TwoThetaGrid} by linear interpolation.
 *
 * <p>Grid points outside the measured range get intensity 0: a model must not see invented
 * signal where the instrument recorded nothing.
 */
public final class Resampler {
    private Resampler() {
    }

    public static Pattern resample(Pattern pattern, TwoThetaGrid grid) {
        double[] out = new double[grid.points()];
        int j = 0;
        int last = pattern.size() - 1;
        for (int i = 0; i < grid.points(); i++) {
            double x = grid.at(i);
            if (x < pattern.firstTwoTheta() || x > pattern.lastTwoTheta()) {
                continue;
            }
            while (j < last - 1 && pattern.twoTheta(j + 1) < x) {
                j++;
            }
            double x0 = pattern.twoTheta(j);
            double x1 = pattern.twoTheta(j + 1);
            double t = (x - x0) / (x1 - x0);
            out[i] = pattern.intensity(j) * (1 - t) + pattern.intensity(j + 1) * t;
        }
        return new Pattern(grid.axis(), out, pattern.metadata());
    }
}
