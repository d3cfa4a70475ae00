package irw.engine.mic;

import irw.core.data.LabelledDataSet;
import irw.engine.TrainingListener;
import irw.engine.TrainingLoop;
import irw.engine.TrainingPosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * Trains one generator per class on that class's types (paper sections 3.2 and 3.5): choose
 * {@code types} items of the class (clustered or random), then fit the class's LSTM so that the
 * one-hot input e_t generates type t. Each class uses its own seed, so a class can be retrained
 * alone and come out the same (the modularity argued for in section 5.1).
 */
public final class MicTrainer {
    private final MicConfig config;

    public MicTrainer(MicConfig config) {
        this.config = config;
    }

    /**
     * Trains every class's generator, reporting each step at its class ({@link TrainingPosition#ofClass}).
     *
     * @throws CancellationException when the listener cancels (a generator set with missing classes is of no use)
     */
    public ModularInverseClassifier train(LabelledDataSet train, TrainingListener listener) {
        if (!train.isLabelled() || train.size() == 0) {
            throw new IllegalArgumentException("MIC training needs a non-empty labelled set");
        }
        SequenceLayout layout = SequenceLayout.of(train.shape(), config.chunk());
        int classes = train.classes().size();
        List<SequenceGenerator> generators = new ArrayList<>();
        List<List<String>> typeIds = new ArrayList<>();
        double[] trainError = new double[classes];
        long total = (long) classes * config.iterations();
        TrainingLoop loop = new TrainingLoop("mic", listener);
        for (int k = 0; k < classes; k++) {
            int[] members = train.indicesOfClass(k);
            float[][] items = new float[members.length][];
            for (int i = 0; i < members.length; i++) {
                items[i] = checked(train, members[i]);
            }
            Random random = new Random(config.classSeed(k));
            int[] chosen;
            try {
                chosen = config.selection().choose(items, config.types(), random);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("class " + train.classes().name(k) + ": " + e.getMessage(), e);
            }
            float[][] types = new float[chosen.length][];
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < chosen.length; t++) {
                types[t] = items[chosen[t]];
                ids.add(train.ids().get(members[chosen[t]]));
            }
            SequenceGenerator g = SequenceGenerator.create(config.types(), config.hidden(), layout, config.classSeed(k));
            long first = (long) k * config.iterations();
            double err = g.train(types, config, random, loop, new TrainingLoop.Stage(TrainingPosition.ofClass(k), first,
                    first + config.iterations(), total, config.iterations(), SequenceGenerator.GC_EVERY));
            if (Double.isNaN(err)) {
                throw new CancellationException("MIC training cancelled at the generator of class " + train.classes().name(k));
            }
            // Keep a fresh graph built from the trained weights, so that the training graph (updater state,
            // session caches) can be collected. Native memory still grows by roughly 0.7 MB per SameDiff
            // step in M2.1 (RSS 5.7 GB after 7,000 steps with -Xmx1g); launchers must cap and allow for it.
            generators.add(SequenceGenerator.of(g.weights(), layout));
            typeIds.add(ids);
            trainError[k] = err;
        }
        return new ModularInverseClassifier(train.classes(), generators, config, typeIds, trainError);
    }

    private static float[] checked(LabelledDataSet set, int i) {
        for (float v : set.items()[i]) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("training item " + set.ids().get(i) + " holds a NaN or infinite value");
            }
        }
        return set.items()[i];
    }
}
