package irw.engine.refinery;

import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;

import java.util.Map;

/**
 * Follows a Label Refinery run. {@link #onProgress} is called after every step and
 * {@link #isCancelled} is polled before every step; a cancelled run stops after the current step
 * and returns the rounds it completed (the contract of the engine's {@link TrainingListener};
 * {@link #of} adapts one).
 */
public interface RefineryListener {
    /** The value {@link #of} reports the round under (a position, not a quantity). */
    String ROUND = "round";

    RefineryListener NONE = p -> { };

    void onProgress(RefineryProgress progress);

    /** Called once per finished round with its held-out accuracies. */
    default void onRound(RefineryRound round) {
    }

    default boolean isCancelled() {
        return false;
    }

    /** Reports to an engine TrainingListener: values "loss" and "round"; the epoch is the epoch within the round. */
    static RefineryListener of(TrainingListener listener) {
        return new RefineryListener() {
            @Override
            public void onProgress(RefineryProgress p) {
                listener.onMetrics(new TrainingMetrics(p.epoch(), p.step(), p.totalSteps(), Map.of("loss", p.loss(), ROUND, (double) p.round())));
            }

            @Override
            public boolean isCancelled() {
                return listener.isCancelled();
            }
        };
    }
}
