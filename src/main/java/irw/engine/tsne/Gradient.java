package irw.engine.tsne;

/** The t-SNE cost gradient over a row-major embedding y (n·dims values). */
interface Gradient {
    /**
     * Writes dC/dy into {@code grad} for P scaled by {@code exaggeration} and returns
     * Z = Σ_{i≠j} (1 + ||y_i - y_j||²)⁻¹, the normaliser of Q for this layout.
     */
    double compute(double[] y, double exaggeration, double[] grad);

    /** KL(P || Q) for the layout y whose normaliser {@link #compute} returned as z. */
    double divergence(double[] y, double z);
}
