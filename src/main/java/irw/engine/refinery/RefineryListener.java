package irw.engine.refinery;

/**
 * Follows a Label Refinery run. {@link #onProgress} is called after every step and
 * {@link #isCancelled} is polled before every step; a cancelled run stops after the current step
 * and returns the rounds it completed. (Same contract as the engine's TrainingListener, which is
 * not on main yet; an adapter is one lambda.)
 */
public interface RefineryListener {
    RefineryListener NONE = p -> { };

    void onProgress(RefineryProgress progress);

    /** Called once per finished round with its held-out accuracies. */
    default void onRound(RefineryRound round) {
    }

    default boolean isCancelled() {
        return false;
    }
}
