package irw.engine.refinery;

import irw.engine.PrototypicalClassifier;

import java.util.List;

/**
 * What a Label Refinery run produced.
 *
 * @param config    the settings (with the seed) of the run
 * @param rounds    the finished models' results, round 0 first
 * @param targets   the training targets each finished round was trained on: targets.get(0) are the
 *                  one-hot ground truth, targets.get(k) model k-1's softmax outputs on the training set
 * @param models    the finished models, round 0 first (each a classifier model file's worth)
 * @param cancelled true when the listener cancelled the run before all rounds finished
 */
public record RefineryOutcome(RefineryConfig config, List<RefineryRound> rounds, List<float[][]> targets, List<PrototypicalClassifier> models,
                              boolean cancelled) {
    public RefineryOutcome {
        rounds = List.copyOf(rounds);
        targets = List.copyOf(targets);
        models = List.copyOf(models);
    }

    /** The last finished model (the chain's classifier, step 5 of the blog's recipe); null when cancelled before round 0 finished. */
    public PrototypicalClassifier last() {
        return models.isEmpty() ? null : models.get(models.size() - 1);
    }

    /**
     * The refined labels the last round would hand on: the last model's softmax outputs on the training
     * items (step 3 of the next round); null when no round finished.
     */
    public float[][] lastSoftLabels(float[][] preparedTrainingItems) {
        return last() == null ? null : last().classify(preparedTrainingItems).probabilities();
    }
}
