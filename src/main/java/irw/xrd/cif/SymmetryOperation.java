package irw.xrd.cif;

import java.util.Locale;

/**
 * A space-group operation x' = R x + t in fractional coordinates, parsed from the CIF form
 * {@code "-y+1/2, x, z+3/4"}. R has integer entries; t is kept in [0, 1).
 */
public record SymmetryOperation(int[][] rotation, double[] translation) {
    public static final SymmetryOperation IDENTITY = new SymmetryOperation(new int[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[3]);

    public SymmetryOperation {
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = translation[i] - Math.floor(translation[i]);
        }
        translation = t;
    }

    /** Parses {@code "x,1/2+y,-z"}; throws IllegalArgumentException with the reason. */
    public static SymmetryOperation parse(String xyz) {
        String[] parts = xyz.replace(" ", "").toLowerCase(Locale.ROOT).split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("symmetry operation '" + xyz + "' does not have three comma-separated parts");
        }
        int[][] r = new int[3][3];
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            parseComponent(parts[i], r[i], t, i, xyz);
        }
        return new SymmetryOperation(r, t);
    }

    private static void parseComponent(String s, int[] row, double[] t, int i, String whole) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("symmetry operation '" + whole + "' has an empty part");
        }
        int start = 0;
        for (int k = 1; k <= s.length(); k++) {
            if (k == s.length() || s.charAt(k) == '+' || s.charAt(k) == '-') {
                addTerm(s.substring(start, k), row, t, i, whole);
                start = k;
            }
        }
    }

    private static void addTerm(String term, int[] row, double[] t, int i, String whole) {
        double sign = 1;
        String body = term;
        if (body.startsWith("+") || body.startsWith("-")) {
            sign = body.charAt(0) == '-' ? -1 : 1;
            body = body.substring(1);
        }
        char last = body.isEmpty() ? ' ' : body.charAt(body.length() - 1);
        int axis = "xyz".indexOf(last);
        try {
            if (axis >= 0) {
                String coeff = body.substring(0, body.length() - 1).replace("*", "");
                double c = coeff.isEmpty() ? 1 : fraction(coeff);
                long rounded = Math.round(sign * c);
                if (Math.abs(rounded - sign * c) > 1e-9) {
                    throw new IllegalArgumentException("non-integer coefficient");
                }
                row[axis] += (int) rounded;
            } else {
                t[i] += sign * fraction(body);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("symmetry operation '" + whole + "' has an unreadable term '" + term + "'");
        }
    }

    private static double fraction(String s) {
        int slash = s.indexOf('/');
        return slash < 0 ? Double.parseDouble(s) : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
    }

    /** Applies the operation to fractional coordinates (not wrapped into the cell). */
    public double[] apply(double[] x) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = rotation[i][0] * x[0] + rotation[i][1] * x[1] + rotation[i][2] * x[2] + translation[i];
        }
        return out;
    }

    /**
     * Transforms Miller indices: a reflection h is equivalent to h R (row vector times the rotation),
     * since F(h R) = F(h) up to a phase for every operation (R, t).
     */
    public int[] applyToHkl(int h, int k, int l) {
        return new int[]{
                h * rotation[0][0] + k * rotation[1][0] + l * rotation[2][0],
                h * rotation[0][1] + k * rotation[1][1] + l * rotation[2][1],
                h * rotation[0][2] + k * rotation[1][2] + l * rotation[2][2]};
    }
}
