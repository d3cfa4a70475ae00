package irw.experiments.digits;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.digits.DigitAugmentation;
import irw.digits.DigitFont;
import irw.digits.IdxFormat;
import irw.digits.TypesetDigits;
import irw.engine.ClassifierTrainer;
import irw.engine.ClassifierTrainingConfig;
import irw.engine.net.ModelSpec;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.TrainingListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Developer harness (not a test, not shipped): trains a digit classifier on a typeset ideal set
 * and scores it on the 6,000 bundled MNIST TRAINING digits (never the test digits), for the
 * ideal-set ablation of issue 12.
 * Run: java -cp target/irw.jar:target/test-classes irw.experiments.digits.DigitsIdealSetProbe
 * SPEC STEPS NC LR PER_FONT FONTS(all|original) AUG(handwriting|plain|without:a,b) SEED LAMBDA [OUT.irwm]
 */
public final class DigitsIdealSetProbe {
    private DigitsIdealSetProbe() {
    }

    public static void main(String[] a) throws Exception {
        ModelSpec spec = ModelSpec.parse(a[0]);
        int steps = Integer.parseInt(a[1]);
        int nc = Integer.parseInt(a[2]);
        double lr = Double.parseDouble(a[3]);
        int perFont = Integer.parseInt(a[4]);
        List<DigitFont> fonts = a[5].equals("original") ? DigitFont.ORIGINAL_FIVE : List.of(DigitFont.values());
        DigitAugmentation aug = a[6].equals("plain") ? DigitAugmentation.PLAIN : DigitAugmentation.HANDWRITING;
        if (a[6].startsWith("without:")) {
            for (String f : a[6].substring(8).split(",")) {
                aug = aug.without(f);
            }
        }
        long seed = Long.parseLong(a[7]);
        double lambda = Double.parseDouble(a[8]);
        Path mnist = Path.of("sample-data/mnist");
        LabelledDataSet val = IdxFormat.read(mnist.resolve("train-images-idx3-ubyte.gz"), mnist.resolve("train-labels-idx1-ubyte.gz"));
        long t0 = System.nanoTime();
        LabelledDataSet ideal = TypesetDigits.generate(perFont, seed, fonts, aug);
        double render = (System.nanoTime() - t0) / 1e9;
        ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(lambda, 1, nc, lr, seed, spec).withStepsPerEpoch(steps);
        long t1 = System.nanoTime();
        int[] every = {Math.max(1, steps / 10)};
        PrototypicalClassifier c = new ClassifierTrainer(cfg).train(ideal, m -> {
            if (m.step() % every[0] == 0) {
                System.out.printf(Locale.ROOT, "  step %d loss %.3f acc %.3f (%.1f s)%n", m.step(), m.values().get("loss"),
                        m.values().get("accuracy"), (System.nanoTime() - t1) / 1e9);
            }
        }).model();
        double train = (System.nanoTime() - t1) / 1e9;
        double acc = ConfusionMatrix.accuracy(val.labels(), c.classify(c.preprocessing().apply(val.items())).predictedLabels());
        System.out.printf(Locale.ROOT, "RESULT %s fonts=%s aug=%s perFont=%d steps=%d nc=%d lr=%g seed=%d lambda=%g: MNIST-train(6000) %.2f %% "
                        + "(render %.0f s, train %.0f s, %d params)%n", spec.id(), a[5], a[6], perFont, steps, nc, lr, seed, lambda, 100 * acc,
                render, train, c.parameterCount());
        if (a.length > 9) {
            ModelStore.save(c, Path.of(a[9]));
        }
    }
}
