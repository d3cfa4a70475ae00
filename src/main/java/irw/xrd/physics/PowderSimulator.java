package irw.xrd.physics;

import irw.xrd.cif.CrystalStructure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates the powder stick pattern of a crystal structure: every reflection inside the 2θ range
 * from the reciprocal metric (any cell), |F|² from tabulated scattering factors with Debye-Waller
 * damping, the Lorentz-polarisation factor, multiplicity and optional March-Dollase texture.
 * Stateless and thread-safe.
 */
public final class PowderSimulator {
    /** Sticks weaker than this (on the 0-100 scale) are dropped, as pymatgen does (SCALED_INTENSITY_TOL). */
    public static final double MIN_RELATIVE_INTENSITY = 1e-3;
    /** Families with d equal to this relative precision and |F|² to {@link #F2_TOLERANCE} are one line. */
    static final double D_TOLERANCE = 1e-7;
    static final double F2_TOLERANCE = 1e-5;

    private record Family(int h, int k, int l, double d, int multiplicity, double f2, double intensity) {
    }

    public StickPattern simulate(CrystalStructure structure, SimulationSettings settings) {
        double lambda = settings.wavelength().kAlpha1();
        double sMax = Math.sin(Math.toRadians(settings.twoThetaMax() / 2)) / lambda;
        double sMin = Math.sin(Math.toRadians(settings.twoThetaMin() / 2)) / lambda;
        double qMax = 4 * sMax * sMax;
        double qMin = 4 * sMin * sMin;
        double[][] gs = structure.cell().reciprocalMetricTensor();
        // |h| <= |a| / d_min because h = a · g
        int hMax = (int) Math.floor(2 * sMax * structure.cell().a());
        int kMax = (int) Math.floor(2 * sMax * structure.cell().b());
        int lMax = (int) Math.floor(2 * sMax * structure.cell().c());
        LaueGroup laue = LaueGroup.of(structure.operations(), structure.cell());
        StructureFactorKernel kernel = new StructureFactorKernel(structure, settings.scattering(), settings.debyeWaller(), hMax, kMax, lMax);
        boolean sum = settings.multiplicity() == SimulationSettings.Multiplicity.SUM_ALL_REFLECTIONS;
        List<Family> families = sum ? sumAll(kernel, laue, gs, hMax, kMax, lMax, qMin, qMax, settings)
                : countEquivalents(kernel, laue, gs, hMax, kMax, lMax, qMin, qMax, settings);
        return toSticks(structure.id(), families, settings);
    }

    static double q(double[][] gs, int h, int k, int l) {
        return h * h * gs[0][0] + k * k * gs[1][1] + l * l * gs[2][2] + 2 * (h * k * gs[0][1] + h * l * gs[0][2] + k * l * gs[1][2]);
    }

    /** One |F|² per family, times the counted size of the family. */
    private static List<Family> countEquivalents(StructureFactorKernel kernel, LaueGroup laue, double[][] gs, int hMax, int kMax, int lMax,
                                                 double qMin, double qMax, SimulationSettings settings) {
        List<Family> out = new ArrayList<>();
        forEachFamily(kernel, laue, gs, hMax, kMax, lMax, qMin, qMax, (h, k, l, q, members) -> {
            double f2 = kernel.intensity(l, q / 4);
            double texture = 1;
            if (settings.texture().isPresent()) {
                double sumP = 0;
                for (int[] m : members) {
                    sumP += settings.texture().get().factor(m[0], m[1], m[2], gs);
                }
                texture = sumP / members.size();
            }
            out.add(new Family(h, k, l, 1 / Math.sqrt(q), members.size(), f2, members.size() * f2 * texture));
        });
        return out;
    }

    /** Receives one reflection family; the kernel's row is set to its (h, k), so {@code kernel.intensity(l, ...)} is its |F|². */
    @FunctionalInterface
    interface FamilySink {
        void accept(int h, int k, int l, double q, List<int[]> members);
    }

    /** Every family (its representative, in h, k, l order) with qMin <= 1/d² <= qMax. */
    static void forEachFamily(StructureFactorKernel kernel, LaueGroup laue, double[][] gs, int hMax, int kMax, int lMax, double qMin,
                              double qMax, FamilySink sink) {
        for (int h = -hMax; h <= hMax; h++) {
            for (int k = -kMax; k <= kMax; k++) {
                boolean rowStarted = false;
                for (int l = -lMax; l <= lMax; l++) {
                    double q = q(gs, h, k, l);
                    if (q <= 0 || q > qMax || q < qMin || !laue.isRepresentative(h, k, l)) {
                        continue;
                    }
                    if (!rowStarted) {
                        kernel.startRow(h, k);
                        rowStarted = true;
                    }
                    sink.accept(h, k, l, q, laue.members(h, k, l));
                }
            }
        }
    }

    /** |F|² of every reflection in the sphere, summed per family: the check on the counted multiplicity. */
    private static List<Family> sumAll(StructureFactorKernel kernel, LaueGroup laue, double[][] gs, int hMax, int kMax, int lMax,
                                       double qMin, double qMax, SimulationSettings settings) {
        Map<List<Integer>, double[]> byFamily = new HashMap<>();
        for (int h = -hMax; h <= hMax; h++) {
            for (int k = -kMax; k <= kMax; k++) {
                for (int l = -lMax; l <= lMax; l++) {
                    double q = q(gs, h, k, l);
                    if (q <= 0 || q > qMax || q < qMin) {
                        continue;
                    }
                    double f2 = kernel.intensity(h, k, l, q / 4);
                    double texture = settings.texture().isPresent() ? settings.texture().get().factor(h, k, l, gs) : 1;
                    int[] rep = laue.representative(h, k, l);
                    double[] acc = byFamily.computeIfAbsent(List.of(rep[0], rep[1], rep[2]), key -> new double[3]);
                    acc[0] += 1;
                    acc[1] += f2 * texture;
                    acc[2] = f2;
                }
            }
        }
        List<Family> out = new ArrayList<>();
        byFamily.forEach((rep, acc) -> {
            double q = q(gs, rep.get(0), rep.get(1), rep.get(2));
            out.add(new Family(rep.get(0), rep.get(1), rep.get(2), 1 / Math.sqrt(q), (int) acc[0], acc[2], acc[1]));
        });
        return out;
    }

    /**
     * Lorentz-polarisation factor (1 + cos²2θ_M cos²2θ) / (sin²θ cosθ); with no monochromator
     * (2θ_M = 0) it is the usual (1 + cos²2θ) / (sin²θ cosθ).
     */
    public static double lorentzPolarisation(double twoThetaDeg, double monochromatorTwoThetaDeg) {
        return lorentzPolarisationOfSin(Math.sin(Math.toRadians(twoThetaDeg / 2)), Math.cos(Math.toRadians(monochromatorTwoThetaDeg)));
    }

    /** The same factor from sin θ and cos 2θ_M, without trigonometric calls: cos 2θ = 1 − 2 sin²θ, cos θ = √(1 − sin²θ). */
    static double lorentzPolarisationOfSin(double sinTheta, double cosMonochromator) {
        double s2 = sinTheta * sinTheta;
        double c2t = 1 - 2 * s2;
        double cm = cosMonochromator;
        return (1 + cm * cm * c2t * c2t) / (s2 * Math.sqrt(1 - s2));
    }

    private static StickPattern toSticks(String id, List<Family> families, SimulationSettings settings) {
        double lambda = settings.wavelength().kAlpha1();
        families.sort(Comparator.comparingDouble(Family::d).reversed());
        List<Stick> sticks = new ArrayList<>();
        int i = 0;
        while (i < families.size()) {
            int j = i;
            double d0 = families.get(i).d();
            while (j < families.size() && Math.abs(families.get(j).d() - d0) <= D_TOLERANCE * d0) {
                j++;
            }
            mergeEqualF2(families.subList(i, j), lambda, settings.monochromatorTwoTheta(), sticks);
            i = j;
        }
        double max = sticks.stream().mapToDouble(Stick::intensity).max().orElse(0);
        List<Stick> scaled = new ArrayList<>(sticks.size());
        for (Stick s : sticks) {
            double rel = max > 0 ? 100 * s.intensity() / max : 0;
            if (rel >= MIN_RELATIVE_INTENSITY) {
                scaled.add(s.withIntensity(rel));
            }
        }
        return new StickPattern(id, settings.wavelength(), scaled);
    }

    /** Families of one d-spacing with equal |F|² are symmetry-equivalent in the powder: one line. */
    private static void mergeEqualF2(List<Family> group, double lambda, double mono, List<Stick> out) {
        List<Family> sameD = new ArrayList<>(group);
        sameD.sort((x, y) -> compare(y, x)); // a fixed order for lines of one d, however they were found
        boolean[] used = new boolean[sameD.size()];
        for (int a = 0; a < sameD.size(); a++) {
            if (used[a]) {
                continue;
            }
            Family best = sameD.get(a);
            int multiplicity = 0;
            double intensity = 0;
            for (int b = a; b < sameD.size(); b++) {
                Family f = sameD.get(b);
                double ref = Math.max(sameD.get(a).f2(), 1e-30);
                if (!used[b] && Math.abs(f.f2() - sameD.get(a).f2()) <= F2_TOLERANCE * ref) {
                    used[b] = true;
                    multiplicity += f.multiplicity();
                    intensity += f.intensity();
                    if (compare(f, best) > 0) {
                        best = f;
                    }
                }
            }
            double sinTheta = lambda / (2 * best.d());
            if (sinTheta >= 1) {
                continue;
            }
            double twoTheta = 2 * Math.toDegrees(Math.asin(sinTheta));
            out.add(new Stick(twoTheta, best.d(), best.h(), best.k(), best.l(), multiplicity,
                    intensity * lorentzPolarisation(twoTheta, mono)));
        }
    }

    private static int compare(Family x, Family y) {
        if (x.h() != y.h()) {
            return Integer.compare(x.h(), y.h());
        }
        return x.k() != y.k() ? Integer.compare(x.k(), y.k()) : Integer.compare(x.l(), y.l());
    }
}
