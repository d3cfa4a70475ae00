package irw.xrd.physics;

import irw.xrd.cif.SymmetryOperation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The point-group rotations of a space group together with the inversion (Friedel's law:
 * |F(h)| = |F(-h)| without anomalous scattering): the group under which powder reflections are
 * equivalent. A reflection family is an orbit of this group; its size is the multiplicity.
 */
public final class LaueGroup {
    /** Rotations stored flat, 9 ints each, acting on row vectors: h' = h R. */
    private final int[] rotations;
    private final int count;

    private LaueGroup(List<int[]> flat) {
        this.count = flat.size();
        this.rotations = new int[count * 9];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat.get(i), 0, rotations, i * 9, 9);
        }
    }

    /**
     * The Laue group of the operations, keeping only rotations that preserve the cell's reciprocal
     * metric (R G* Rᵀ = G*). A strained cell (cubic made slightly orthorhombic) has lower symmetry:
     * reflections that the strain splits are then different families, as they should be.
     */
    public static LaueGroup of(List<SymmetryOperation> operations, irw.xrd.cif.UnitCell cell) {
        LaueGroup full = of(operations);
        double[][] gs = cell.reciprocalMetricTensor();
        double scale = Math.max(gs[0][0], Math.max(gs[1][1], gs[2][2]));
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < full.count; i++) {
            int[] r = Arrays.copyOfRange(full.rotations, i * 9, i * 9 + 9);
            if (preservesMetric(r, gs, scale)) {
                kept.add(r);
            }
        }
        return kept.size() == full.count ? full : new LaueGroup(kept);
    }

    private static boolean preservesMetric(int[] r, double[][] gs, double scale) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        v += r[i * 3 + a] * gs[a][b] * r[j * 3 + b];
                    }
                }
                if (Math.abs(v - gs[i][j]) > METRIC_TOLERANCE * scale) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Relative agreement of metric entries under which a rotation counts as a symmetry of the cell. */
    static final double METRIC_TOLERANCE = 1e-5;

    public static LaueGroup of(List<SymmetryOperation> operations) {
        List<int[]> distinct = new ArrayList<>();
        for (SymmetryOperation op : operations) {
            int[] r = new int[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    r[i * 3 + j] = op.rotation()[i][j];
                }
            }
            addIfNew(distinct, r);
            int[] minus = Arrays.stream(r).map(v -> -v).toArray();
            addIfNew(distinct, minus);
        }
        if (distinct.isEmpty()) {
            addIfNew(distinct, new int[]{1, 0, 0, 0, 1, 0, 0, 0, 1});
            addIfNew(distinct, new int[]{-1, 0, 0, 0, -1, 0, 0, 0, -1});
        }
        close(distinct);
        return new LaueGroup(distinct);
    }

    /** Adds products until the set is a group, so a CIF that lists only some operations still gives whole families. */
    private static void close(List<int[]> set) {
        boolean grew = true;
        while (grew && set.size() <= 48) {
            grew = false;
            int n = set.size();
            for (int a = 0; a < n && set.size() <= 48; a++) {
                for (int b = 0; b < n && set.size() <= 48; b++) {
                    int before = set.size();
                    addIfNew(set, multiply(set.get(a), set.get(b)));
                    grew |= set.size() > before;
                }
            }
        }
    }

    private static int[] multiply(int[] x, int[] y) {
        int[] out = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i * 3 + j] = x[i * 3] * y[j] + x[i * 3 + 1] * y[3 + j] + x[i * 3 + 2] * y[6 + j];
            }
        }
        return out;
    }

    private static void addIfNew(List<int[]> list, int[] r) {
        for (int[] q : list) {
            if (Arrays.equals(q, r)) {
                return;
            }
        }
        list.add(r);
    }

    public int order() {
        return count;
    }

    /**
     * True when (h,k,l) is the representative of its family: no image under the group is greater in
     * lexicographic order. Exits at the first greater image, so most reflections cost a few products.
     */
    public boolean isRepresentative(int h, int k, int l) {
        int[] r = rotations;
        for (int i = 0, o = 0; i < count; i++, o += 9) {
            int h2 = h * r[o] + k * r[o + 3] + l * r[o + 6];
            if (h2 < h) {
                continue;
            }
            if (h2 > h) {
                return false;
            }
            int k2 = h * r[o + 1] + k * r[o + 4] + l * r[o + 7];
            if (k2 < k) {
                continue;
            }
            if (k2 > k) {
                return false;
            }
            int l2 = h * r[o + 2] + k * r[o + 5] + l * r[o + 8];
            if (l2 > l) {
                return false;
            }
        }
        return true;
    }

    /** The representative (lexicographically greatest member) of the family of (h,k,l). */
    public int[] representative(int h, int k, int l) {
        int[] best = {h, k, l};
        for (int[] m : members(h, k, l)) {
            if (m[0] > best[0] || (m[0] == best[0] && (m[1] > best[1] || (m[1] == best[1] && m[2] > best[2])))) {
                best = m;
            }
        }
        return best;
    }

    /** The distinct members of the family of (h,k,l); their number is its multiplicity. */
    public List<int[]> members(int h, int k, int l) {
        List<int[]> out = new ArrayList<>(count);
        int[] r = rotations;
        for (int i = 0, o = 0; i < count; i++, o += 9) {
            int[] m = {h * r[o] + k * r[o + 3] + l * r[o + 6], h * r[o + 1] + k * r[o + 4] + l * r[o + 7], h * r[o + 2] + k * r[o + 5] + l * r[o + 8]};
            boolean seen = false;
            for (int[] q : out) {
                if (q[0] == m[0] && q[1] == m[1] && q[2] == m[2]) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                out.add(m);
            }
        }
        return out;
    }

    /** The multiplicity of (h,k,l), counted as the size of its orbit. */
    public int multiplicity(int h, int k, int l) {
        return members(h, k, l).size();
    }
}
