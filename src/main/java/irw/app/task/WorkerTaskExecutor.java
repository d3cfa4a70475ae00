package irw.app.task;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one implementation of the task life cycle, parameterised by where the work runs and where
 * results go. Progress updates are coalesced: however often the work reports, at most one update
 * waits in the UI queue, so a 1,000-file load cannot flood the FX thread.
 */
public class WorkerTaskExecutor implements TaskExecutor {
    private final Executor workers;
    private final Executor ui;
    private final ObservableList<BackgroundTask<?>> running = FXCollections.observableArrayList();

    public WorkerTaskExecutor(Executor workers, Executor ui) {
        this.workers = workers;
        this.ui = ui;
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        ui.execute(() -> {
            task.setRunning(true);
            running.add(task);
        });
        workers.execute(() -> runOnWorker(task));
        return task;
    }

    private <T> void runOnWorker(BackgroundTask<T> task) {
        task.attachWorker(Thread.currentThread());
        var context = new CoalescingContext(task);
        try {
            T result = task.isCancelled() ? null : task.work().run(context);
            if (task.isCancelled()) {
                finish(task, task::wasCancelled);
            } else {
                finish(task, () -> {
                    task.setProgress(1);
                    task.succeeded(result);
                });
            }
        } catch (InterruptedException | CancellationException e) {
            finish(task, task::wasCancelled);
        } catch (Throwable e) {
            if (task.isCancelled()) {
                finish(task, task::wasCancelled);
            } else {
                finish(task, () -> task.failed(e));
            }
        } finally {
            task.attachWorker(null);
            Thread.interrupted(); // clear a late cancel's interrupt before the pool reuses the thread
        }
    }

    private void finish(BackgroundTask<?> task, Runnable delivery) {
        ui.execute(() -> {
            try {
                delivery.run();
            } finally {
                task.setRunning(false);
                running.remove(task);
            }
        });
    }

    @Override
    public ObservableList<BackgroundTask<?>> runningTasks() {
        return running;
    }

    @Override
    public Executor uiThread() {
        return ui;
    }

    @Override
    public Executor newSerialWorker(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private final class CoalescingContext implements TaskContext {
        private final BackgroundTask<?> task;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile double latestProgress = -1;
        private volatile String latestMessage;
        private long lastProgressPost = Long.MIN_VALUE / 2;

        CoalescingContext(BackgroundTask<?> task) {
            this.task = task;
        }

        @Override
        public void updateProgress(long done, long total) {
            latestProgress = total <= 0 ? -1 : Math.min(1.0, (double) done / total);
            // A progress bar needs no more than ~20 updates a second; each one costs the UI a frame.
            long now = System.nanoTime();
            if (now - lastProgressPost >= 50_000_000L || done == total) {
                lastProgressPost = now;
                post();
            }
        }

        @Override
        public void updateMessage(String message) {
            latestMessage = message;
            post();
        }

        private void post() {
            if (pending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    pending.set(false);
                    task.setProgress(latestProgress);
                    if (latestMessage != null) {
                        task.setMessage(latestMessage);
                    }
                });
            }
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled() || Thread.currentThread().isInterrupted();
        }
    }
}
