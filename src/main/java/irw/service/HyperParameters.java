package irw.service;

/**
 * The knobs of a training run (Bai et al. 2019): α weighs the regularisation term l_reg and β the
 * prototype term l_proto of the refiner loss (eq. 3); λ weighs the prototype loss L_F of the
 * classifier (Algorithm 1); {@code targeted} picks the targeted or non-targeted refiner loss.
 */
public record HyperParameters(double alpha, double beta, double lambda, boolean targeted, int epochs, int batch,
                              double learningRate, String modelSize) {
    public static final HyperParameters DEFAULTS = new HyperParameters(1.0, 1.0, 0.1, true, 10, 32, 1e-3, "small");
}
