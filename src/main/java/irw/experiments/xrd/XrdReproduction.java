package irw.experiments.xrd;

import irw.core.ConfusionMatrix;
import irw.core.Pattern;
import irw.core.TwoThetaGrid;
import irw.core.data.LabelledDataSet;
import irw.engine.ClassifierTrainer;
import irw.engine.ClassifierTrainingConfig;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingListener;
import irw.engine.net.ModelSpec;
import irw.experiments.DataSplits;
import irw.experiments.EmbeddingMap;
import irw.experiments.GroundTruthDistances;
import irw.experiments.plot.ScatterPlot;
import irw.experiments.report.MeasurementLog;
import irw.experiments.report.RunInfo;
import irw.xrd.io.PatternReaders;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.preprocess.WaveletDenoiser;
import irw.xrd.synth.XrdDataSets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the XRD experiment of Bai et al. 2019 (Tables 1-4) and writes its report. Per seed: a
 * standard (λ = 0) and a prototypical classifier are trained on the ideal library (Algorithm 1)
 * and frozen; the refiners train on the refiner-training patterns and are scored on the test
 * patterns of {@link irw.xrd.synth.XrdDataSets}' data roles, as is the DWT baseline.
 */
public final class XrdReproduction {
    private final XrdPlan plan;
    private final Path dataDir;
    private final PrintStream progress;
    private Path defectSets;
    private List<Path> measuredExamples = List.of();

    public XrdReproduction(XrdPlan plan, Path dataDir, PrintStream progress) {
        this.plan = plan;
        this.dataDir = dataDir;
        this.progress = progress;
    }

    /**
     * Also scores Table 4 on single-defect sets: {@code dir} holds one data-set folder per defect
     * (named after it), built like the main set with {@code irw dataset xrd --without} every other defect.
     */
    public XrdReproduction withDefectSets(Path dir) {
        this.defectSets = dir;
        return this;
    }

    /** Measured files shown raw and refined beside the test examples. */
    public XrdReproduction withMeasuredExamples(List<Path> files) {
        this.measuredExamples = List.copyOf(files);
        return this;
    }

    public Path run(Path out, String command) throws IOException {
        return run(XrdData.load(dataDir), out, command);
    }

    public Path run(XrdData data, Path out, String command) throws IOException {
        RunInfo info = new RunInfo(command, plan.seeds());
        describe(info, data);
        MeasurementLog log = new MeasurementLog();
        XrdReport report = new XrdReport(log, info);
        ConfusionMatrix rawCm = new ConfusionMatrix(data.refinerTest().classes());
        ConfusionMatrix refinedCm = new ConfusionMatrix(data.refinerTest().classes());
        WaveletDenoiser dwt = WaveletDenoiser.standard();
        report.confusion(rawCm, refinedCm); // filled as the seeds finish
        differences(report, data);

        for (long seed : plan.seeds()) {
            long t0 = System.nanoTime();
            LabelledDataSet ideal = plan.idealPerClass() > 0 ? DataSplits.samplePerClass(data.ideal(), plan.idealPerClass(), seed) : data.ideal();
            PrototypicalClassifier standard = trainClassifier(ideal, 0, seed);
            PrototypicalClassifier proto = trainClassifier(ideal, plan.classifierLambda(), seed);
            info.addTime("classifier training", Duration.ofNanos(System.nanoTime() - t0));

            LabelledDataSet train = data.refinerTrain();
            LabelledDataSet test = data.refinerTest();
            float[][] truth = data.testGroundTruth();
            float[][] testItems = proto.preprocessing().apply(test.items());
            float[][] truthItems = proto.preprocessing().apply(truth); // Table 4 in model space, as the classifier sees both
            score(log, XrdMethod.RAW_STANDARD, seed, standard, testItems, test, null);
            int[] rawPred = score(log, XrdMethod.RAW_PROTO, seed, proto, testItems, test, truthItems);
            score(log, XrdMethod.DWT_PROTO, seed, proto, proto.preprocessing().apply(denoise(dwt, test.items())), test, truthItems);

            long t1 = System.nanoTime();
            float[][] refined = null;
            int[] refinedPred = null;
            Refiner targeted = null;
            for (XrdMethod m : new XrdMethod[]{XrdMethod.REFINED_PROTO, XrdMethod.REFINED_STANDARD, XrdMethod.NON_TARGETED_PROTO,
                    XrdMethod.ABLATION_PRED_ONLY}) {
                PrototypicalClassifier through = m == XrdMethod.REFINED_STANDARD ? standard : proto;
                Refiner refiner = trainRefiner(m, through, train, seed);
                float[][] r = refiner.refine(testItems);
                int[] pred = score(log, m, seed, through, r, test, m == XrdMethod.ABLATION_PRED_ONLY ? null : truthItems);
                if (m == XrdMethod.REFINED_PROTO) {
                    refined = r;
                    refinedPred = pred;
                    targeted = refiner;
                }
            }
            info.addTime("refiner training and refinement", Duration.ofNanos(System.nanoTime() - t1));
            for (int i = 0; i < test.size(); i++) {
                rawCm.add(test.labels()[i], rawPred[i]);
                refinedCm.add(test.labels()[i], refinedPred[i]);
            }
            if (defectSets != null) {
                scoreDefects(log, report, seed, test.ids(), proto, targeted);
            }
            if (seed == plan.seeds().get(0)) {
                addExamples(report, test, testItems, refined, truthItems, proto);
                addMeasuredExamples(report, proto, targeted);
                long t2 = System.nanoTime();
                report.embedding(embeddingMap(proto, DataSplits.samplePerClass(ideal, 40, seed), test, testItems, refined, seed));
                info.addTime("t-SNE of the embeddings", Duration.ofNanos(System.nanoTime() - t2));
            }
            say("seed %d: standard %s, proto %s, DWT %s, UNet+proto %s, non-targeted %s (%.1f s)", seed,
                    last(log, XrdMethod.RAW_STANDARD), last(log, XrdMethod.RAW_PROTO), last(log, XrdMethod.DWT_PROTO),
                    last(log, XrdMethod.REFINED_PROTO), last(log, XrdMethod.NON_TARGETED_PROTO), (System.nanoTime() - t0) / 1e9);
            info.completed(seed);
            if (!info.finished()) {
                say("partial report: %s", report.write(out));
            }
        }
        Path written = report.write(out);
        say("wrote %s in %.1f s", written, info.elapsed().toMillis() / 1000.0);
        return written;
    }

    /** Classifies, logs accuracy (and Table 4 distances when truth is given); returns the predictions. */
    private static int[] score(MeasurementLog log, XrdMethod m, long seed, PrototypicalClassifier c, float[][] items, LabelledDataSet test,
                               float[][] truth) {
        return score(log, m, "", seed, c, items, test.labels(), truth);
    }

    /** The same under a condition (a single-defect set); {@code truth} in model space. */
    private static int[] score(MeasurementLog log, XrdMethod m, String condition, long seed, PrototypicalClassifier c, float[][] items,
                               int[] labels, float[][] truth) {
        int[] pred = c.classify(items).predictedLabels();
        log.add(m.label(), condition, seed, XrdMethod.ACCURACY, ConfusionMatrix.accuracy(labels, pred));
        if (truth != null) {
            for (Map.Entry<String, Double> e : GroundTruthDistances.summarise(items, truth).entrySet()) {
                log.add(m.label(), condition, seed, e.getKey(), e.getValue());
            }
        }
        return pred;
    }

    /** Table 4 raw vs targeted refinement on the test patterns of every single-defect set (the same structures as the test split). */
    private void scoreDefects(MeasurementLog log, XrdReport report, long seed, List<String> testIds, PrototypicalClassifier c, Refiner refiner)
            throws IOException {
        List<Path> dirs;
        try (var s = java.nio.file.Files.list(defectSets)) {
            dirs = s.filter(d -> java.nio.file.Files.isRegularFile(d.resolve(XrdDataSets.IMPERFECT))).sorted().toList();
        }
        for (Path d : dirs) {
            XrdDataSets set;
            try {
                set = XrdDataSets.load(d);
            } catch (irw.core.PatternFormatException e) {
                throw new IOException(e.getMessage(), e);
            }
            String name = d.getFileName().toString();
            LabelledDataSet imperfect = set.refinerTestSet();
            if (!imperfect.ids().equals(testIds)) {
                throw new IOException(d + ": its refiner-test patterns are of other structures than the main set's; build it from the same "
                        + "structures, seed and fractions (irw dataset xrd ... --without ...)");
            }
            float[][] truth = set.refinerTestGroundTruth();
            float[][] raw = c.preprocessing().apply(imperfect.items());
            float[][] truthItems = c.preprocessing().apply(truth);
            score(log, XrdMethod.RAW_PROTO, name, seed, c, raw, imperfect.labels(), truthItems);
            score(log, XrdMethod.REFINED_PROTO, name, seed, c, refiner.refine(raw), imperfect.labels(), truthItems);
            report.defect(name);
        }
    }

    /** Measured files, raw and refined in model space (no ground truth), on their measured cells. */
    private void addMeasuredExamples(XrdReport report, PrototypicalClassifier c, Refiner refiner) throws IOException {
        TwoThetaGrid grid = c.preprocessing().grid();
        for (Path f : measuredExamples) {
            Pattern p;
            try {
                p = PatternReaders.read(f).get(0);
            } catch (irw.core.PatternFormatException e) {
                throw new IOException(e.getMessage(), e);
            }
            ModelInputPreparation.Prepared prepared = c.preprocessing().prepare(p);
            if (prepared.refusal().isPresent()) {
                say("%s not shown: %s", f.getFileName(), prepared.refusalMessage());
                continue;
            }
            float[] raw = prepared.values();
            float[] refined = refiner.refine(new float[][]{raw})[0];
            int[] cells = java.util.stream.IntStream.range(0, raw.length).filter(j -> raw[j] >= 0).toArray();
            double[] x = new double[cells.length];
            double[] a = new double[cells.length];
            double[] b = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                x[k] = grid.at(cells[k]);
                a[k] = raw[cells[k]];
                b[k] = refined[cells[k]];
            }
            String label = p.metadata().label().orElse("measured");
            report.example(new XrdReport.Example(f.getFileName().toString(), label, x, a, b, null));
        }
    }

    private PrototypicalClassifier trainClassifier(LabelledDataSet ideal, double lambda, long seed) {
        ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(lambda, 1, plan.classifierPerClass(), plan.learningRate(), seed, ModelSpec.SMALL)
                .withStepsPerEpoch(plan.classifierSteps());
        return new ClassifierTrainer(cfg).train(ideal, TrainingListener.NONE).model();
    }

    private Refiner trainRefiner(XrdMethod m, PrototypicalClassifier through, LabelledDataSet train, long seed) {
        boolean targeted = m != XrdMethod.NON_TARGETED_PROTO;
        double alpha = targeted ? plan.alpha() : plan.alphaNonTargeted();
        // The standard classifier's prototypes were never trained for (λ = 0), so "UNet + standard" uses l_pred + l_reg only.
        double beta = m == XrdMethod.REFINED_STANDARD || m == XrdMethod.ABLATION_PRED_ONLY ? 0 : plan.beta();
        // α is stated for the per-point mean of |R(x) − x|; the engine's l_reg is the per-item sum (eq. 7 as a norm).
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(alpha / train.itemLength(), beta, targeted, 1, false, 1,
                Math.min(plan.refinerBatch(), train.size()),
                plan.learningRate(), seed).withStepsPerEpoch(plan.refinerSteps());
        return new RefinerTrainer(cfg).train(through, train, TrainingListener.NONE).model();
    }

    private static EmbeddingMap embeddingMap(PrototypicalClassifier c, LabelledDataSet ideal, LabelledDataSet test, float[][] raw,
                                             float[][] refined, long seed) {
        int k = c.classes().size();
        int[] protoLabels = java.util.stream.IntStream.range(0, k).toArray();
        return EmbeddingMap.of(c.classes(), java.util.List.of(
                new EmbeddingMap.Set("ideal", c.classify(c.preprocessing().apply(ideal.items())).embeddings(), ideal.labels(), ideal.ids(),
                        ScatterPlot.Mark.DOT),
                new EmbeddingMap.Set("raw", c.classify(raw).embeddings(), test.labels(), test.ids(), ScatterPlot.Mark.RING),
                new EmbeddingMap.Set("refined", c.classify(refined).embeddings(), test.labels(), test.ids(), ScatterPlot.Mark.TRIANGLE),
                new EmbeddingMap.Set("prototype", c.prototypes(), protoLabels, c.classes().names(), ScatterPlot.Mark.CROSS)), seed);
    }

    private static float[][] denoise(WaveletDenoiser dwt, float[][] items) {
        float[][] out = new float[items.length][];
        for (int i = 0; i < items.length; i++) {
            double[] d = new double[items[i].length];
            for (int j = 0; j < d.length; j++) {
                d[j] = items[i][j];
            }
            double[] r = dwt.denoise(d);
            out[i] = new float[r.length];
            for (int j = 0; j < r.length; j++) {
                out[i][j] = (float) r[j];
            }
        }
        return out;
    }

    private static void addExamples(XrdReport report, LabelledDataSet test, float[][] raw, float[][] refined, float[][] truth,
                                    PrototypicalClassifier c) {
        TwoThetaGrid grid = c.preprocessing().grid();
        int n = raw[0].length;
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = grid == null ? j : grid.start() + (grid.end() - grid.start()) * j / (n - 1.0);
        }
        int shown = Math.min(6, test.size());
        for (int e = 0; e < shown; e++) {
            int i = e * (test.size() / shown);
            report.example(new XrdReport.Example(test.ids().get(i), test.classes().name(test.labels()[i]), x,
                    GroundTruthDistances.maxScaled(raw[i]), GroundTruthDistances.maxScaled(refined[i]), GroundTruthDistances.maxScaled(truth[i])));
        }
    }

    private void describe(RunInfo info, XrdData data) {
        info.setting("mode", (plan.quick() ? "quick (CI), " : "full, ") + (plan.idealPerClass() > 0 ? "ideal library subsampled to " + plan.idealPerClass() + " per class" : "full ideal library"))
                .setting("data", data.description())
                .setting("ideal library", data.ideal().size() + " patterns × " + data.ideal().itemLength() + " points")
                .setting("imperfect set", data.refinerTrain().size() + " refiner-training and " + data.refinerTest().size()
                        + " test patterns with ground truth (XrdDataSets' data roles: halves by structure, the same for every seed and for 'evaluate')")
                .setting("classifier", String.format(Locale.ROOT, "engine ModelSpec.SMALL (1-D CNN), λ = %.2f (prototypical) or 0 (standard), "
                        + "%d Adam steps of %d per class, learning rate %.0e", plan.classifierLambda(), plan.classifierSteps(),
                        plan.classifierPerClass(), plan.learningRate()))
                .setting("refiner", String.format(Locale.ROOT, "1-D U-Net, %d steps, batch %d, l_reg = l1 with Ψ = identity (as the paper) as a mean over the points, "
                        + "α = %.2f (targeted) / %.2f (non-targeted), β = %.2f", plan.refinerSteps(), plan.refinerBatch(), plan.alpha(),
                        plan.alphaNonTargeted(), plan.beta()))
                .setting("DWT baseline", "db4, 4 levels, hard universal threshold (irw.xrd.preprocess.WaveletDenoiser.standard), then the prototypical classifier");
    }

    private void differences(XrdReport report, XrdData data) {
        report.difference("Data: the paper's ideal library is ~240,000 Materials Project patterns and its imperfect set 1,494 patterns from "
                        + "real experiments, with 5-fold cross-validation; ours: " + data.description() + ", the same split for every seed.")
                .difference("Networks: the paper uses VGG-19-1D and DenseNet-121-1D trained for 100 epochs with batches of 512; ours is the "
                        + "engine's small 1-D CNN trained for " + plan.classifierSteps() + " steps, so that a run fits in 30 minutes on 2 cores. "
                        + "Our 'paper' columns therefore compare against both networks rather than a like-for-like one.")
                .difference("Table 3, row 1 (l_proto + l_reg without l_pred) is not measured: the engine's refiner loss always includes l_pred "
                        + "(RefinerTrainingConfig has no weight for it).")
                .difference("Table 4: the paper does not state the scale of its distances (its NCC is about 24, so not in [-1, 1]); ours are "
                        + "computed on patterns scaled to a maximum of 1, so only the ordering of the rows is comparable, not the values.")
                .difference("ADDA and GTA are not reproduced. The paper's numbers are means over 5 runs without a spread; ours are mean ± std over "
                        + plan.seeds().size() + " seeds, where a seed changes the ideal subsample, every initialisation and the batch order (not the split).");
        if (plan.quick()) {
            report.difference("This is a --quick run: tiny training budgets, so the numbers show the pipeline works, not what the method reaches.");
        }
    }

    private static String last(MeasurementLog log, XrdMethod m) {
        return log.stat(m.label(), XrdMethod.ACCURACY).map(s -> String.format(Locale.ROOT, "%.1f %%", 100 * s.values()[s.n() - 1])).orElse("n/a");
    }

    private void say(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
