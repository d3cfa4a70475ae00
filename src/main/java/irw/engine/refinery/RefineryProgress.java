package irw.engine.refinery;

/**
 * One progress report of a Label Refinery run, sent after every training step.
 *
 * @param round      0 for the model trained on hard labels, k for the k-th refinery round
 * @param rounds     rounds K of the run (so round runs 0..K)
 * @param epoch      0-based epoch within the round
 * @param step       steps done so far over the whole run (1 after the first step)
 * @param totalSteps steps the whole run will take when not cancelled
 * @param loss       the step's mini-batch loss (soft cross-entropy for rounds >= 1)
 */
public record RefineryProgress(int round, int rounds, int epoch, long step, long totalSteps, double loss) {
}
