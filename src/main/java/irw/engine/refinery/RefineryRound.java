package irw.engine.refinery;

import java.util.Map;

/**
 * The result of one model of the refinery chain.
 *
 * @param round            0 = trained on the ground truth, k = trained on model k-1's softmax outputs
 * @param seed             the seed of this model's weights and shuffling
 * @param accuracy         held-out accuracy per evaluation set name, in the order given
 * @param targetAgreement  share of training items whose target's arg-max is the ground-truth class
 *                         (1 for round 0; how far the refined labels have drifted from the truth)
 * @param targetEntropy    mean entropy (nats) of the training targets (0 for hard labels)
 * @param finalLoss        loss of the model's last training step (NaN for a model 0 that was given, not trained)
 * @param seconds          wall time of training this model
 */
public record RefineryRound(int round, long seed, Map<String, Double> accuracy, double targetAgreement, double targetEntropy,
                            double finalLoss, double seconds) {
    public RefineryRound {
        accuracy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accuracy));
    }
}
