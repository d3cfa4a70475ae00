package irw.core;

import java.util.Arrays;

/**
 * A 1-D diffraction signal: intensities on a strictly increasing 2θ axis in degrees.
 *
 * <p>Immutable. The constructor rejects what later code cannot handle (NaN, infinities,
 * a non-increasing axis, mismatched lengths) so every pattern in the program is valid.
 */
public final class Pattern {
    private final double[] twoTheta;
    private final double[] intensity;
    private final PatternMetadata metadata;

    public Pattern(double[] twoTheta, double[] intensity, PatternMetadata metadata) {
        if (twoTheta.length != intensity.length) {
            throw new IllegalArgumentException("axis has " + twoTheta.length + " points but intensity has " + intensity.length);
        }
        if (twoTheta.length < 2) {
            throw new IllegalArgumentException("a pattern needs at least 2 points, got " + twoTheta.length);
        }
        for (int i = 0; i < twoTheta.length; i++) {
            if (!Double.isFinite(twoTheta[i])) {
                throw new IllegalArgumentException("2θ is not a finite number at point " + i + ": " + twoTheta[i]);
            }
            if (!Double.isFinite(intensity[i])) {
                throw new IllegalArgumentException("intensity is not a finite number at point " + i + " (2θ " + twoTheta[i] + "): " + intensity[i]);
            }
            if (i > 0 && !(twoTheta[i] > twoTheta[i - 1])) {
                throw new IllegalArgumentException("2θ axis is not strictly increasing at point " + i + ": "
                        + twoTheta[i - 1] + " then " + twoTheta[i]);
            }
        }
        this.twoTheta = twoTheta.clone();
        this.intensity = intensity.clone();
        this.metadata = metadata;
    }

    /** Pattern on a grid, without copying the grid's axis twice. */
    public static Pattern onGrid(TwoThetaGrid grid, double[] intensity, PatternMetadata metadata) {
        return new Pattern(grid.axis(), intensity, metadata);
    }

    public int size() {
        return twoTheta.length;
    }

    public double twoTheta(int i) {
        return twoTheta[i];
    }

    public double intensity(int i) {
        return intensity[i];
    }

    /** A copy of the axis. */
    public double[] twoThetaValues() {
        return twoTheta.clone();
    }

    /** A copy of the intensities. */
    public double[] intensityValues() {
        return intensity.clone();
    }

    public double firstTwoTheta() {
        return twoTheta[0];
    }

    public double lastTwoTheta() {
        return twoTheta[twoTheta.length - 1];
    }

    public double maxIntensity() {
        return Arrays.stream(intensity).max().orElse(0);
    }

    public PatternMetadata metadata() {
        return metadata;
    }

    public String name() {
        return metadata.sampleName();
    }

    public Pattern withIntensity(double[] newIntensity) {
        return new Pattern(twoTheta, newIntensity, metadata);
    }

    public Pattern withMetadata(PatternMetadata newMetadata) {
        return new Pattern(twoTheta, intensity, newMetadata);
    }

    @Override
    public String toString() {
        return String.format("Pattern[%s, %d points, 2θ %.3f-%.3f°]", name(), size(), firstTwoTheta(), lastTwoTheta());
    }
}
