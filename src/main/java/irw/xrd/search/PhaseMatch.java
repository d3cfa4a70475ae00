package irw.xrd.search;

import java.util.List;

/**
 * The candidates for one phase, best first.
 *
 * @param phase      1 for the best match of the whole pattern, 2 and 3 for those found in what it left
 * @param candidates the ranked candidates
 * @param closeMatch false when even the best candidate scores below the settings' threshold: the phase is
 *                   probably not in the library, and the candidates are only the nearest there are
 * @param signalLeft the share of the compressed measured signal not yet explained when this phase was searched
 *                   (1 for phase 1)
 * @param meritBefore the figure of merit of the earlier phases fitted together (0 for phase 1): a later phase's
 *                    candidates score what the phases reach with them added
 */
public record PhaseMatch(int phase, List<Candidate> candidates, boolean closeMatch, double signalLeft, double meritBefore) {
    public PhaseMatch {
        candidates = List.copyOf(candidates);
    }

    public Candidate best() {
        return candidates.get(0);
    }
}
