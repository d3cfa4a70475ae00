package irw.xrd.physics;

/**
 * One powder line: a reflection family at its Bragg angle.
 *
 * @param twoTheta     Bragg angle 2θ in degrees for the stick pattern's wavelength
 * @param d            d-spacing in ångström
 * @param h            Miller indices of one member of the family
 * @param multiplicity number of reflections in the family (summed over merged families)
 * @param intensity    integrated intensity: multiplicity × |F|² × Lp (× texture), relative units
 */
public record Stick(double twoTheta, double d, int h, int k, int l, int multiplicity, double intensity) {
    public Stick withIntensity(double newIntensity) {
        return new Stick(twoTheta, d, h, k, l, multiplicity, newIntensity);
    }
}
