package irw.service;

/**
 * The knobs of a training run (Bai et al. 2019): α weighs the regularisation term l_reg and β the
 * prototype term l_proto of the refiner loss (eq. 3); λ weighs the prototype loss L_F of the
 * classifier (Algorithm 1); {@code targeted} picks the targeted or non-targeted refiner loss.
 * {@code batch} is N_c: items of every class per step (Algorithm 1) or the batch size
 * (Algorithm 2). {@code p} is the norm of l_reg (eq. 7, 1 or 2) and {@code featureSpaceReg} takes
 * Ψ = the classifier's first-layer features instead of the identity. {@code stepsPerEpoch} 0
 * derives an epoch from the data set size; a positive value caps it (quick runs on big sets).
 */
public record HyperParameters(double alpha, double beta, double lambda, boolean targeted, int epochs, int batch,
                              double learningRate, String modelSize, int p, boolean featureSpaceReg, int stepsPerEpoch)
        implements JobSettings {
    public static final HyperParameters DEFAULTS = new HyperParameters(1.0, 1.0, 0.1, true, 10, 32, 1e-3, "small", 1, false, 0);
}
