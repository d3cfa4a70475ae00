package irw.experiments.digits;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.digits.TypesetDigits;
import irw.engine.ClassifierTrainer;
import irw.engine.ClassifierTrainingConfig;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingListener;
import irw.engine.net.ModelSpec;
import irw.experiments.DataSplits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Developer harness (not a test, not shipped): sweeps the digit refiner's α, β, steps and learning
 * rate against one cached baseline classifier per seed, on a fixed 500-digit MNIST test subset.
 * Run: java -cp target/irw.jar:target/test-classes irw.experiments.digits.DigitsRefinerSweep SEED
 * CONFIG... where CONFIG = t|n:N:alpha(sum):beta:steps:lr (α on the engine's per-item sum of |R(x) − x|).
 */
public final class DigitsRefinerSweep {
    private DigitsRefinerSweep() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        Path mnist = Path.of("sample-data/mnist");
        LabelledDataSet train = IdxFormat.read(mnist.resolve("train-images-idx3-ubyte.gz"), mnist.resolve("train-labels-idx1-ubyte.gz"));
        // -Dscore=val: score on 500 MNIST TRAINING digits (the 101st-150th of each class, never seen by a refiner with N ≤ 50)
        // so that choices are not tuned on test digits; default: a fixed 500-digit test subset.
        LabelledDataSet test = "val".equals(System.getProperty("score")) ? validation(train)
                : DataSplits.samplePerClass(IdxFormat.read(mnist.resolve("test-images-idx3-ubyte.gz"),
                mnist.resolve("test-labels-idx1-ubyte.gz")), 50, 20190127L);
        Path cached = Path.of("/tmp/digitsfix-clf-s" + seed + ".irwm");
        PrototypicalClassifier proto;
        if (Files.isRegularFile(cached)) {
            proto = ModelStore.loadClassifier(cached);
        } else {
            long t0 = System.nanoTime();
            DigitsPlan plan = DigitsPlan.full(3, seed);
            LabelledDataSet ideal = TypesetDigits.generate(plan.idealPerFont(), seed);
            ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(plan.classifierLambda(), 1, plan.classifierPerClass(),
                    plan.learningRate(), seed, ModelSpec.SMALL).withStepsPerEpoch(plan.classifierSteps());
            proto = new ClassifierTrainer(cfg).train(ideal, TrainingListener.NONE).model();
            ModelStore.save(proto, cached);
            System.out.printf(Locale.ROOT, "classifier seed %d trained in %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
        }
        float[][] testItems = proto.preprocessing().apply(test.items());
        double base = ConfusionMatrix.accuracy(test.labels(), proto.classify(testItems).predictedLabels());
        System.out.printf(Locale.ROOT, "seed %d baseline %.1f %%%n", seed, 100 * base);
        for (int i = 1; i < args.length; i++) {
            String[] f = args[i].split(":");
            boolean targeted = f[0].equals("t");
            int n = Integer.parseInt(f[1]);
            double alpha = Double.parseDouble(f[2]);
            double beta = Double.parseDouble(f[3]);
            int steps = Integer.parseInt(f[4]);
            double lr = Double.parseDouble(f[5]);
            LabelledDataSet few = irw.core.data.ClassBalancedSubset.exactlyFirstOfEachClass(train, n);
            long t0 = System.nanoTime();
            RefinerTrainingConfig cfg = new RefinerTrainingConfig(alpha, beta, targeted, 1, false, 1, Math.min(32, few.size()), lr, seed)
                    .withStepsPerEpoch(steps);
            Refiner r = new RefinerTrainer(cfg).train(proto, few, TrainingListener.NONE).model();
            float[][] refined = r.refine(testItems);
            double acc = ConfusionMatrix.accuracy(test.labels(), proto.classify(refined).predictedLabels());
            double change = 0;
            for (int k = 0; k < refined.length; k++) {
                for (int j = 0; j < refined[k].length; j++) {
                    change += Math.abs(refined[k][j] - testItems[k][j]);
                }
            }
            System.out.printf(Locale.ROOT, "seed %d %s -> %.1f %% (%+.1f) mean|dx| %.1f  %.1f s%n", seed, args[i], 100 * acc,
                    100 * (acc - base), change / refined.length, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static LabelledDataSet validation(LabelledDataSet train) {
        int[] idx = new int[500];
        for (int k = 0; k < 10; k++) {
            System.arraycopy(train.indicesOfClass(k), 100, idx, 50 * k, 50);
        }
        return train.subset(idx);
    }
}
