package irw.engine.mic;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;
import irw.engine.TrainingPosition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Modular Inverse Classification (Hobbhahn, section 2.3): one generator per class; an item is
 * inverted through every generator (section 2.2) and given the class whose reconstruction has the
 * smallest mean squared error. Train with {@link MicTrainer}; save and load with {@link MicModelFiles}.
 *
 * @param classes    class names, one generator each, in class order
 * @param generators the class generators
 * @param config     the settings they were trained with (with the seed)
 * @param typeIds    ids of the training items each generator learned (its types)
 * @param trainError noise-free mean squared error of each generator on its own types after training
 */
public record ModularInverseClassifier(ClassSet classes, List<SequenceGenerator> generators, MicConfig config, List<List<String>> typeIds,
                                       double[] trainError) {
    public ModularInverseClassifier {
        if (generators.size() != classes.size()) {
            throw new IllegalArgumentException(generators.size() + " generators for " + classes.size() + " classes");
        }
        generators = List.copyOf(generators);
        typeIds = List.copyOf(typeIds);
    }

    public SequenceLayout layout() {
        return generators.get(0).layout();
    }

    /**
     * Classifies every item of {@code set} (labels are not used); reports one point per inverted
     * generator at its class, without values, and throws {@link CancellationException} when the
     * listener cancels.
     */
    public MicClassification classify(LabelledDataSet set, InversionSettings settings, TrainingListener listener) {
        if (set.itemLength() != layout().length()) {
            throw new IllegalArgumentException("items have " + set.itemLength() + " values; the generators produce " + layout().steps() + " x "
                    + layout().width() + " = " + layout().length());
        }
        for (int i = 0; i < set.size(); i++) {
            for (float v : set.items()[i]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("item " + set.ids().get(i) + " holds a NaN or infinite value");
                }
            }
        }
        irw.engine.LibraryNoise.filterStdout(); // inversion builds gradient functions
        int n = set.size();
        int k = classes.size();
        double[][] errors = new double[n][k];
        double[][] start = new double[n][k];
        for (int c = 0; c < k; c++) {
            SequenceGenerator.Inversion inv = generators.get(c).invert(set.items(), settings, listener::isCancelled);
            if (inv == null) {
                throw new CancellationException("classification cancelled at the generator of class " + classes.name(c));
            }
            for (int i = 0; i < n; i++) {
                errors[i][c] = inv.end()[i];
                start[i][c] = inv.start()[i];
            }
            listener.onMetrics(new TrainingMetrics(0, c + 1L, k, Map.of(), TrainingPosition.ofClass(c)));
        }
        return new MicClassification(MicClassification.argMin(errors), errors, start, classes);
    }

    /**
     * Reconstructs one item with every class generator (sections 2.2 and 2.3): the generator's
     * input is fitted to the item, then the generator's output from that input is the class's
     * reconstruction. {@code classDone} hears the number of generators finished after each one;
     * throws {@link CancellationException} as soon as {@code cancelled} turns true.
     */
    public MicReconstruction reconstruct(float[] item, InversionSettings settings, IntConsumer classDone, BooleanSupplier cancelled) {
        if (item.length != layout().length()) {
            throw new IllegalArgumentException("the item has " + item.length + " values; the generators produce " + layout().steps() + " x "
                    + layout().width() + " = " + layout().length());
        }
        for (float v : item) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("the item holds a NaN or infinite value");
            }
        }
        irw.engine.LibraryNoise.filterStdout(); // inversion builds gradient functions
        int k = classes.size();
        float[][] reconstructions = new float[k][];
        double[] errors = new double[k];
        for (int c = 0; c < k; c++) {
            SequenceGenerator g = generators.get(c);
            SequenceGenerator.Inversion inv = g.invert(new float[][]{item}, settings, cancelled);
            if (inv == null || cancelled.getAsBoolean()) {
                throw new CancellationException("reconstruction cancelled at the generator of class " + classes.name(c));
            }
            reconstructions[c] = g.generate(inv.inputs())[0];
            errors[c] = inv.end()[0];
            classDone.accept(c + 1);
        }
        return new MicReconstruction(reconstructions, errors, classes);
    }
}
