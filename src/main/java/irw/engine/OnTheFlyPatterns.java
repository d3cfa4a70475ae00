package irw.engine;

import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.TrainingPatternSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Batches rendered on the fly from a {@link TrainingPatternSource} and prepared exactly as inputs are
 * in use ({@link ModelInputPreparation}). A data thread renders the next step's batch while the
 * current step trains, so the step rarely waits for data. Batch {@code s} holds draws
 * {@code s·size … s·size + size − 1}: a pure function of the step.
 */
final class OnTheFlyPatterns implements StepBatches {
    private final TrainingPatternSource source;
    private final ModelInputPreparation preparation;
    private final int size;
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "irw-training-data");
        t.setDaemon(true);
        return t;
    });
    private long nextStep = -1;
    private CompletableFuture<Batch> next;

    OnTheFlyPatterns(TrainingPatternSource source, ModelInputPreparation preparation, int size) {
        this.source = source;
        this.preparation = preparation;
        this.size = size;
    }

    @Override
    public synchronized Batch batch(long step) {
        Batch b = step == nextStep && next != null ? next.join() : render(step);
        nextStep = step + 1;
        next = CompletableFuture.supplyAsync(() -> render(step + 1), renderer);
        return b;
    }

    /** The batch of a step, rendered here. */
    Batch render(long step) {
        return render(step * size, size);
    }

    /** {@code count} draws from {@code first} on. */
    Batch render(long first, int count) {
        float[][] items = new float[count][];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            TrainingPatternSource.Sample s = source.draw(first + i);
            items[i] = preparation.prepare(s.values(), s.measured()).values();
            labels[i] = s.label();
        }
        return new Batch(items, labels);
    }

    @Override
    public void close() {
        renderer.shutdownNow();
    }
}
