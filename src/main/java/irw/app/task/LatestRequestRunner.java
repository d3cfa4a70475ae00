package irw.app.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Newest request wins (the mzmine {@code FxUpdateTask} habit): for sliders and the drawing canvas.
 * Requests run one at a time on a serial worker; a request that is already obsolete when its turn
 * comes is skipped, a running one sees {@code isObsolete} turn true and may stop early, and only the
 * newest request's result reaches the UI.
 *
 * @param <Q> the request (slider values, the drawn image)
 * @param <R> the result shown
 */
public final class LatestRequestRunner<Q, R> {
    /** The computation; it may poll {@code obsolete} and return early (its result is then dropped). */
    @FunctionalInterface
    public interface Computation<Q, R> {
        R compute(Q request, BooleanSupplier obsolete) throws Exception;
    }

    /**
     * A computation that shows its way to the result: each {@code publish}ed intermediate result
     * reaches the UI (unless obsolete by then) before the final one, so a slow computation answers
     * the user at its first step instead of its last.
     */
    @FunctionalInterface
    public interface ProgressiveComputation<Q, R> {
        R compute(Q request, BooleanSupplier obsolete, Consumer<R> publish) throws Exception;
    }

    private final Executor worker;
    private final Executor ui;
    private final ProgressiveComputation<Q, R> computation;
    private final Consumer<R> apply;
    private final Consumer<Throwable> onError;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();

    public LatestRequestRunner(Executor worker, Executor ui, Computation<Q, R> computation,
                               Consumer<R> apply, Consumer<Throwable> onError) {
        this(worker, ui, (ProgressiveComputation<Q, R>) (q, obsolete, publish) -> computation.compute(q, obsolete), apply, onError);
    }

    /**
     * Intermediate results go to {@code apply} as the final one does; only the final one counts as
     * {@link #lastApplied() applied}.
     */
    public static <Q, R> LatestRequestRunner<Q, R> progressive(Executor worker, Executor ui, ProgressiveComputation<Q, R> computation,
                                                              Consumer<R> apply, Consumer<Throwable> onError) {
        return new LatestRequestRunner<>(worker, ui, computation, apply, onError);
    }

    private LatestRequestRunner(Executor worker, Executor ui, ProgressiveComputation<Q, R> computation,
                                Consumer<R> apply, Consumer<Throwable> onError) {
        this.worker = worker;
        this.ui = ui;
        this.computation = computation;
        this.apply = apply;
        this.onError = onError;
    }

    /** Submits a request; every older request becomes obsolete. */
    public void submit(Q request) {
        long mine = generation.incrementAndGet();
        BooleanSupplier obsolete = () -> generation.get() != mine;
        worker.execute(() -> {
            if (obsolete.getAsBoolean()) {
                return;
            }
            try {
                Consumer<R> publish = partial -> ui.execute(() -> {
                    if (!obsolete.getAsBoolean()) {
                        apply.accept(partial);
                    }
                });
                R result = computation.compute(request, obsolete, publish);
                ui.execute(() -> {
                    if (!obsolete.getAsBoolean()) {
                        applied.set(mine);
                        apply.accept(result);
                    }
                });
            } catch (Exception e) {
                ui.execute(() -> {
                    if (!obsolete.getAsBoolean()) {
                        onError.accept(e);
                    }
                });
            }
        });
    }

    /**
     * Cancels: every submitted request becomes obsolete, so a running computation may stop early
     * and no result of it reaches the UI.
     */
    public void cancel() {
        generation.incrementAndGet();
    }

    /** How many requests were submitted so far. */
    public long submitted() {
        return generation.get();
    }

    /** The number of the last request whose result reached the UI (0 when none). */
    public long lastApplied() {
        return applied.get();
    }
}
