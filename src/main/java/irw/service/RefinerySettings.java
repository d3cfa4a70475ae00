package irw.service;

import irw.engine.net.ModelSpec;
import irw.engine.refinery.RefineryConfig;

/**
 * The knobs of a label-refinery job, named and defaulted as the options of {@code irw label-refinery}
 * (Bagherinezhad et al.: model 0 on the ground truth, then {@code rounds} fresh models each on the
 * previous model's softmax outputs; every model is the engine's classifier).
 *
 * @param rounds        refinery rounds K after model 0 ({@code --rounds}, 3)
 * @param epochs        epochs per model ({@code --epochs}, 5)
 * @param batch         N_c, the items of every class per step ({@code --samples-per-class}, 8)
 * @param modelSize     the classifier network ({@code --spec}, small)
 * @param lambda        weight of the prototype loss L_F ({@code --lambda}, 0: the paper's plain cross-entropy)
 * @param learningRate  Adam learning rate ({@code --lr}, 0.001)
 * @param stepsPerEpoch steps per epoch, 0 = |D| / (classes × N_c) ({@code --steps-per-epoch})
 * @param trainPerClass the first N training items of each class, 0 = all ({@code --train-per-class})
 * @param testPerClass  the first N held-out items of each class, 0 = all ({@code --test-per-class})
 */
public record RefinerySettings(int rounds, int epochs, int batch, String modelSize, double lambda, double learningRate, int stepsPerEpoch,
                               int trainPerClass, int testPerClass) implements JobSettings {
    public static final RefinerySettings DEFAULTS = new RefinerySettings(3, 5, 8, "small", 0, 1e-3, 0, 0, 0);

    public RefineryConfig config(long seed) {
        return new RefineryConfig(rounds, epochs, batch, ModelSpec.parse(modelSize), lambda, learningRate, seed, stepsPerEpoch);
    }
}
