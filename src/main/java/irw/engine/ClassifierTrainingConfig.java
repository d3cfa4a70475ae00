package irw.engine;


import irw.engine.net.ModelSpec;
/**
 * Hyper-parameters of Algorithm 1.
 *
 * @param lambda            weight of the prototype loss L_F (eq. 2); 0 trains the standard classifier
 * @param epochs            passes; one epoch is about |D| / (classes · samplesPerClass) steps
 * @param samplesPerClass   N_c: every step draws this many items of every class
 * @param learningRate      Adam step size
 * @param seed              seeds initialisation, prototypes and batch sampling
 * @param modelSpec         network size
 * @param prototypeMomentum weight of the previous prototype in the line-8 update
 *                          c_k ← μ·c_k + (1 − μ)·mean_batch F(x); a negative value means the paper's
 *                          own weighting μ = 1/(N_c + 1), i.e. (c_k + Σ F(x)) / (N_c + 1)
 * @param stepsPerEpoch     steps in an epoch, or 0 to derive it from the data set size
 */
public record ClassifierTrainingConfig(double lambda, int epochs, int samplesPerClass, double learningRate, long seed,
                                       ModelSpec modelSpec, double prototypeMomentum, int stepsPerEpoch) {
    public static final double PAPER_MOMENTUM = -1;

    public ClassifierTrainingConfig {
        if (!(lambda >= 0) || epochs < 1 || samplesPerClass < 1 || !(learningRate > 0) || stepsPerEpoch < 0
                || prototypeMomentum >= 1 || modelSpec == null) {
            throw new IllegalArgumentException("invalid classifier training config: lambda >= 0, epochs >= 1, samplesPerClass >= 1, "
                    + "learningRate > 0, prototypeMomentum < 1, stepsPerEpoch >= 0 and a model spec are required; got " + describe(lambda,
                    epochs, samplesPerClass, learningRate, prototypeMomentum, stepsPerEpoch));
        }
    }

    public ClassifierTrainingConfig(double lambda, int epochs, int samplesPerClass, double learningRate, long seed, ModelSpec modelSpec) {
        this(lambda, epochs, samplesPerClass, learningRate, seed, modelSpec, PAPER_MOMENTUM, 0);
    }

    /** The momentum actually used by the line-8 prototype update. */
    public double effectiveMomentum() {
        return prototypeMomentum < 0 ? 1.0 / (samplesPerClass + 1) : prototypeMomentum;
    }

    public ClassifierTrainingConfig withStepsPerEpoch(int steps) {
        return new ClassifierTrainingConfig(lambda, epochs, samplesPerClass, learningRate, seed, modelSpec, prototypeMomentum, steps);
    }

    private static String describe(double lambda, int epochs, int nc, double lr, double mu, int spe) {
        return "lambda=" + lambda + " epochs=" + epochs + " samplesPerClass=" + nc + " learningRate=" + lr + " prototypeMomentum=" + mu
                + " stepsPerEpoch=" + spe;
    }
}
