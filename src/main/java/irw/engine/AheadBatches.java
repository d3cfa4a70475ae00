package irw.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The loop's data thread: while step t runs, it prepares step t + 1's batch (for a source that
 * {@link BatchSource#preparesAhead() allows it}); otherwise batches are made on the caller's thread.
 */
final class AheadBatches<B> implements AutoCloseable {
    private final BatchSource<B> source;
    private final long endStep;
    private final ExecutorService thread;
    private Future<B> next;
    private long nextStep = -1;

    AheadBatches(BatchSource<B> source, long endStep) {
        this.source = source;
        this.endStep = endStep;
        this.thread = source.preparesAhead() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "irw-batches");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Step {@code step}'s batch; starts preparing the next one before returning. */
    B take(long step) throws InterruptedException {
        B batch;
        if (next != null && nextStep == step) {
            batch = await(next);
        } else {
            batch = source.batch(step);
        }
        next = null;
        if (thread != null && step + 1 < endStep) {
            long following = step + 1;
            nextStep = following;
            next = thread.submit(() -> source.batch(following));
        }
        return batch;
    }

    private static <B> B await(Future<B> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("preparing a batch failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        if (next != null) {
            next.cancel(true);
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
