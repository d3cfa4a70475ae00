package irw.xrd.synth;

import java.util.List;

/**
 * The defects one imperfect sample was given, drawn from {@link DefectSettings}. Neutral values
 * (0, r = 1, no counts) stand for a defect that is off. {@link #toArray()} follows {@link #NAMES}.
 */
public record DefectParameters(double strainA, double strainB, double strainC, double zeroShiftDeg, double crystalliteNm,
                               double textureR, int textureH, int textureK, int textureL, double[] chebyshev, double backgroundLevel,
                               double humpCentreDeg, double humpFwhmDeg, double humpLevel, double counts, boolean kAlpha2,
                               double impurityFraction, int impurityIndex) {

    public static final List<String> NAMES = List.of("strain_a", "strain_b", "strain_c", "zero_shift_deg", "crystallite_nm",
            "texture_r", "texture_h", "texture_k", "texture_l", "chebyshev_c0", "chebyshev_c1", "chebyshev_c2", "chebyshev_c3",
            "chebyshev_c4", "background_level", "hump_centre_deg", "hump_fwhm_deg", "hump_level", "counts_at_max", "kalpha2",
            "impurity_fraction", "impurity_structure_index");

    public double[] toArray() {
        return new double[]{strainA, strainB, strainC, zeroShiftDeg, crystalliteNm, textureR, textureH, textureK, textureL,
                chebyshev[0], chebyshev[1], chebyshev[2], chebyshev[3], chebyshev[4], backgroundLevel, humpCentreDeg, humpFwhmDeg,
                humpLevel, counts, kAlpha2 ? 1 : 0, impurityFraction, impurityIndex};
    }
}
