package irw.xrd.synth;

import java.util.EnumSet;
import java.util.Set;

/**
 * The ranges each defect is drawn from, and which defects are on.
 *
 * @param enabled              the defects to apply
 * @param latticeMin           smallest |relative change| of a cell length (0.005 = 0.5%)
 * @param latticeMax           largest |relative change|
 * @param zeroShiftMax         |zero shift| up to this, degrees 2θ
 * @param sizeMinNm            Scherrer crystallite size range, nm
 * @param sizeMaxNm            upper end
 * @param textureMinR          March-Dollase r drawn from [textureMinR, 1]
 * @param backgroundMax        background height up to this fraction of the strongest peak
 * @param humpMax              amorphous hump height up to this fraction of the strongest peak
 * @param log10CountsMin       counts at the strongest point: 10^u, u uniform in [min, max]
 * @param log10CountsMax       upper end
 * @param impurityMax          impurity fraction (of diffracted intensity) up to this
 */
public record DefectSettings(Set<Defect> enabled, double latticeMin, double latticeMax, double zeroShiftMax, double sizeMinNm,
                             double sizeMaxNm, double textureMinR, double backgroundMax, double humpMax, double log10CountsMin,
                             double log10CountsMax, double impurityMax) {

    public DefectSettings {
        enabled = enabled.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(enabled);
        if (!(latticeMin >= 0 && latticeMax >= latticeMin && sizeMinNm > 0 && sizeMaxNm >= sizeMinNm && textureMinR > 0
                && textureMinR <= 1 && log10CountsMax >= log10CountsMin && impurityMax >= 0 && impurityMax < 1)) {
            throw new IllegalArgumentException("inconsistent defect ranges: " + this);
        }
    }

    public static DefectSettings of(Severity severity) {
        Set<Defect> all = EnumSet.allOf(Defect.class);
        return switch (severity) {
            case MILD -> new DefectSettings(all, 0.002, 0.01, 0.05, 30, 100, 0.85, 0.05, 0.03, 3.5, 5.0, 0.10);
            case PAPER -> new DefectSettings(all, 0.005, 0.03, 0.15, 5, 100, 0.7, 0.15, 0.10, 2.5, 4.5, 0.30);
            case HARD -> new DefectSettings(all, 0.01, 0.05, 0.3, 5, 40, 0.5, 0.30, 0.25, 1.5, 3.0, 0.40);
        };
    }

    public boolean has(Defect d) {
        return enabled.contains(d);
    }

    public DefectSettings without(Set<Defect> off) {
        Set<Defect> on = EnumSet.allOf(Defect.class);
        on.retainAll(enabled);
        on.removeAll(off);
        return new DefectSettings(on, latticeMin, latticeMax, zeroShiftMax, sizeMinNm, sizeMaxNm, textureMinR, backgroundMax, humpMax,
                log10CountsMin, log10CountsMax, impurityMax);
    }
}
