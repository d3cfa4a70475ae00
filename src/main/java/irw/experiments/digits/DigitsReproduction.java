package irw.experiments.digits;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.digits.DigitFont;
import irw.digits.IdxFormat;
import irw.digits.InkMetrics;
import irw.digits.TypesetDigits;
import irw.engine.ClassifierTrainer;
import irw.engine.ClassifierTrainingConfig;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingListener;
import irw.engine.net.ModelSpec;
import irw.experiments.DataSplits;
import irw.experiments.report.MeasurementLog;
import irw.experiments.report.RunInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs the digits experiment of Bai et al. 2019 (Fig. 7) and writes its report. Per seed: a
 * prototypical and a standard classifier are trained on typeset digits (Algorithm 1) and frozen;
 * for every N a classifier is trained from scratch on the first N MNIST training digits per class,
 * and a targeted and a non-targeted refiner (Algorithm 2) are trained on those N per class; all
 * are scored on the MNIST test digits.
 */
public final class DigitsReproduction {
    /** Seed of the fixed MNIST test subset in --quick runs: the same digits for every seed and arm. */
    private static final long TEST_SUBSET_SEED = 20190127L;

    private final DigitsPlan plan;
    private final Path mnistDir;
    private final PrintStream progress;
    private PrototypicalClassifier frozen;
    private String frozenName;

    public DigitsReproduction(DigitsPlan plan, Path mnistDir, PrintStream progress) {
        this.plan = plan;
        this.mnistDir = mnistDir;
        this.progress = progress;
    }

    /**
     * Uses one already trained typeset-digit classifier (Algorithm 1, λ &gt; 0), frozen, for every seed
     * instead of training one per seed: the paper's protocol from the refiners on, at a fraction of
     * the cost. The seeds then vary the refiners and the classifiers from scratch only, and the
     * standard (λ = 0) baseline is not measured.
     */
    public DigitsReproduction withClassifier(PrototypicalClassifier classifier, String name) {
        if (classifier.itemLength() != 28 * 28) {
            throw new IllegalArgumentException(name + " is not a 28×28 digit classifier (items of " + classifier.itemLength() + ")");
        }
        this.frozen = classifier;
        this.frozenName = name;
        return this;
    }

    public Path run(Path out, String command) throws IOException {
        LabelledDataSet train = read("train");
        LabelledDataSet test = read("test");
        if (plan.testPerClass() > 0) {
            test = DataSplits.samplePerClass(test, plan.testPerClass(), TEST_SUBSET_SEED);
        }
        RunInfo info = new RunInfo(command, plan.seeds());
        describe(info, train, test);
        MeasurementLog log = new MeasurementLog();
        int lastN = plan.ns()[plan.ns().length - 1];
        ConfusionMatrix rawCm = new ConfusionMatrix(test.classes());
        ConfusionMatrix refinedCm = new ConfusionMatrix(test.classes());
        DigitsReport report = new DigitsReport(log, info, plan.ns());
        int[] shown = exampleIndices(test);
        report.confusion(lastN, rawCm, refinedCm); // filled as the seeds finish
        differences(report, test.size());

        for (long seed : plan.seeds()) {
            long t0 = System.nanoTime();
            PrototypicalClassifier proto = frozen;
            PrototypicalClassifier standard = null;
            if (frozen == null) {
                LabelledDataSet ideal = TypesetDigits.generate(plan.idealPerFont(), seed, java.util.List.of(DigitFont.values()),
                        plan.idealAugmentation());
                proto = trainClassifier(ideal, plan.classifierLambda(), plan.classifierSteps(), plan.classifierPerClass(), seed);
                standard = trainClassifier(ideal, 0, plan.classifierSteps(), plan.classifierPerClass(), seed);
                info.addTime("classifier training (typeset digits)", Duration.ofNanos(System.nanoTime() - t0));
            }
            float[][] testItems = proto.preprocessing().apply(test.items());
            int[] rawPredicted = proto.classify(testItems).predictedLabels();
            log.add(DigitsMethod.BASELINE.label(), "", seed, DigitsMethod.ACCURACY, ConfusionMatrix.accuracy(test.labels(), rawPredicted));
            if (standard != null) {
                log.add(DigitsMethod.BASELINE_STANDARD.label(), "", seed, DigitsMethod.ACCURACY,
                        ConfusionMatrix.accuracy(test.labels(), standard.classify(standard.preprocessing().apply(test.items())).predictedLabels()));
            }
            say("seed %d: baseline %.2f %% (proto), %s", seed, 100 * log.stat(DigitsMethod.BASELINE.label(), DigitsMethod.ACCURACY)
                    .map(m -> m.values()[m.n() - 1]).orElse(Double.NaN), elapsed(t0));

            for (int n : plan.ns()) {
                String c = DigitsMethod.condition(n);
                LabelledDataSet few = irw.core.data.ClassBalancedSubset.exactlyFirstOfEachClass(train, n);
                long t1 = System.nanoTime();
                PrototypicalClassifier scratch = trainClassifier(few, 0, plan.scratchSteps(), Math.min(n, plan.classifierPerClass()), seed);
                log.add(DigitsMethod.SCRATCH.label(), c, seed, DigitsMethod.ACCURACY,
                        ConfusionMatrix.accuracy(test.labels(), scratch.classify(scratch.preprocessing().apply(test.items())).predictedLabels()));
                info.addTime("classifiers from scratch", Duration.ofNanos(System.nanoTime() - t1));

                long t2 = System.nanoTime();
                Refiner targeted = trainRefiner(proto, few, true, seed);
                float[][] refinedT = targeted.refine(testItems);
                int[] predT = proto.classify(refinedT).predictedLabels();
                log.add(DigitsMethod.TARGETED.label(), c, seed, DigitsMethod.ACCURACY, ConfusionMatrix.accuracy(test.labels(), predT));
                logPhysics(log, DigitsMethod.TARGETED, c, seed, testItems, refinedT);
                Refiner nonTargeted = trainRefiner(proto, few, false, seed);
                float[][] refinedN = nonTargeted.refine(testItems);
                log.add(DigitsMethod.NON_TARGETED.label(), c, seed, DigitsMethod.ACCURACY,
                        ConfusionMatrix.accuracy(test.labels(), proto.classify(refinedN).predictedLabels()));
                logPhysics(log, DigitsMethod.NON_TARGETED, c, seed, testItems, refinedN);
                info.addTime("refiner training and refinement", Duration.ofNanos(System.nanoTime() - t2));
                say("seed %d, N=%d: scratch %s, targeted %s, non-targeted %s (%s)", seed, n,
                        last(log, DigitsMethod.SCRATCH, c), last(log, DigitsMethod.TARGETED, c), last(log, DigitsMethod.NON_TARGETED, c), elapsed(t1));
                if (n == lastN) {
                    for (int i = 0; i < test.size(); i++) {
                        rawCm.add(test.labels()[i], rawPredicted[i]);
                        refinedCm.add(test.labels()[i], predT[i]);
                    }
                    if (seed == plan.seeds().get(0)) {
                        report.digitRow("raw", pick(testItems, shown))
                                .digitRow("targeted, N=" + n, pick(refinedT, shown))
                                .digitRow("non-targeted, N=" + n, pick(refinedN, shown));
                    }
                }
            }
            info.completed(seed);
            if (!info.finished()) {
                say("partial report: %s", report.write(out));
            }
        }
        Path written = report.write(out);
        say("wrote %s in %s", written, elapsed(info));
        return written;
    }

    private PrototypicalClassifier trainClassifier(LabelledDataSet data, double lambda, int steps, int perClass, long seed) {
        ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(lambda, 1, perClass, plan.learningRate(), seed, plan.classifierSpec())
                .withStepsPerEpoch(steps);
        return new ClassifierTrainer(cfg).train(data, TrainingListener.NONE).model();
    }

    private Refiner trainRefiner(PrototypicalClassifier classifier, LabelledDataSet few, boolean targeted, long seed) {
        // α weighs the engine's l_reg, the per-item SUM of |R(x) − x| (eq. 7 as a norm); see DigitsPlan.
        double alpha = targeted ? plan.alphaTargeted() : plan.alphaNonTargeted();
        double beta = targeted ? plan.betaTargeted() : plan.betaNonTargeted();
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(alpha, beta, targeted, 1, false, 1,
                Math.min(plan.refinerBatch(), few.size()), plan.learningRate(), seed).withStepsPerEpoch(plan.refinerSteps());
        return new RefinerTrainer(cfg).train(classifier, few, TrainingListener.NONE).model();
    }

    /** Issue 11, item 4: refined / raw total variation (mean over digits) and the share of digits whose TV rose. */
    private static void logPhysics(MeasurementLog log, DigitsMethod m, String c, long seed, float[][] raw, float[][] refined) {
        double tvRaw = 0;
        double tvRefined = 0;
        int rose = 0;
        double far = 0;
        for (int i = 0; i < raw.length; i++) {
            double a = InkMetrics.totalVariation(raw[i]);
            double b = InkMetrics.totalVariation(refined[i]);
            tvRaw += a;
            tvRefined += b;
            rose += b > a + 1e-6 ? 1 : 0;
            far += InkMetrics.farInk(raw[i], refined[i], 2) / raw.length;
        }
        log.add(m.label(), c, seed, DigitsMethod.TV_RATIO, tvRefined / tvRaw);
        log.add(m.label(), c, seed, DigitsMethod.TV_ROSE, (double) rose / raw.length);
        log.add(m.label(), c, seed, DigitsMethod.FAR_INK, far);
    }

    private LabelledDataSet read(String part) throws IOException {
        return IdxFormat.readMnistPart(mnistDir, part);
    }

    private void describe(RunInfo info, LabelledDataSet train, LabelledDataSet test) {
        info.setting("mode", plan.quick() ? "quick (CI)" : "full")
                .setting("N per class", Arrays.toString(plan.ns()))
                .setting("ideal set", "typeset digits, " + plan.idealPerFont() + " per font × " + DigitFont.values().length + " fonts, "
                        + plan.idealAugmentation().describe() + ", regenerated per seed")
                .setting("imperfect data", "the first N per class of the bundled MNIST training subset (" + train.size() + " digits, 600 per class)")
                .setting("test data", test.size() + " MNIST test digits (" + (plan.testPerClass() > 0
                        ? plan.testPerClass() + " per class, fixed sample" : "all of the bundled test subset") + ")")
                .setting("classifier", frozen != null
                        ? frozenName + ", trained beforehand on typeset digits only (λ = " + frozen.lambda() + "), frozen and the same for every seed; "
                        + "the standard (λ = 0) baseline is not measured in this run"
                        : "engine ModelSpec " + plan.classifierSpec().id() + ", λ = " + plan.classifierLambda() + ", " + plan.classifierSteps()
                        + " Adam steps of " + plan.classifierPerClass() + " per class, learning rate " + plan.learningRate())
                .setting("classifier from scratch", "the same network, λ = 0, " + plan.scratchSteps() + " steps on the N per class")
                .setting("refiner", "2-D U-Net, shaped: x + reach(x) ⊙ blur(U(x)) clipped to [0, 1] (" + irw.engine.net.RefinerNetwork.create(new int[]{28, 28}, null).architecture() + "), " + plan.refinerSteps() + " Adam steps, batch ≤ "
                        + plan.refinerBatch() + ", learning rate " + plan.learningRate() + ", l_reg = SUM of |R(x) − x| over the 784 pixels "
                        + String.format(Locale.ROOT, "(Ψ = identity); targeted α = %s, β = %s; non-targeted α = %s, β = %s (α per pixel-mean = 784·α)",
                        plan.alphaTargeted(), plan.betaTargeted(), plan.alphaNonTargeted(), plan.betaNonTargeted()));
    }

    private void differences(DigitsReport report, int testSize) {
        report.difference("Data: the paper tests on the 10,000 official MNIST test digits and draws N from the 60,000 training digits; we use the "
                        + "bundled 8,000-digit MNIST subset (sample-data/mnist: 600 train and 200 test per class, grouped by class), so "
                        + "our \"first N per class\" are the first N of that subset. With " + testSize + " test digits an accuracy near 75 % "
                        + "carries a binomial standard error of " + String.format(Locale.ROOT, "±%.1f", 100 * Math.sqrt(0.75 * 0.25 / testSize))
                        + " points.")
                .difference("Networks: the paper's classifier is a 2-D DenseNet-121 variant (about 900k parameters) trained for 100 epochs on "
                        + "51,250 typeset digits from Bradley Hand, Brush Script, Hannotate, Times and Typewriter; ours is "
                        + (frozen != null ? frozenName + " (the engine's " + frozen.spec().id() + "), trained on digits of our "
                        + DigitFont.values().length + " bundled OFL/Apache fonts varied like handwriting (sample-data/models/README.md)"
                        : "the engine's " + plan.classifierSpec().id() + " trained for " + plan.classifierSteps() + " steps on " + plan.idealPerFont()
                        + " digits of each of our " + DigitFont.values().length + " bundled OFL/Apache fonts, varied like handwriting "
                        + "(slant, width, pen width, rotation); the shipped classifier trains longer (sample-data/models/README.md)") + ".")
                .difference("Refiner: the paper's refiner may paint anywhere; ours changes a digit only within 2 px of its ink, smoothly "
                        + "(3x3 binomial blur of the change) and inside [0, 1] (issue 11: no speckle, no invented strokes). The paper does not "
                        + "state α and β for digits. We pass α to the engine as the weight of the per-item SUM of |R(x) − x| over the 784 "
                        + "pixels: targeted α = " + plan.alphaTargeted() + ", β = " + plan.betaTargeted() + "; non-targeted α = "
                        + plan.alphaNonTargeted() + ", β = " + plan.betaNonTargeted() + ", picked on held-out MNIST training digits "
                        + "(500:600 of every class), never on test digits.")
                .difference("Spread: the paper reports single curves (Fig. 7 has no error bars); ours are mean ± std over " + plan.seeds().size()
                        + (frozen != null ? " seeds, where a seed changes the refiners' and the classifiers-from-scratch's initialisation and "
                        + "batch order; the typeset-digit classifier (" + frozenName + ") is one trained model, so the baseline has no spread."
                        : " seeds, where a seed changes the typeset set, every network's initialisation and the batch order."))
                .difference("ADDA and GTA (in Fig. 7) are not reproduced.");
        if (plan.quick()) {
            report.difference("This is a --quick run: tiny training budgets, so the numbers show the pipeline works, not what the method reaches.");
        }
    }

    private static int[] exampleIndices(LabelledDataSet test) {
        int[] idx = new int[10];
        for (int k = 0; k < 10; k++) {
            idx[k] = test.indicesOfClass(k)[0];
        }
        return idx;
    }

    private static float[][] pick(float[][] items, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = items[idx[i]];
        }
        return out;
    }

    private static String last(MeasurementLog log, DigitsMethod m, String c) {
        return log.stat(m.label(), c, DigitsMethod.ACCURACY)
                .map(s -> String.format(Locale.ROOT, "%.2f %%", 100 * s.values()[s.n() - 1])).orElse("n/a");
    }

    private void say(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    private static String elapsed(long t0) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
    }

    private static String elapsed(RunInfo info) {
        return String.format(Locale.ROOT, "%.1f s", info.elapsed().toMillis() / 1000.0);
    }
}
