package irw.core;

/**
 * Intensity scalings. Both divide only by a positive maximum or sum: an all-zero pattern is left as
 * it is instead of dividing by zero, and a pattern whose maximum or sum is negative (possible after
 * background subtraction) is left as it is rather than turned upside down.
 */
public enum Normalisation {
    /** Divide by the maximum, so the strongest point is 1. */
    MAX,
    /** Divide by the sum of intensities, so the pattern sums to 1 (a discrete distribution). */
    AREA,
    /** Leave intensities as they are. */
    NONE;

    public double[] apply(double[] intensity) {
        double scale = switch (this) {
            case MAX -> max(intensity);
            case AREA -> sum(intensity);
            case NONE -> 1.0;
        };
        double[] out = intensity.clone();
        if (scale > 0 && Double.isFinite(scale)) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= scale;
            }
        }
        return out;
    }

    public Pattern apply(Pattern pattern) {
        return pattern.withIntensity(apply(pattern.intensityValues()));
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
