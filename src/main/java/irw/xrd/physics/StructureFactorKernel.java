package irw.xrd.physics;

import irw.xrd.cif.AtomSite;
import irw.xrd.cif.CrystalStructure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * |F(hkl)|² for one structure, F = Σ_j occ_j f_j(s) exp(-B_j s²) exp(2πi h·x_j), with the phase
 * factors precomputed per atom and index (exp(2πi h x) for every h in range), so a reflection costs
 * one complex product per atom. Atoms that share species and B share one f(s) evaluation.
 */
final class StructureFactorKernel {
    private final int nAtoms;
    private final int[] type;
    private final double[] weight;
    private final ScatteringFactors.Coefficients[] typeCoefficients;
    private final double[] typeB;
    private final int hMax, kMax, lMax;
    private final double[] xr, xi, yr, yi, zr, zi;
    private final double[] typeFactor;
    private final double[] accRe, accIm;
    private final double[] rowRe, rowIm;

    StructureFactorKernel(CrystalStructure structure, ScatteringFactors.Model model, boolean debyeWaller, int hMax, int kMax, int lMax) {
        List<AtomSite> sites = structure.sites();
        this.nAtoms = sites.size();
        this.hMax = hMax;
        this.kMax = kMax;
        this.lMax = lMax;
        this.type = new int[nAtoms];
        this.weight = new double[nAtoms];
        Map<String, Integer> typeIndex = new HashMap<>();
        List<ScatteringFactors.Coefficients> coeffs = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        ScatteringFactors table = ScatteringFactors.table();
        for (int j = 0; j < nAtoms; j++) {
            AtomSite a = sites.get(j);
            ScatteringFactors.Coefficients c = table.coefficients(a.element(), a.charge(), model);
            double b = debyeWaller && a.hasUIso() ? 8 * Math.PI * Math.PI * a.uIso() : 0;
            String key = c.species() + "|" + b;
            Integer t = typeIndex.get(key);
            if (t == null) {
                t = coeffs.size();
                typeIndex.put(key, t);
                coeffs.add(c);
                bs.add(b);
            }
            type[j] = t;
            weight[j] = a.occupancy();
        }
        this.typeCoefficients = coeffs.toArray(new ScatteringFactors.Coefficients[0]);
        this.typeB = bs.stream().mapToDouble(Double::doubleValue).toArray();
        this.typeFactor = new double[typeCoefficients.length];
        this.accRe = new double[typeCoefficients.length];
        this.accIm = new double[typeCoefficients.length];
        int nh = 2 * hMax + 1, nk = 2 * kMax + 1, nl = 2 * lMax + 1;
        xr = new double[nAtoms * nh];
        xi = new double[nAtoms * nh];
        yr = new double[nAtoms * nk];
        yi = new double[nAtoms * nk];
        zr = new double[nAtoms * nl];
        zi = new double[nAtoms * nl];
        for (int j = 0; j < nAtoms; j++) {
            AtomSite a = sites.get(j);
            fillPhases(a.x(), hMax, xr, xi, j * nh);
            fillPhases(a.y(), kMax, yr, yi, j * nk);
            fillPhases(a.z(), lMax, zr, zi, j * nl);
        }
        rowRe = new double[nAtoms];
        rowIm = new double[nAtoms];
    }

    private static void fillPhases(double x, int max, double[] re, double[] im, int offset) {
        for (int h = -max; h <= max; h++) {
            double phase = 2 * Math.PI * h * x;
            re[offset + h + max] = Math.cos(phase);
            im[offset + h + max] = Math.sin(phase);
        }
    }

    /** Fixes h and k: stores exp(2πi(hx + ky)) per atom for the following {@link #intensity} calls. */
    void startRow(int h, int k) {
        int nh = 2 * hMax + 1, nk = 2 * kMax + 1;
        for (int j = 0; j < nAtoms; j++) {
            double ar = xr[j * nh + h + hMax], ai = xi[j * nh + h + hMax];
            double br = yr[j * nk + k + kMax], bi = yi[j * nk + k + kMax];
            rowRe[j] = ar * br - ai * bi;
            rowIm[j] = ar * bi + ai * br;
        }
    }

    /** |F|² of (h, k, l) with h, k from the current row; s2 = (sinθ/λ)² = 1/(4d²). */
    double intensity(int l, double s2) {
        accumulate(l);
        return intensityAt(s2);
    }

    /**
     * |F|² of (h, k, l) (h, k from the current row) at several values of s² for the same phases: the
     * atoms' phase sums are formed once, only the scattering factors and Debye-Waller damping change.
     */
    void intensities(int l, double[] s2, double[] out) {
        accumulate(l);
        for (int i = 0; i < s2.length; i++) {
            out[i] = intensityAt(s2[i]);
        }
    }

    /** Sums occ·exp(2πi h·x) per atom type into accRe/accIm. */
    private void accumulate(int l) {
        int nl = 2 * lMax + 1;
        java.util.Arrays.fill(accRe, 0);
        java.util.Arrays.fill(accIm, 0);
        for (int j = 0; j < nAtoms; j++) {
            double cr = zr[j * nl + l + lMax], ci = zi[j * nl + l + lMax];
            double w = weight[j];
            int t = type[j];
            accRe[t] += w * (rowRe[j] * cr - rowIm[j] * ci);
            accIm[t] += w * (rowRe[j] * ci + rowIm[j] * cr);
        }
    }

    private double intensityAt(double s2) {
        double fr = 0, fi = 0;
        for (int t = 0; t < typeCoefficients.length; t++) {
            double f = typeCoefficients[t].f0(s2);
            if (typeB[t] != 0) {
                f *= Math.exp(-typeB[t] * s2);
            }
            fr += f * accRe[t];
            fi += f * accIm[t];
        }
        return fr * fr + fi * fi;
    }

    /** |F|² of any (h, k, l). */
    double intensity(int h, int k, int l, double s2) {
        startRow(h, k);
        return intensity(l, s2);
    }
}
