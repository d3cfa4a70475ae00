package irw.xrd.peaks;

/**
 * One peak found in a measured pattern.
 *
 * @param twoTheta  position in degrees 2θ (vertex of the parabola through the top three points)
 * @param d         d-spacing in ångström by Bragg's law for the pattern's Kα1, NaN when the wavelength is unknown
 * @param height    height above the background, in the pattern's units
 * @param fwhm      full width at half maximum in degrees 2θ; where a neighbour hides one side, twice the free half-width
 * @param area      integrated intensity above the background between the half-maximum points, scaled to the whole
 *                  peak as for a Gaussian (height × FWHM × 1.0645), in units × degrees
 * @param index     the index of the top point in the pattern
 */
public record Peak(double twoTheta, double d, double height, double fwhm, double area, int index) {
}
