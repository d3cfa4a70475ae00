package irw.app.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A unit of long work with progress and cancel, run by a {@link TaskExecutor}. The work runs on a
 * worker thread; the callbacks and the observable properties change on the UI thread only, so
 * view models can bind to them (the JabRef pattern).
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {
    /** The work itself; it should poll {@link TaskContext#isCancelled()} between items. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final AtomicReference<Thread> worker = new AtomicReference<>();

    private BackgroundTask(String title, Work<T> work) {
        this.title = title;
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        this.onSuccess = callback;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = callback;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = callback;
        return this;
    }

    public String title() {
        return title;
    }

    /** Asks the work to stop; it stops at its next cancellation check (and is interrupted). */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Thread t = worker.get();
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Fraction done in [0, 1], or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    // ---- used by the executors only ----

    Work<T> work() {
        return work;
    }

    void attachWorker(Thread thread) {
        worker.set(thread);
    }

    void setRunning(boolean value) {
        running.set(value);
    }

    void setProgress(double value) {
        progress.set(value);
    }

    void setMessage(String value) {
        message.set(value);
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void wasCancelled() {
        onCancelled.run();
    }
}
