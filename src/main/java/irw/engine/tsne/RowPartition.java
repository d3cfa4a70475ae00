package irw.engine.tsne;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Runs a per-row computation over rows 0..n-1 on a fixed number of worker threads. Each row is
 * computed independently and written to its own slots, so the results do not depend on the
 * thread count or scheduling (reductions are done afterwards, in row order, by the caller).
 */
final class RowPartition implements AutoCloseable {
    private final ForkJoinPool pool;
    private final int threads;
    private final BooleanSupplier cancelled;

    RowPartition(int threads, BooleanSupplier cancelled) {
        this.threads = threads;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        this.cancelled = cancelled;
    }

    void forEachRow(int n, IntConsumer row) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("t-SNE cancelled");
        }
        if (pool == null || n < 64) {
            for (int i = 0; i < n; i++) {
                if ((i & 255) == 255 && cancelled.getAsBoolean()) {
                    throw new CancellationException("t-SNE cancelled");
                }
                row.accept(i);
            }
            return;
        }
        int chunks = Math.min(n, threads * 8);
        List<Callable<Void>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(() -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("t-SNE cancelled");
                }
                for (int i = from; i < to; i++) {
                    row.accept(i);
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(tasks)) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("t-SNE interrupted");
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
