package irw.engine;

/**
 * A training run produced a NaN, infinite or exploding loss and was stopped rather than leaving a
 * silently broken model. The message says at which step, which terms, and what to try.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final long step;

    public TrainingDivergedException(String message, long step) {
        super(message);
        this.step = step;
    }

    public long step() {
        return step;
    }
}
