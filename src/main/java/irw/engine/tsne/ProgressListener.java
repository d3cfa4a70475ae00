package irw.engine.tsne;

/** Told about a t-SNE run's progress; called on the thread that runs {@link Tsne#embed}. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (iteration, iterations, kl) -> {
    };

    /**
     * @param iteration  gradient steps done so far
     * @param iterations total gradient steps of the run
     * @param kl         the Kullback-Leibler divergence KL(P||Q) at this step (an estimate under Barnes-Hut)
     */
    void onProgress(int iteration, int iterations, double kl);
}
