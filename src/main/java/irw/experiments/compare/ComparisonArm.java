package irw.experiments.compare;

import irw.core.data.LabelledDataSet;
import irw.core.data.SoftLabels;
import irw.engine.ClassifierTrainer;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingListener;
import irw.engine.mic.InversionSettings;
import irw.engine.mic.MicConfig;
import irw.engine.mic.MicTrainer;
import irw.engine.mic.ModularInverseClassifier;
import irw.engine.mic.TypeSelection;
import irw.engine.refinery.LabelRefinery;
import irw.engine.refinery.RefineryConfig;
import irw.engine.refinery.RefineryOutcome;
import irw.experiments.GroundTruthDistances;
import irw.experiments.compare.ComparedMethod.Domain;
import irw.experiments.report.MeasurementLog;
import irw.xrd.preprocess.WaveletDenoiser;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * One domain of the comparison, one seed at a time: every method trains on the same ideal set and the same
 * labelled imperfect items and is scored on the same held-out sets. Training and use are timed one method at
 * a time (wall and process CPU). The baseline is model 0 of Label Refinery, so the refinery's final round
 * differs from the baseline only by its rounds on refined labels.
 */
final class ComparisonArm {
    private static final double LEARNING_RATE = 1e-3;

    private final Domain domain;
    private final ArmPlan plan;
    private final LongFunction<LabelledDataSet> idealOfSeed;
    private final LabelledDataSet few;
    private final List<HeldOutSet> sets;
    private final SearchMatchArm search;
    private final MeasurementLog log;
    private final PrintStream progress;

    ComparisonArm(Domain domain, ArmPlan plan, LongFunction<LabelledDataSet> idealOfSeed, LabelledDataSet few, List<HeldOutSet> sets,
                  SearchMatchArm search, MeasurementLog log, PrintStream progress) {
        this.domain = domain;
        this.plan = plan;
        this.idealOfSeed = idealOfSeed;
        this.few = few;
        this.sets = List.copyOf(sets);
        this.search = search;
        this.log = log;
        this.progress = progress;
    }

    List<HeldOutSet> sets() {
        return sets;
    }

    void run(long seed) {
        LabelledDataSet ideal = idealOfSeed.apply(seed);
        RefineryConfig refinery = new RefineryConfig(plan.refineryRounds(), 1, plan.classifierPerClass(), plan.spec(), plan.lambda(), LEARNING_RATE,
                seed, plan.classifierSteps());

        Stopwatch t = Stopwatch.start();
        PrototypicalClassifier baseline = new ClassifierTrainer(refinery.classifierConfig(0)).train(ideal, TrainingListener.NONE).model();
        double[] baselineTrain = trained(ComparedMethod.BASELINE, seed, t);
        score(ComparedMethod.BASELINE, seed, baseline, UnaryOperator.identity());

        WaveletDenoiser dwt = WaveletDenoiser.standard();
        logTrain(ComparedMethod.DWT, seed, baselineTrain[0], baselineTrain[1]); // DWT itself learns nothing: its cost is the classifier's
        score(ComparedMethod.DWT, seed, baseline, x -> denoise(dwt, x));

        t = Stopwatch.start();
        Refiner targeted = refiner(baseline, true, null, seed);
        trained(ComparedMethod.TARGETED, seed, t);
        score(ComparedMethod.TARGETED, seed, baseline, targeted::refine);

        t = Stopwatch.start();
        Refiner nonTargeted = refiner(baseline, false, null, seed);
        trained(ComparedMethod.NON_TARGETED, seed, t);
        score(ComparedMethod.NON_TARGETED, seed, baseline, nonTargeted::refine);

        t = Stopwatch.start();
        RefineryOutcome chain = new LabelRefinery(refinery).run(ideal, Map.of(), TrainingListener.NONE, LabelRefinery.RoundModels.NONE, baseline);
        double[] rounds = trained(null, seed, t);
        // The final round's training cost includes model 0 (the baseline) that the chain starts from.
        logTrain(ComparedMethod.LABEL_REFINERY, seed, rounds[0] + baselineTrain[0], rounds[1] + baselineTrain[1]);
        score(ComparedMethod.LABEL_REFINERY, seed, chain.last(), UnaryOperator.identity());

        t = Stopwatch.start();
        float[][] soft = SoftLabels.of(ideal, chain.lastSoftLabels(baseline.preprocessing().apply(ideal.items()))).targetsFor(few).rows();
        Refiner softTargeted = refiner(baseline, true, soft, seed);
        double[] softTrain = trained(null, seed, t);
        logTrain(ComparedMethod.TARGETED_SOFT, seed, softTrain[0] + rounds[0], softTrain[1] + rounds[1]);
        score(ComparedMethod.TARGETED_SOFT, seed, baseline, softTargeted::refine);

        t = Stopwatch.start();
        LabelledDataSet micTrain = new LabelledDataSet(baseline.preprocessing().apply(ideal.items()), ideal.shape(), ideal.labels(), ideal.ids(),
                ideal.classes());
        // The paper's 4 types per class, fewer where the ideal set has fewer items of a class (XRD: 3 triclinic training structures).
        int types = 4;
        for (int k = 0; k < ideal.classes().size(); k++) {
            types = Math.min(types, Math.max(1, ideal.indicesOfClass(k).length));
        }
        MicConfig micConfig = new MicConfig(types, TypeSelection.CLUSTERED, 20, plan.micIterations(), 8, 0.01, 0.2, 0.1, plan.micChunk(), seed);
        ModularInverseClassifier mic = new MicTrainer(micConfig).train(micTrain, TrainingListener.NONE);
        trained(ComparedMethod.MIC, seed, t);
        InversionSettings inversion = new InversionSettings(plan.micInversionSteps(), 0.05, true, true);
        for (HeldOutSet set : sets) {
            Stopwatch u = Stopwatch.start();
            int[] predicted = set.usable().length == 0 ? new int[0]
                    : mic.classify(set.asDataSet(ideal.shape()), inversion, TrainingListener.NONE).predicted();
            logUse(ComparedMethod.MIC, set, seed, u);
            log.add(ComparedMethod.MIC.label(), set.name(), seed, ComparedMethod.ACCURACY, set.accuracy(predicted));
        }

        if (search != null) {
            search.score(sets, seed, log);
        }
        progress.println(String.format(Locale.ROOT, "%s, seed %d: %s", domain.label(), seed, summary(seed)));
        progress.flush();
    }

    private Refiner refiner(PrototypicalClassifier through, boolean targeted, float[][] soft, long seed) {
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(targeted ? plan.alphaTargeted() : plan.alphaNonTargeted(),
                targeted ? plan.betaTargeted() : plan.betaNonTargeted(), targeted, 1, false, 1, Math.min(plan.refinerBatch(), few.size()),
                LEARNING_RATE, seed).withStepsPerEpoch(plan.refinerSteps());
        return new RefinerTrainer(cfg).train(through, few, soft, TrainingListener.NONE).model();
    }

    /** Scores a classifier on every set after {@code transform} (the method's change of the model input). */
    private void score(ComparedMethod m, long seed, PrototypicalClassifier classifier, UnaryOperator<float[][]> transform) {
        for (HeldOutSet set : sets) {
            float[][] x = set.usableItems();
            Stopwatch u = Stopwatch.start();
            float[][] changed = x.length == 0 ? x : transform.apply(x);
            int[] predicted = x.length == 0 ? new int[0] : classifier.classify(changed).predictedLabels();
            logUse(m, set, seed, u);
            log.add(m.label(), set.name(), seed, ComparedMethod.ACCURACY, set.accuracy(predicted));
            if (set.groundTruth() != null && m.producesPattern() && x.length > 0) {
                GroundTruthDistances.summarise(changed, set.usableTruth()).forEach((metric, v) -> log.add(m.label(), set.name(), seed, metric, v));
            }
        }
    }

    private double[] trained(ComparedMethod m, long seed, Stopwatch t) {
        double wall = t.wallSeconds();
        double cpu = t.cpuSeconds();
        if (m != null) {
            logTrain(m, seed, wall, cpu);
        }
        return new double[]{wall, cpu};
    }

    private void logTrain(ComparedMethod m, long seed, double wall, double cpu) {
        log.add(m.label(), domain.label(), seed, ComparedMethod.TRAIN_WALL, wall);
        log.add(m.label(), domain.label(), seed, ComparedMethod.TRAIN_CPU, cpu);
    }

    private void logUse(ComparedMethod m, HeldOutSet set, long seed, Stopwatch u) {
        int n = Math.max(1, set.size());
        log.add(m.label(), set.name(), seed, ComparedMethod.USE_WALL, 1000 * u.wallSeconds() / n);
        log.add(m.label(), set.name(), seed, ComparedMethod.USE_CPU, 1000 * u.cpuSeconds() / n);
    }

    private String summary(long seed) {
        StringBuilder sb = new StringBuilder();
        for (HeldOutSet set : sets) {
            sb.append(set.name()).append(" [");
            for (ComparedMethod m : ComparedMethod.values()) {
                log.rows().stream().filter(r -> r.method().equals(m.label()) && r.condition().equals(set.name()) && r.seed() == seed
                                && r.metric().equals(ComparedMethod.ACCURACY))
                        .findFirst().ifPresent(r -> sb.append(String.format(Locale.ROOT, " %s %.1f %%;", m.name(), 100 * r.value())));
            }
            sb.append(" ] ");
        }
        return sb.toString().strip();
    }

    /** The DWT baseline on model inputs: cells outside the measured range (marked negative) stay as they are. */
    static float[][] denoise(WaveletDenoiser dwt, float[][] items) {
        float[][] out = new float[items.length][];
        for (int i = 0; i < items.length; i++) {
            double[] d = new double[items[i].length];
            for (int j = 0; j < d.length; j++) {
                d[j] = Math.max(0, items[i][j]);
            }
            double[] r = dwt.denoise(d);
            out[i] = new float[r.length];
            for (int j = 0; j < r.length; j++) {
                // physical: non-negative, and unmeasured cells keep their marker
                out[i][j] = items[i][j] < 0 ? items[i][j] : (float) Math.max(0, r[j]);
            }
        }
        return out;
    }
}
