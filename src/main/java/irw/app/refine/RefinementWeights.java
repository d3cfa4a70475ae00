package irw.app.refine;

/** The loss weights of a per-pattern refinement (Bai et al., eq. 3-5). */
public record RefinementWeights(double alpha, double beta, double lambda) {
}
