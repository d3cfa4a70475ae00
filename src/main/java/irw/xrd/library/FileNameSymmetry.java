package irw.xrd.library;

import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.CrystalSystem;
import irw.xrd.cif.UnitCell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The space group of a structure that a CIF gives only in P1. Structures exported from the Materials
 * Project with pymatgen are often expanded to P1, and collections such as XRD-AutoAnalyzer's name each
 * file {@code <formula>_<space group number>.cif}. The number in the name is taken only when the CIF
 * itself states P1 (or nothing) with the identity as its one operation, and when the cell's metric is
 * that of the named crystal system, so an unrelated trailing number ({@code sample_2.cif}) does not
 * invent a symmetry.
 */
final class FileNameSymmetry {
    private static final Pattern NUMBER_SUFFIX = Pattern.compile(".*_(\\d{1,3})");
    private static final double LENGTH_TOLERANCE = 1e-3;
    private static final double ANGLE_TOLERANCE = 0.05;

    private FileNameSymmetry() {
    }

    /** The space-group number named by the file, or 0 when the file name or the cell does not support one. */
    static int spaceGroupNumber(String fileStem, CrystalStructure s) {
        if (s.spaceGroupNumber().orElse(1) != 1 || s.operations().size() != 1) {
            return 0;
        }
        Matcher m = NUMBER_SUFFIX.matcher(fileStem);
        if (!m.matches()) {
            return 0;
        }
        int n = Integer.parseInt(m.group(1));
        return n >= 1 && n <= 230 && metricAllows(s.cell(), CrystalSystem.ofSpaceGroup(n)) ? n : 0;
    }

    /** True when the cell's lengths and angles have the equalities the crystal system requires (in a standard setting). */
    static boolean metricAllows(UnitCell c, CrystalSystem system) {
        boolean al = right(c.alpha());
        boolean be = right(c.beta());
        boolean ga = right(c.gamma());
        boolean ab = same(c.a(), c.b());
        boolean bc = same(c.b(), c.c());
        boolean ac = same(c.a(), c.c());
        return switch (system) {
            case TRICLINIC -> true;
            case MONOCLINIC -> (al ? 1 : 0) + (be ? 1 : 0) + (ga ? 1 : 0) >= 2;
            case ORTHORHOMBIC -> al && be && ga;
            case TETRAGONAL -> al && be && ga && (ab || bc || ac);
            case HEXAGONAL -> hexagonal(c);
            case TRIGONAL -> hexagonal(c) || (ab && bc && Math.abs(c.alpha() - c.beta()) < ANGLE_TOLERANCE
                    && Math.abs(c.beta() - c.gamma()) < ANGLE_TOLERANCE);
            case CUBIC -> al && be && ga && ab && bc;
        };
    }

    private static boolean hexagonal(UnitCell c) {
        return (same(c.a(), c.b()) && right(c.alpha()) && right(c.beta()) && Math.abs(c.gamma() - 120) < ANGLE_TOLERANCE)
                || (same(c.b(), c.c()) && right(c.beta()) && right(c.gamma()) && Math.abs(c.alpha() - 120) < ANGLE_TOLERANCE)
                || (same(c.a(), c.c()) && right(c.alpha()) && right(c.gamma()) && Math.abs(c.beta() - 120) < ANGLE_TOLERANCE);
    }

    private static boolean right(double angle) {
        return Math.abs(angle - 90) < ANGLE_TOLERANCE;
    }

    private static boolean same(double x, double y) {
        return Math.abs(x - y) <= LENGTH_TOLERANCE * Math.max(x, y);
    }
}
