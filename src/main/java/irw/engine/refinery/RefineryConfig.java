package irw.engine.refinery;

/**
 * Settings of a Label Refinery run (Bagherinezhad et al., as summarised in the blog post "Label
 * Refinery: A Softer Approach", section "Main Idea", steps 1-5).
 *
 * @param rounds       refinery rounds K after model 0; K+1 models are trained in all
 * @param epochs       epochs per model; every model is trained from scratch (step 2)
 * @param batchSize    mini-batch size
 * @param hidden       width of the classifier's hidden layers
 * @param learningRate Adam learning rate
 * @param seed         base seed; model k uses {@link #roundSeed(int)} for its weights and shuffling
 */
public record RefineryConfig(int rounds, int epochs, int batchSize, int hidden, double learningRate, long seed) {
    public RefineryConfig {
        if (rounds < 0 || epochs < 1 || batchSize < 1 || hidden < 1) {
            throw new IllegalArgumentException("rounds must be >= 0 and epochs, batch size and hidden width >= 1; got rounds=" + rounds
                    + " epochs=" + epochs + " batch=" + batchSize + " hidden=" + hidden);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
    }

    public static RefineryConfig defaults(int rounds, int epochs, long seed) {
        return new RefineryConfig(rounds, epochs, 64, 256, 1e-3, seed);
    }

    /** The seed of model k: distinct per round, so that each model is a fresh draw (step 2: "from scratch"). */
    public long roundSeed(int round) {
        return seed * 1_000_003L + round;
    }
}
