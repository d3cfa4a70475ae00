package irw.app.refine;

import irw.digits.IdxFormat;
import irw.engine.ClassifierTrainer;
import irw.engine.ClassifierTrainingConfig;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.TrainingListener;
import irw.engine.net.ModelSpec;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real but small models for GUI tests, trained once per test JVM with fixed seeds and written as
 * ModelStore files, so the workbench loads them the way it loads shipped ones: an XRD classifier
 * (Algorithm 1, 3 steps on the bundled ideal patterns) and a digit classifier (5 steps on 1,000 MNIST digits). Barely trained,
 * but real: their outputs respond to their inputs as a trained model's do.
 */
public final class TinyModels {
    private static Path xrd;
    private static Path digits;

    private TinyModels() {
    }

    public static synchronized Path xrdClassifier() throws Exception {
        if (xrd == null) {
            var ideal = XrdDataSets.load(Path.of("sample-data/datasets/xrd")).ideal();
            PrototypicalClassifier c = new ClassifierTrainer(new ClassifierTrainingConfig(1.0, 1, 4, 2e-3, 11, ModelSpec.SMALL)
                    .withStepsPerEpoch(3)).train(ideal, TrainingListener.NONE).model();
            xrd = Files.createTempDirectory("irw-tiny-models").resolve("xrd-classifier.zip");
            ModelStore.save(c, xrd);
        }
        return xrd;
    }

    public static synchronized Path digitClassifier() throws Exception {
        if (digits == null) {
            var all = IdxFormat.read(Path.of("sample-data/mnist/train-images-idx3-ubyte.gz"), Path.of("sample-data/mnist/train-labels-idx1-ubyte.gz"));
            var mnist = all.subset(java.util.stream.IntStream.range(0, all.size()).filter(i -> i % Math.max(1, all.size() / 1000) == 0).toArray());
            PrototypicalClassifier c = new ClassifierTrainer(new ClassifierTrainingConfig(1.0, 1, 6, 2e-3, 11, ModelSpec.SMALL)
                    .withStepsPerEpoch(5)).train(mnist, TrainingListener.NONE).model();
            digits = Files.createTempDirectory("irw-tiny-models").resolve("digits-classifier.zip");
            ModelStore.save(c, digits);
        }
        return digits;
    }
}
