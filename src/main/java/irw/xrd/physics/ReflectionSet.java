package irw.xrd.physics;

import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.UnitCell;

import java.util.Arrays;

/**
 * The reflection families of one structure, kept with what a strained cell or a preferred orientation
 * needs, so that the stick pattern of a varied sample is re-derived in microseconds instead of
 * re-simulated (structure factors are the cost of {@link PowderSimulator#simulate}). Per family: its
 * representative (h k l), its members (the Laue class orbit, for texture averages), 1/d² of the
 * unstrained cell, |F|² there and its slope in s² = (sin θ/λ)².
 * <p>
 * A cell whose lengths are scaled by (f_a, f_b, f_c) with angles kept (strain tied to the symmetry,
 * {@code ImperfectPatternGenerator}) has G = D G₀ D with D = diag(f), so G* = D⁻¹ G₀* D⁻¹ and every
 * 1/d² = hᵀ G* h is exact. The Laue class keeps the strained metric (the tie keeps symmetry-equal
 * lengths equal), so the families stay the same. |F|² changes only through the scattering factors and
 * the Debye-Waller damping at the new s²; it is taken from the line through |F|²(s²(1 ± δ)), which for
 * the ≤ 5 % strains of the defect model stays within about 1e-3 of |F|² recomputed (tested). Lorentz-
 * polarisation and the March-Dollase average (Dollase 1986, eq. 6, over the family's members) are
 * evaluated at the strained cell exactly as {@link PowderSimulator} does.
 * <p>
 * Families of equal d and |F|² are not merged into one stick, as {@link PowderSimulator} does for its
 * stick lists: a profile is a sum of peaks, so the drawn pattern is the same.
 */
public final class ReflectionSet {
    /** Relative step in s² of the chord that gives |F|²'s slope. */
    private static final double SLOPE_STEP = 0.05;
    private final SimulationSettings settings;
    private final double maxStrain;
    private final double[][] gs;
    private final int families;
    private final int[] hkl;
    private final int[] memberStart;
    private final int[] members;
    private final double[] q;
    private final double[] f2;
    private final double[] f2Slope;

    private ReflectionSet(SimulationSettings settings, double maxStrain, double[][] gs, int[] hkl, int[] memberStart, int[] members,
                          double[] q, double[] f2, double[] f2Slope) {
        this.settings = settings;
        this.maxStrain = maxStrain;
        this.gs = gs;
        this.families = q.length;
        this.hkl = hkl;
        this.memberStart = memberStart;
        this.members = members;
        this.q = q;
        this.f2 = f2;
        this.f2Slope = f2Slope;
    }

    /**
     * The families of {@code structure} whose 1/d² can fall inside {@code settings}' 2θ range when each
     * cell length changes by up to {@code maxStrain} (0.06 = 6 %). The texture of {@code settings} is
     * ignored: it is given per pattern.
     */
    public static ReflectionSet of(CrystalStructure structure, SimulationSettings settings, double maxStrain) {
        if (!(maxStrain >= 0 && maxStrain < 0.5)) {
            throw new IllegalArgumentException("largest strain must lie in [0, 0.5), got " + maxStrain);
        }
        double lambda = settings.wavelength().kAlpha1();
        double sMax = Math.sin(Math.toRadians(settings.twoThetaMax() / 2)) / lambda;
        double sMin = Math.sin(Math.toRadians(settings.twoThetaMin() / 2)) / lambda;
        // q' = q / f² for a length scaled by f in [1 - m, 1 + m]
        double qHigh = 4 * sMax * sMax * (1 + maxStrain) * (1 + maxStrain);
        double qLow = 4 * sMin * sMin * (1 - maxStrain) * (1 - maxStrain);
        UnitCell cell = structure.cell();
        double[][] gs = cell.reciprocalMetricTensor();
        double invDMin = Math.sqrt(qHigh);
        int hMax = (int) Math.floor(invDMin * cell.a());
        int kMax = (int) Math.floor(invDMin * cell.b());
        int lMax = (int) Math.floor(invDMin * cell.c());
        LaueGroup laue = LaueGroup.of(structure.operations(), cell);
        StructureFactorKernel kernel = new StructureFactorKernel(structure, settings.scattering(), settings.debyeWaller(), hMax, kMax, lMax);
        IntList hkl = new IntList();
        IntList starts = new IntList();
        IntList memberList = new IntList();
        DoubleList qs = new DoubleList();
        DoubleList f2s = new DoubleList();
        DoubleList slopes = new DoubleList();
        double[] s2 = new double[3];
        double[] f = new double[3];
        PowderSimulator.forEachFamily(kernel, laue, gs, hMax, kMax, lMax, qLow, qHigh, (h, k, l, q, family) -> {
            s2[0] = q / 4;
            s2[1] = s2[0] * (1 - SLOPE_STEP);
            s2[2] = s2[0] * (1 + SLOPE_STEP);
            kernel.intensities(l, s2, f);
            hkl.add(h);
            hkl.add(k);
            hkl.add(l);
            starts.add(memberList.size() / 3);
            for (int[] m : family) {
                memberList.add(m[0]);
                memberList.add(m[1]);
                memberList.add(m[2]);
            }
            qs.add(q);
            f2s.add(f[0]);
            slopes.add((f[2] - f[1]) / (s2[2] - s2[1]));
        });
        starts.add(memberList.size() / 3);
        return new ReflectionSet(settings.withTexture(null), maxStrain, gs, hkl.toArray(), starts.toArray(), memberList.toArray(),
                qs.toArray(), f2s.toArray(), slopes.toArray());
    }

    /** The number of families kept. */
    public int families() {
        return families;
    }

    /** The largest relative change of a cell length this set covers. */
    public double maxStrain() {
        return maxStrain;
    }

    /**
     * The sticks inside the settings' 2θ range of the cell with lengths scaled by (fa, fb, fc), angles kept, and
     * March-Dollase texture {@code texture} (null: a random powder), written into {@code out} (cleared first).
     * Intensities are multiplicity × |F|² × texture × Lp on an arbitrary scale; sticks under 10⁻⁵ of the strongest
     * are dropped, as {@link PowderSimulator} drops them.
     */
    public StickBuffer sticks(double fa, double fb, double fc, MarchDollase texture, StickBuffer out) {
        for (double f : new double[]{fa, fb, fc}) {
            if (!(Math.abs(f - 1) <= maxStrain + 1e-12)) {
                throw new IllegalArgumentException("cell scaled by " + f + ", beyond the ±" + maxStrain + " this reflection set covers");
            }
        }
        out.clear();
        double[] inv = {1 / fa, 1 / fb, 1 / fc};
        double[][] g = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g[i][j] = gs[i][j] * inv[i] * inv[j];
            }
        }
        double lambda = settings.wavelength().kAlpha1();
        double sMax = Math.sin(Math.toRadians(settings.twoThetaMax() / 2)) / lambda;
        double sMin = Math.sin(Math.toRadians(settings.twoThetaMin() / 2)) / lambda;
        double qMax = 4 * sMax * sMax;
        double qMin = 4 * sMin * sMin;
        double cosMono = Math.cos(Math.toRadians(settings.monochromatorTwoTheta()));
        double[] axis = texture == null ? null : texture.directionIn(g);
        double axisNorm2 = texture == null ? 0 : texture.h() * axis[0] + texture.k() * axis[1] + texture.l() * axis[2];
        for (int i = 0; i < families; i++) {
            int h = hkl[3 * i], k = hkl[3 * i + 1], l = hkl[3 * i + 2];
            double qi = PowderSimulator.q(g, h, k, l);
            if (qi <= 0 || qi > qMax || qi < qMin) {
                continue;
            }
            double fSq = Math.max(0, f2[i] + f2Slope[i] * (qi - q[i]) / 4);
            int first = memberStart[i], end = memberStart[i + 1];
            double textureFactor = 1;
            if (texture != null) {
                double sum = 0;
                for (int m = first; m < end; m++) {
                    double dot = members[3 * m] * axis[0] + members[3 * m + 1] * axis[1] + members[3 * m + 2] * axis[2];
                    sum += texture.ofCos2(dot * dot / (qi * axisNorm2));
                }
                textureFactor = sum / (end - first);
            }
            double d = 1 / Math.sqrt(qi);
            double sinTheta = lambda / (2 * d);
            if (sinTheta >= 1) {
                continue;
            }
            double twoTheta = 2 * Math.toDegrees(Math.asin(sinTheta));
            out.add(twoTheta, d, (end - first) * fSq * textureFactor * PowderSimulator.lorentzPolarisationOfSin(sinTheta, cosMono));
        }
        out.dropWeakerThan(PowderSimulator.MIN_RELATIVE_INTENSITY / 100);
        return out;
    }

    /** A growable int array (no boxing while a set is built). */
    private static final class IntList {
        private int[] v = new int[64];
        private int n;

        void add(int x) {
            if (n == v.length) {
                v = Arrays.copyOf(v, 2 * n);
            }
            v[n++] = x;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(v, n);
        }
    }

    private static final class DoubleList {
        private double[] v = new double[64];
        private int n;

        void add(double x) {
            if (n == v.length) {
                v = Arrays.copyOf(v, 2 * n);
            }
            v[n++] = x;
        }

        double[] toArray() {
            return Arrays.copyOf(v, n);
        }
    }
}
