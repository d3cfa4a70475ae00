package irw.xrd.cif;

/**
 * An atom position in the cell.
 *
 * @param label     the CIF site label ({@code Fe1})
 * @param element   the element symbol, capitalised ({@code Fe})
 * @param charge    the formal charge from the type symbol ({@code Fe3+} gives 3), 0 when none is stated
 * @param x         fractional coordinate, in [0, 1) after expansion
 * @param occupancy site occupancy, 1 when not stated
 * @param uIso      isotropic displacement U in Å², NaN when not stated (B = 8π²U)
 */
public record AtomSite(String label, String element, int charge, double x, double y, double z, double occupancy, double uIso) {

    public double[] position() {
        return new double[]{x, y, z};
    }

    public boolean hasUIso() {
        return Double.isFinite(uIso);
    }

    /** The scattering species: element plus charge in the International Tables' notation ({@code Mn3+}, {@code O2-}). */
    public String species() {
        return charge == 0 ? element : element + Math.abs(charge) + (charge > 0 ? "+" : "-");
    }

    public AtomSite at(double nx, double ny, double nz) {
        return new AtomSite(label, element, charge, nx, ny, nz, occupancy, uIso);
    }
}
