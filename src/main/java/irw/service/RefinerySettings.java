package irw.service;

import irw.engine.refinery.RefineryConfig;

/**
 * The knobs of a label-refinery job, named and defaulted as the options of {@code irw label-refinery}
 * (Bagherinezhad et al.: model 0 on the ground truth, then {@code rounds} fresh models each on the
 * previous model's softmax outputs).
 *
 * @param rounds        refinery rounds K after model 0 ({@code --rounds}, 3)
 * @param epochs        epochs per model ({@code --epochs}, 5)
 * @param batch         mini-batch size ({@code --batch}, 64)
 * @param hidden        width of the first hidden layer ({@code --hidden}, 256)
 * @param learningRate  Adam learning rate ({@code --lr}, 0.001)
 * @param trainPerClass the first N training items of each class, 0 = all ({@code --train-per-class})
 * @param testPerClass  the first N held-out items of each class, 0 = all ({@code --test-per-class})
 */
public record RefinerySettings(int rounds, int epochs, int batch, int hidden, double learningRate, int trainPerClass, int testPerClass)
        implements JobSettings {
    public static final RefinerySettings DEFAULTS = new RefinerySettings(3, 5, 64, 256, 1e-3, 0, 0);

    public RefineryConfig config(long seed) {
        return new RefineryConfig(rounds, epochs, batch, hidden, learningRate, seed);
    }
}
