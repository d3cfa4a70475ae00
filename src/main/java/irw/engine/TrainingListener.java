package irw.engine;

/**
 * Follows a training run; the one listener type of every trainer (Algorithms 1 and 2, Label
 * Refinery, MIC). {@link TrainingLoop} calls {@link #onStart} once, {@link #onMetrics} after every
 * step and polls {@link #isCancelled} before every step and after the last one; a cancelled run
 * stops cleanly after the current step (writing its checkpoint, when it has one) and says so in
 * its outcome.
 */
public interface TrainingListener {
    TrainingListener NONE = m -> { };

    /** After every step: the step's loss terms, at the run's step and position. */
    void onMetrics(TrainingMetrics metrics);

    /** Once, before the first step: whether the run resumed from a checkpoint, and at which step. */
    default void onStart(TrainingStart start) {
    }

    /**
     * A held-out evaluation at the end of a stage (a Label Refinery round: "accuracy_&lt;set&gt;",
     * "targetAgreement", "targetEntropy"), at the step the stage ended. Only finite values are passed.
     */
    default void onEvaluation(TrainingMetrics evaluation) {
    }

    default boolean isCancelled() {
        return false;
    }
}
