package irw.xrd.search;

/**
 * How a search-match runs.
 *
 * @param top                candidates reported for each phase
 * @param maxPhases          phases searched one after another in the residual (1-3 as in Match!)
 * @param elements           which structures may be proposed
 * @param maxZeroShift       the largest zero (sample displacement) shift searched, degrees 2θ
 * @param maxStrain          the largest isotropic strain searched, as a fraction of d (0.015 = ±1.5 %)
 * @param compression        intensities are compared as I^compression (0.5: square roots), so strong
 *                           peaks and texture do not outweigh the pattern of weak ones
 * @param screened           how many structures of the fast screen are fitted closely
 * @param backgroundWidth    SNIP clipping half-width, degrees 2θ: wider than a peak cluster, narrower than
 *                           an amorphous hump
 * @param minCloseScore      a best phase-1 candidate scoring below this is reported as "no close match" (the phase
 *                           is probably not in the library), and no further phase is searched
 */
public record SearchSettings(int top, int maxPhases, ElementFilter elements, double maxZeroShift, double maxStrain,
                             double compression, int screened, double backgroundWidth, double minCloseScore) {
    public SearchSettings {
        if (top < 1 || maxPhases < 1 || maxPhases > 3 || screened < top) {
            throw new IllegalArgumentException("need top >= 1, 1-3 phases and at least top screened structures");
        }
        if (!(maxZeroShift >= 0) || !(maxStrain >= 0 && maxStrain < 0.2) || !(compression > 0 && compression <= 1)) {
            throw new IllegalArgumentException("zero shift and strain ranges must be >= 0 (strain < 0.2), compression in (0, 1]");
        }
    }

    public static SearchSettings defaults() {
        return new SearchSettings(5, 3, ElementFilter.NONE, 0.3, 0.015, 0.5, 30, 1.5, 0.55);
    }

    public SearchSettings withTop(int n) {
        return new SearchSettings(n, maxPhases, elements, maxZeroShift, maxStrain, compression, Math.max(screened, n), backgroundWidth,
                minCloseScore);
    }

    public SearchSettings withMaxPhases(int n) {
        return new SearchSettings(top, n, elements, maxZeroShift, maxStrain, compression, screened, backgroundWidth, minCloseScore);
    }

    public SearchSettings withElements(ElementFilter filter) {
        return new SearchSettings(top, maxPhases, filter, maxZeroShift, maxStrain, compression, screened, backgroundWidth, minCloseScore);
    }
}
