package irw.engine;

/**
 * Follows a training run. Trainers call {@link #onMetrics} after every step and poll
 * {@link #isCancelled} before every step; a cancelled run stops cleanly after the current step
 * (writing its checkpoint, when it has one) and returns what it has trained so far.
 */
public interface TrainingListener {
    TrainingListener NONE = m -> { };

    void onMetrics(TrainingMetrics metrics);

    default boolean isCancelled() {
        return false;
    }
}
