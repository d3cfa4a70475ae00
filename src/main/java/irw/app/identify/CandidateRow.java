package irw.app.identify;

import irw.xrd.search.Candidate;

/** A candidate as the table lists it. */
public record CandidateRow(int phase, int rank, Candidate candidate, boolean close) {
    public String mineral() {
        return candidate.entry().mineral();
    }

    public String formula() {
        return candidate.entry().formula();
    }

    public String spaceGroup() {
        return candidate.entry().spaceGroup();
    }

    public String crystalSystem() {
        return candidate.entry().crystalSystemLabel();
    }
}
