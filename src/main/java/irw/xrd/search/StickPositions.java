package irw.xrd.search;

import irw.xrd.library.StickLibrary;

/**
 * Every stick of a library placed for one measured wavelength, with what the fast screen needs per
 * stick: the 2θ of the Kα1 line, its first-order change with isotropic strain, and the compressed
 * intensity. Computed once per library, wavelength and compression, then shared by all patterns.
 */
final class StickPositions {
    final double lambda;
    final double compression;
    /** 2θ in degrees, NaN where the reflection does not exist at this wavelength. */
    final float[] twoTheta;
    /** d(2θ)/dε in degrees: d → d(1 + ε) moves a line by −2 tanθ ε radians (differentiated Bragg's law). */
    final float[] strainSlope;
    /** Intensity^compression (intensities are 0-100 per structure). */
    final float[] weight;

    StickPositions(StickLibrary lib, double lambda, double compression) {
        this.lambda = lambda;
        this.compression = compression;
        int m = lib.stickCount();
        twoTheta = new float[m];
        strainSlope = new float[m];
        weight = new float[m];
        java.util.stream.IntStream.range(0, m).parallel().forEach(j -> {
            double sin = lambda / (2 * lib.dSpacing(j));
            if (sin >= 1) {
                twoTheta[j] = Float.NaN;
                return;
            }
            double theta = Math.asin(sin);
            twoTheta[j] = (float) Math.toDegrees(2 * theta);
            strainSlope[j] = (float) Math.toDegrees(-2 * Math.tan(theta));
            weight[j] = (float) Math.pow(lib.intensity(j), compression);
        });
    }
}
