package irw.ui;

import irw.app.task.WorkerTaskExecutor;
import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Work on a small pool of daemon threads; results, progress and callbacks on the FX thread. */
public final class FxTaskExecutor extends WorkerTaskExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();

    public FxTaskExecutor() {
        super(pool(), Platform::runLater);
    }

    private static ExecutorService pool() {
        // Two workers: enough to load files while a heatmap builds, without starving the FX thread
        // on the two-core machines the workbench targets.
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "irw-worker-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }
}
