package irw.xrd.physics;

import irw.core.Wavelength;

import java.util.Optional;

/**
 * What a stick pattern is simulated with.
 *
 * @param wavelength            sticks are placed for Kα1 (or the single line); Kα2 is added by the profile
 * @param twoThetaMin           lower end of the range, degrees
 * @param twoThetaMax           upper end, degrees
 * @param debyeWaller           apply exp(-B s²), B = 8π²U_iso, where a site states U_iso or B_iso
 * @param scattering            ion or neutral-atom scattering factors
 * @param monochromatorTwoTheta 2θ of a monochromator crystal in degrees, or 0 for none
 * @param texture               March-Dollase preferred orientation, when any
 * @param multiplicity          how families are formed (the two must agree)
 */
public record SimulationSettings(Wavelength wavelength, double twoThetaMin, double twoThetaMax, boolean debyeWaller,
                                 ScatteringFactors.Model scattering, double monochromatorTwoTheta,
                                 Optional<MarchDollase> texture, Multiplicity multiplicity) {

    /** Counting the members of each family, or summing the intensity of every reflection in the sphere. */
    public enum Multiplicity { COUNT_EQUIVALENTS, SUM_ALL_REFLECTIONS }

    public SimulationSettings {
        if (!(twoThetaMin >= 0 && twoThetaMax > twoThetaMin && twoThetaMax < 180)) {
            throw new IllegalArgumentException("2θ range must satisfy 0 <= min < max < 180, got " + twoThetaMin + " to " + twoThetaMax);
        }
    }

    /** Cu Kα1+Kα2, 5-80°, ion scattering factors, Debye-Waller on: the model grid's settings. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(Wavelength.CU_KALPHA, 5, 80, true, ScatteringFactors.Model.IONS, 0, Optional.empty(),
                Multiplicity.COUNT_EQUIVALENTS);
    }

    /** The settings of the pymatgen reference peaks: 1.54184 Å single line, no Debye-Waller, neutral atoms. */
    public static SimulationSettings pymatgenLike(double min, double max) {
        return new SimulationSettings(Wavelength.CU_KALPHA_AVERAGE, min, max, false, ScatteringFactors.Model.NEUTRAL_ATOMS, 0,
                Optional.empty(), Multiplicity.COUNT_EQUIVALENTS);
    }

    public SimulationSettings withWavelength(Wavelength w) {
        return new SimulationSettings(w, twoThetaMin, twoThetaMax, debyeWaller, scattering, monochromatorTwoTheta, texture, multiplicity);
    }

    public SimulationSettings withRange(double min, double max) {
        return new SimulationSettings(wavelength, min, max, debyeWaller, scattering, monochromatorTwoTheta, texture, multiplicity);
    }

    public SimulationSettings withTexture(MarchDollase md) {
        return new SimulationSettings(wavelength, twoThetaMin, twoThetaMax, debyeWaller, scattering, monochromatorTwoTheta,
                Optional.ofNullable(md), multiplicity);
    }

    public SimulationSettings withMultiplicity(Multiplicity m) {
        return new SimulationSettings(wavelength, twoThetaMin, twoThetaMax, debyeWaller, scattering, monochromatorTwoTheta, texture, m);
    }

    public SimulationSettings withScattering(ScatteringFactors.Model model) {
        return new SimulationSettings(wavelength, twoThetaMin, twoThetaMax, debyeWaller, model, monochromatorTwoTheta, texture, multiplicity);
    }

    public SimulationSettings withDebyeWaller(boolean on) {
        return new SimulationSettings(wavelength, twoThetaMin, twoThetaMax, on, scattering, monochromatorTwoTheta, texture, multiplicity);
    }

    public SimulationSettings withMonochromator(double twoThetaMonochromator) {
        return new SimulationSettings(wavelength, twoThetaMin, twoThetaMax, debyeWaller, scattering, twoThetaMonochromator, texture, multiplicity);
    }
}
