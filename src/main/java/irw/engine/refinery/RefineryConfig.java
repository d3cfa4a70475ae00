package irw.engine.refinery;

import irw.engine.ClassifierTrainingConfig;
import irw.engine.net.ModelSpec;

/**
 * Settings of a Label Refinery run (Bagherinezhad et al., as summarised in the blog post "Label
 * Refinery: A Softer Approach", section "Main Idea", steps 1-5). Every model of the chain is the
 * engine's classifier (Algorithm 1's network and loop), so every round is a model file the workbench
 * opens and the refinery's last round compares like for like with a classifier trained on hard labels.
 *
 * @param rounds          refinery rounds K after model 0; K+1 models are trained in all
 * @param epochs          epochs per model; every model is trained from scratch (step 2)
 * @param samplesPerClass N_c: items of every class per step (the batch holds classes × N_c)
 * @param spec            the classifier network
 * @param lambda          weight of the prototype loss L_F (0: the plain cross-entropy of the paper)
 * @param learningRate    Adam learning rate
 * @param seed            base seed; model k uses {@link #roundSeed(int)} for its weights and batches
 * @param stepsPerEpoch   steps in an epoch, or 0 for |D| / (classes × N_c)
 */
public record RefineryConfig(int rounds, int epochs, int samplesPerClass, ModelSpec spec, double lambda, double learningRate, long seed,
                             int stepsPerEpoch) {
    public RefineryConfig {
        if (rounds < 0 || epochs < 1 || samplesPerClass < 1 || stepsPerEpoch < 0 || spec == null) {
            throw new IllegalArgumentException("rounds must be >= 0, epochs and samples per class >= 1, steps per epoch >= 0 and a network "
                    + "given; got rounds=" + rounds + " epochs=" + epochs + " samplesPerClass=" + samplesPerClass + " stepsPerEpoch=" + stepsPerEpoch);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate) || !(lambda >= 0)) {
            throw new IllegalArgumentException("learning rate must be a positive number and lambda >= 0, got " + learningRate + " and " + lambda);
        }
    }

    /** The paper's plain cross-entropy (λ = 0) on the small network, N_c = 8. */
    public static RefineryConfig defaults(int rounds, int epochs, long seed) {
        return new RefineryConfig(rounds, epochs, 8, ModelSpec.SMALL, 0, 1e-3, seed, 0);
    }

    /**
     * The seed of model k: model 0 uses the base seed itself, so that it is exactly the classifier
     * Algorithm 1 trains with that seed on the hard labels; later models are fresh draws (step 2:
     * "from scratch").
     */
    public long roundSeed(int round) {
        return round == 0 ? seed : seed * 1_000_003L + round;
    }

    /** Algorithm 1's settings of model k. */
    public ClassifierTrainingConfig classifierConfig(int round) {
        return new ClassifierTrainingConfig(lambda, epochs, samplesPerClass, learningRate, roundSeed(round), spec).withStepsPerEpoch(stepsPerEpoch);
    }
}
