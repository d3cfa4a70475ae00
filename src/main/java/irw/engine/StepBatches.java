package irw.engine;

/**
 * Where each training step's batch comes from: a pure function of the step number (so a resumed run
 * sees the same batches), either drawn from an in-memory set or rendered on the fly.
 */
interface StepBatches extends AutoCloseable {
    /** Preprocessed items and their labels. */
    record Batch(float[][] items, int[] labels) {
    }

    Batch batch(long step);

    @Override
    default void close() {
    }
}
