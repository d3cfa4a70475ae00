package irw.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's one training loop, shared by Algorithm 1 ({@link ClassifierTrainer}), Algorithm 2
 * ({@link RefinerTrainer}), Label Refinery and MIC. A trainer keeps its graph, its batches and
 * its step; the loop owns what every run does the same way:
 * <ul>
 *   <li>resume: a run with a {@link Checkpointing} continues from its checkpoint when one of the
 *       same run exists ({@link #resumed()}), and the listener hears where it started
 *       ({@link TrainingListener#onStart});</li>
 *   <li>cancel: {@link TrainingListener#isCancelled} is polled before every step and once more after
 *       the last, so a cancel that arrives during the last step still counts (the caller then
 *       publishes nothing);</li>
 *   <li>the loss guard: a NaN, infinite or exploding loss stops the run with
 *       {@link TrainingDivergedException}, before anything is reported or saved;</li>
 *   <li>reporting: one {@link TrainingMetrics} per step, with its epoch and the stage's
 *       {@link TrainingPosition};</li>
 *   <li>checkpoints: every {@code everySteps} steps, on cancellation and at the end (atomically);</li>
 *   <li>cleanup: the data thread that prepares the next batch ({@link BatchSource#preparesAhead})
 *       is stopped however the run ends, and SameDiff's native buffers are released every
 *       {@code gcEvery} steps (PLATFORM-NOTES: freed only by GC, and an explicit GC keeps the steps
 *       out of JavaCPP's slow GC-and-retry phases).</li>
 * </ul>
 * A run may have several stages, each its own model trained over a range of the run's steps (Label
 * Refinery's rounds, MIC's class generators); the step count runs on across stages, so that
 * progress is one number.
 */
public final class TrainingLoop {
    private final String what;
    private final TrainingListener listener;
    private final Checkpointing checkpointing;
    private final String identity;
    private final long seed;
    private Checkpoint.State resumed;
    private boolean loaded;
    private boolean started;
    private long lastStep;
    private int lastEpoch;
    private long lastTotal;
    private TrainingPosition lastPosition = TrainingPosition.NONE;

    /**
     * @param what     names the run in messages ("classifier", "label-refinery round 2")
     * @param listener follows the run; {@link TrainingListener#NONE} for none
     */
    public TrainingLoop(String what, TrainingListener listener) {
        this(what, listener, null, null, 0);
    }

    /**
     * A run that resumes from, and writes, {@code checkpointing}'s file (null: no checkpoint). The
     * checkpoint must belong to the same run: kind {@code what}, the same seed and {@code identity}
     * (a description of model and data), or loading it fails naming the file.
     */
    TrainingLoop(String what, TrainingListener listener, Checkpointing checkpointing, String identity, long seed) {
        LibraryNoise.filterStdout(); // training builds gradient functions, and SameDiff prints a line per op
        this.what = what;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.checkpointing = checkpointing;
        this.identity = identity;
        this.seed = seed;
    }

    /** A stage of a run: steps [firstStep, endStep) of totalSteps, at one position. */
    public record Stage(TrainingPosition position, long firstStep, long endStep, long totalSteps, long stepsPerEpoch, int gcEvery) {
        public Stage {
            if (firstStep < 0 || endStep < firstStep || totalSteps < endStep || stepsPerEpoch < 1 || gcEvery < 0) {
                throw new IllegalArgumentException("a stage needs 0 <= firstStep <= endStep <= totalSteps, stepsPerEpoch >= 1, gcEvery >= 0; got "
                        + firstStep + ", " + endStep + ", " + totalSteps + ", " + stepsPerEpoch + ", " + gcEvery);
            }
            position = position == null ? TrainingPosition.NONE : position;
        }

        /** The whole run as one stage. */
        public static Stage whole(long totalSteps, long stepsPerEpoch, int gcEvery) {
            return new Stage(TrainingPosition.NONE, 0, totalSteps, totalSteps, stepsPerEpoch, gcEvery);
        }

        /** The 0-based epoch (within the stage) of the step that brought the count to {@code stepsDone}. */
        int epochOf(long stepsDone) {
            return (int) ((stepsDone - firstStep - 1) / stepsPerEpoch);
        }
    }

    /**
     * One training step on its batch, the parameter update included.
     *
     * @param <B> the batch type of the run's {@link BatchSource}
     */
    @FunctionalInterface
    public interface Step<B> {
        /** Runs step {@code step} (0-based over the run) and returns its named figures; "loss" is guarded. */
        Map<String, Double> run(B batch, long step);
    }

    /** How a stage ended: the run's step count reached, and whether it stopped because it was cancelled. */
    public record Result(long steps, boolean cancelled) {
    }

    /** What a checkpoint saves: live references, read when it is written. */
    record Saved(Map<String, INDArray> params, Adam adam, Map<String, INDArray> extra) {
    }

    /** The saved state of an interrupted run of the same identity, or null (no checkpoint, or none written yet). */
    Checkpoint.State resumed() {
        if (!loaded) {
            loaded = true;
            if (checkpointing != null) {
                try {
                    resumed = Checkpoint.loadIfPresent(checkpointing.file(), what, identity, seed);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return resumed;
    }

    /** A well-mixed seed for step t of a run, so that a batch can depend on (seed, step) alone. */
    public static long stepSeed(long seed, long step) {
        return Checkpoint.stepSeed(seed, step);
    }

    /** Runs a stage without checkpoints. */
    public <B> Result run(Stage stage, BatchSource<B> batches, Step<B> step) {
        return run(stage, batches, step, null);
    }

    /** Runs a stage, resuming from and writing the checkpoint with {@code saved}'s arrays (when the loop has one). */
    <B> Result run(Stage stage, BatchSource<B> batches, Step<B> step, Saved saved) {
        Checkpoint.State state = saved == null ? null : resumed();
        long first = state == null ? stage.firstStep() : Math.max(stage.firstStep(), Math.min(stage.endStep(), state.step()));
        if (!started) {
            started = true;
            listener.onStart(new TrainingStart(first, stage.totalSteps(), state != null));
        }
        lastTotal = stage.totalSteps();
        lastPosition = stage.position();
        lastStep = first;
        boolean cancelled = false;
        long done = first;
        try (AheadBatches<B> ahead = new AheadBatches<>(batches, stage.endStep())) {
            while (done < stage.endStep()) {
                if (listener.isCancelled()) {
                    cancelled = true;
                    break;
                }
                B batch;
                try {
                    batch = ahead.take(done);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                    break;
                }
                Map<String, Double> values = step.run(batch, done);
                LossGuard.check(what, done + 1, values);
                done++;
                lastStep = done;
                lastEpoch = stage.epochOf(done);
                listener.onMetrics(new TrainingMetrics(lastEpoch, done, stage.totalSteps(), values, stage.position()));
                if (saved != null && checkpointing != null && done % checkpointing.everySteps() == 0 && done < stage.endStep()) {
                    save(saved, done);
                }
                if (stage.gcEvery() > 0 && done % stage.gcEvery() == 0) {
                    System.gc();
                }
            }
            if (!cancelled && done == stage.endStep() && done == stage.totalSteps() && done > first && listener.isCancelled()) {
                cancelled = true; // the cancel came during the last step: the run is done, but its result must not be published
            }
            if (saved != null && checkpointing != null && done > first) {
                save(saved, done);
            }
        }
        return new Result(done, cancelled);
    }

    /**
     * Reports a held-out evaluation at the end of the stage just run (its last step and position);
     * values that are not finite (an empty held-out set has no accuracy) are left out.
     */
    public void evaluation(Map<String, Double> values) {
        Map<String, Double> finite = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                finite.put(k, v);
            }
        });
        listener.onEvaluation(new TrainingMetrics(lastEpoch, lastStep, lastTotal, finite, lastPosition));
    }

    public boolean isCancelled() {
        return listener.isCancelled();
    }

    private void save(Saved saved, long step) {
        try {
            Checkpoint.save(checkpointing.file(), what, identity, seed, step, saved.params(), saved.adam(), saved.extra());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
