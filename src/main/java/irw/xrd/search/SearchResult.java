package irw.xrd.search;

import java.util.List;

/**
 * What search-match found in one pattern.
 *
 * @param item        the pattern's name
 * @param phases      phase 1 first; later phases only when they left enough signal and matched closely; empty when
 *                    the pattern holds no peaks above the noise
 * @param fwhm        the measured peak width the references were drawn with, degrees 2θ
 * @param twoThetaMin the 2θ range searched: the measured range inside the library's
 * @param twoThetaMax
 * @param seconds     how long the search took
 */
public record SearchResult(String item, List<PhaseMatch> phases, double fwhm, double twoThetaMin, double twoThetaMax, double seconds) {
    public SearchResult {
        phases = List.copyOf(phases);
    }

    /** The best candidate of phase 1, if any. */
    public java.util.Optional<Candidate> best() {
        return phases.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(phases.get(0).best());
    }

    /** True when the best candidate of phase 1 matches closely. */
    public boolean closeMatch() {
        return !phases.isEmpty() && phases.get(0).closeMatch();
    }
}
