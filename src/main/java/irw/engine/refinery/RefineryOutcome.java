package irw.engine.refinery;

import java.util.List;

/**
 * What a Label Refinery run produced.
 *
 * @param config    the settings (with the seed) of the run
 * @param rounds    the finished models' results, round 0 first
 * @param targets   the training targets each finished round was trained on: targets.get(0) are the
 *                  one-hot ground truth, targets.get(k) model k-1's softmax outputs on the training set
 * @param last      the last finished model (the chain's classifier, step 5 of the blog's recipe);
 *                  null when cancelled before round 0 finished
 * @param cancelled true when the listener cancelled the run before all rounds finished
 */
public record RefineryOutcome(RefineryConfig config, List<RefineryRound> rounds, List<float[][]> targets, RefineryClassifier last,
                              boolean cancelled) {
    public RefineryOutcome {
        rounds = List.copyOf(rounds);
        targets = List.copyOf(targets);
    }
}
