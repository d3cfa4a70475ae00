package irw.engine;

import irw.engine.net.PatternConstraints;

/**
 * Hyper-parameters of Algorithm 2 (eq. 3: L_R = l_pred + α·l_reg + β·l_proto).
 *
 * @param alpha           weight of l_reg (eq. 7)
 * @param beta            weight of l_proto (eq. 5 targeted, eq. 6 non-targeted)
 * @param targeted        true: cross-entropy and prototype NLL against the labels; false: entropies
 * @param p               the norm of l_reg, 1 or 2
 * @param featureSpaceReg Ψ = the classifier's first-layer features instead of the identity
 * @param epochs          passes over the imperfect set
 * @param batchSize       N_c of Algorithm 2
 * @param learningRate    Adam step size
 * @param seed            seeds initialisation and batch sampling
 * @param stepsPerEpoch   steps in an epoch, or 0 for ceil(|D_imp| / batchSize)
 * @param constraints     what makes a refined pattern physical (patterns; null: the standard ones for the classifier's grid,
 *                        and always null for images)
 */
public record RefinerTrainingConfig(double alpha, double beta, boolean targeted, int p, boolean featureSpaceReg, int epochs,
                                    int batchSize, double learningRate, long seed, int stepsPerEpoch, PatternConstraints constraints) {
    public RefinerTrainingConfig {
        if (!(alpha >= 0) || !(beta >= 0) || (p != 1 && p != 2) || epochs < 1 || batchSize < 1 || !(learningRate > 0) || stepsPerEpoch < 0) {
            throw new IllegalArgumentException("invalid refiner training config: alpha >= 0, beta >= 0, p in {1, 2}, epochs >= 1, "
                    + "batchSize >= 1, learningRate > 0, stepsPerEpoch >= 0 are required; got alpha=" + alpha + " beta=" + beta + " p=" + p
                    + " epochs=" + epochs + " batchSize=" + batchSize + " learningRate=" + learningRate + " stepsPerEpoch=" + stepsPerEpoch);
        }
    }

    public RefinerTrainingConfig(double alpha, double beta, boolean targeted, int p, boolean featureSpaceReg, int epochs, int batchSize,
                                 double learningRate, long seed, int stepsPerEpoch) {
        this(alpha, beta, targeted, p, featureSpaceReg, epochs, batchSize, learningRate, seed, stepsPerEpoch, null);
    }

    public RefinerTrainingConfig(double alpha, double beta, boolean targeted, int p, boolean featureSpaceReg, int epochs, int batchSize,
                                 double learningRate, long seed) {
        this(alpha, beta, targeted, p, featureSpaceReg, epochs, batchSize, learningRate, seed, 0);
    }

    public RefinerTrainingConfig withStepsPerEpoch(int steps) {
        return new RefinerTrainingConfig(alpha, beta, targeted, p, featureSpaceReg, epochs, batchSize, learningRate, seed, steps, constraints);
    }

    public RefinerTrainingConfig withConstraints(PatternConstraints c) {
        return new RefinerTrainingConfig(alpha, beta, targeted, p, featureSpaceReg, epochs, batchSize, learningRate, seed, stepsPerEpoch, c);
    }

    /** The constraints a refiner through {@code classifier} obeys: these, or the standard ones of its grid; null for images. */
    public PatternConstraints constraintsFor(PrototypicalClassifier classifier) {
        if (classifier.preprocessing().grid() == null) {
            return null;
        }
        return constraints != null ? constraints : PatternConstraints.standard(classifier.preprocessing().grid().step());
    }
}
