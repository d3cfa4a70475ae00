package irw.engine;

/**
 * Gives {@link TrainingLoop} the batch of each step: drawn from an in-memory set, or rendered on
 * the fly. The loop asks for every step's batch once, in increasing step order.
 *
 * @param <B> what a step consumes (indices and tensors, a rendered batch, ...)
 */
@FunctionalInterface
public interface BatchSource<B> {
    /** The batch of step {@code step} (0-based over the whole run). */
    B batch(long step);

    /**
     * Whether the loop may prepare step t + 1's batch on its data thread while step t runs. Only a
     * source that is a pure, thread-safe function of the step may say yes (then a resumed run still
     * draws exactly the batches of an uninterrupted one).
     */
    default boolean preparesAhead() {
        return false;
    }

    /**
     * A source whose batches the loop prepares one step ahead on a data thread. {@code pure} must
     * depend on nothing but the step (seed its randomness with {@link TrainingLoop#stepSeed}) and
     * share no mutable state with the step itself.
     */
    static <B> BatchSource<B> preparedAhead(BatchSource<B> pure) {
        return new BatchSource<>() {
            @Override
            public B batch(long step) {
                return pure.batch(step);
            }

            @Override
            public boolean preparesAhead() {
                return true;
            }
        };
    }
}
