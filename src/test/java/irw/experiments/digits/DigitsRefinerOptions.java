package irw.experiments.digits;

import irw.core.ConfusionMatrix;
import irw.core.data.ClassBalancedSubset;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.digits.InkMetrics;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingListener;
import irw.engine.net.RefinerNetwork;
import irw.experiments.DataSplits;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Developer harness (not a test, not shipped): trains digit refiners through a frozen classifier on
 * the bundled MNIST training digits 0:500 of every class and scores them on the held-out training
 * digits 500:600 of every class (never the test digits): accuracy, total variation against the raw
 * digits, ink added away from the drawing. For the α/β sweep and the shaping options of issue 12.
 * Run: java -cp target/irw.jar:target/test-classes irw.experiments.digits.DigitsRefinerOptions CLASSIFIER
 * CONFIG... where CONFIG = t|n:ARCH:alpha:beta:steps:lr[:save.irwm] (ARCH e.g. unet2d-16-32-64 or unet2d-16-32-64-b3-r2).
 */
public final class DigitsRefinerOptions {
    private DigitsRefinerOptions() {
    }

    public static void main(String[] args) throws Exception {
        PrototypicalClassifier clf = ModelStore.loadClassifier(Path.of(args[0]));
        Path mnist = Path.of("sample-data/mnist");
        LabelledDataSet all = IdxFormat.read(mnist.resolve("train-images-idx3-ubyte.gz"), mnist.resolve("train-labels-idx1-ubyte.gz"));
        LabelledDataSet train = ClassBalancedSubset.perClassRange(all, 0, 500);
        LabelledDataSet val = ClassBalancedSubset.perClassRange(all, 500, 600);
        float[][] raw = clf.preprocessing().apply(val.items());
        double base = ConfusionMatrix.accuracy(val.labels(), clf.classify(raw).predictedLabels());
        System.out.printf(Locale.ROOT, "held-out MNIST train 500:600 (%d): raw %.2f %%, mean TV %.1f%n", val.size(), 100 * base, meanTv(raw));
        for (int i = 1; i < args.length; i++) {
            String[] f = args[i].split(":");
            boolean targeted = f[0].equals("t");
            RefinerNetwork net = RefinerNetwork.forArchitecture(f[1], new int[]{28, 28}, null);
            RefinerTrainingConfig cfg = new RefinerTrainingConfig(Double.parseDouble(f[2]), Double.parseDouble(f[3]), targeted, 1, false, 1, 32,
                    Double.parseDouble(f[5]), 2019).withStepsPerEpoch(Integer.parseInt(f[4]));
            long t0 = System.nanoTime();
            Refiner r = new RefinerTrainer(cfg).train(clf, net, train, TrainingListener.NONE).model();
            float[][] refined = r.refine(raw);
            double acc = ConfusionMatrix.accuracy(val.labels(), clf.classify(refined).predictedLabels());
            int tvUp = 0;
            double far2 = 0;
            double far3 = 0;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < refined.length; k++) {
                if (InkMetrics.totalVariation(refined[k]) > InkMetrics.totalVariation(raw[k]) + 1e-6) {
                    tvUp++;
                }
                far2 += InkMetrics.farInk(raw[k], refined[k], 2) / refined.length;
                far3 += InkMetrics.farInk(raw[k], refined[k], 3) / refined.length;
                for (float v : refined[k]) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            System.out.printf(Locale.ROOT, "RESULT %s: %.2f %% (%+.2f), TV %.1f (raw %.1f), TV rose on %.1f %%, far ink 2px %.4f 3px %.4f, "
                            + "range [%.3f, %.3f] (%.0f s)%n", args[i], 100 * acc, 100 * (acc - base), meanTv(refined), meanTv(raw),
                    100.0 * tvUp / refined.length, far2, far3, min, max, (System.nanoTime() - t0) / 1e9);
            if (f.length > 6) {
                ModelStore.save(r, Path.of(f[6]));
            }
        }
    }

    private static double meanTv(float[][] items) {
        double s = 0;
        for (float[] x : items) {
            s += InkMetrics.totalVariation(x);
        }
        return s / items.length;
    }
}
