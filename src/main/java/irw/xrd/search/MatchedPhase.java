package irw.xrd.search;

import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import irw.xrd.library.StickLibrary;
import irw.xrd.physics.PeakProfile;
import irw.xrd.physics.ProfileRenderer;
import irw.xrd.physics.Stick;
import irw.xrd.physics.StickPattern;

import java.util.ArrayList;
import java.util.List;

/**
 * A candidate placed where the search fitted it on a measured pattern: its sticks moved by the fitted
 * isotropic strain (d → d(1 + ε)) and zero shift δ, for the pattern's own Kα1, and its simulated profile
 * drawn with the measured peak width. This is what the overlay shows and what "use as reference" makes
 * the ground truth of a measured pattern.
 *
 * @param library   the stick library the candidate comes from
 * @param candidate the fitted candidate
 * @param wavelength the pattern's radiation
 * @param fwhm      the pattern's typical peak width (from its {@link SearchResult}), degrees 2θ
 */
public record MatchedPhase(StickLibrary library, Candidate candidate, Wavelength wavelength, double fwhm) {
    /** Sticks weaker than this (of 100) are left out of the overlay: they would be invisible. */
    public static final double MIN_INTENSITY = 0.5;

    /** The sticks whose fitted 2θ lies in [from, to], strongest 100, in order of angle. */
    public List<Stick> sticks(double from, double to) {
        List<Stick> out = new ArrayList<>();
        int i = candidate.index();
        double lambda = wavelength.kAlpha1();
        for (int s = library.firstStick(i); s < library.endStick(i); s++) {
            double d = library.dSpacing(s) * (1 + candidate.strain());
            double sin = lambda / (2 * d);
            if (sin >= 1 || library.intensity(s) < MIN_INTENSITY) {
                continue;
            }
            double twoTheta = Math.toDegrees(2 * Math.asin(sin)) + candidate.zeroShift();
            if (twoTheta >= from && twoTheta <= to) {
                out.add(new Stick(twoTheta, d, library.h(s), library.k(s), library.l(s), library.multiplicity(s), library.intensity(s)));
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Stick::twoTheta));
        return out;
    }

    /**
     * The candidate's simulated pattern on {@code grid}, scaled to a maximum of 1: pseudo-Voigt peaks of the
     * measured width times the fitted broadening, Kα2 included when the radiation has it.
     */
    public double[] profile(TwoThetaGrid grid) {
        List<Stick> all = new ArrayList<>();
        for (Stick s : sticks(0, 180)) {
            // the renderer adds the zero shift itself
            all.add(new Stick(s.twoTheta() - candidate.zeroShift(), s.d(), s.h(), s.k(), s.l(), s.multiplicity(), s.intensity()));
        }
        double width = fwhm * candidate.broadening();
        PeakProfile profile = new PeakProfile(0, 0, width * width, 0, 0.5, candidate.zeroShift(), wavelength.hasKAlpha2());
        return ProfileRenderer.renderNormalised(new StickPattern(candidate.entry().block(), wavelength, all), grid, profile);
    }

    /** Miller indices as crystallographers write them: "200", or "1 -1 10" when an index has two digits. */
    public static String hkl(Stick s) {
        boolean compact = Math.abs(s.h()) < 10 && Math.abs(s.k()) < 10 && Math.abs(s.l()) < 10;
        return compact ? "" + s.h() + s.k() + s.l() : s.h() + " " + s.k() + " " + s.l();
    }
}
