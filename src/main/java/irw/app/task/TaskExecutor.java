package irw.app.task;

import javafx.collections.ObservableList;

import java.util.concurrent.Executor;

/**
 * Runs background work. The FX implementation (in {@code irw.ui}) computes on worker threads and
 * delivers on the FX thread; {@link CurrentThreadTaskExecutor} runs everything inline, which lets
 * view models be tested without the FX toolkit.
 */
public interface TaskExecutor {
    /** Starts the task and returns it, so the caller can bind to its progress or cancel it. */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** The tasks that run now; changes on the UI thread. */
    ObservableList<BackgroundTask<?>> runningTasks();

    /** Where results must be delivered: the FX thread, or the caller's thread in tests. */
    Executor uiThread();

    /** A fresh single worker thread, for {@link LatestRequestRunner}s. */
    Executor newSerialWorker(String name);

    /** Cancels everything still running (on window close). */
    default void cancelAll() {
        for (BackgroundTask<?> task : java.util.List.copyOf(runningTasks())) {
            task.cancel();
        }
    }
}
