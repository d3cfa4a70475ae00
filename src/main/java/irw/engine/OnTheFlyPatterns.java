package irw.engine;

import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.TrainingPatternSource;

/**
 * Patterns rendered on the fly from a {@link TrainingPatternSource} and prepared exactly as inputs are
 * in use ({@link ModelInputPreparation}). Draw {@code i} depends only on the source's seed and i, so
 * the batch of step s (draws s·size … s·size + size − 1) is a pure function of the step and the
 * training loop may render it on its data thread while the previous step runs.
 */
final class OnTheFlyPatterns {
    private final TrainingPatternSource source;
    private final ModelInputPreparation preparation;

    OnTheFlyPatterns(TrainingPatternSource source, ModelInputPreparation preparation) {
        this.source = source;
        this.preparation = preparation;
    }

    /** {@code count} draws from {@code first} on. */
    ClassifierTrainer.StepBatch render(long first, int count) {
        float[][] items = new float[count][];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            TrainingPatternSource.Sample s = source.draw(first + i);
            items[i] = preparation.prepare(s.values(), s.measured()).values();
            labels[i] = s.label();
        }
        return new ClassifierTrainer.StepBatch(items, labels);
    }
}
