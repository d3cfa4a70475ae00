package irw.service;

import irw.core.data.LabelledDataSet;
import irw.engine.mic.InversionSettings;
import irw.engine.mic.MicModelFiles;
import irw.engine.mic.MicTrainer;
import irw.engine.mic.ModularInverseClassifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

/**
 * Modular Inverse Classification (Hobbhahn; {@code irw mic train} then {@code irw mic classify}) on
 * {@code data.digits} or {@code data.xrd}: trains one generative LSTM per class ({@code iterations}
 * Adam steps each, reporting "loss" and "class" per step), then classifies every held-out set by
 * gradient descent on the generators' inputs (one point per inverted generator, "class" only) and
 * reports the set's accuracy with and without the input steps ("accuracy_&lt;set&gt;",
 * "accuracy0_&lt;set&gt;"). Steps run on from training into classification, so progress reaches 1
 * at the end. Publishes the model directory's files as artifacts of the same names (so that the
 * downloaded artifacts are a model directory {@code irw mic classify --model} loads):
 * {@value MicModelFiles#INFO}, {@code generator-<k>.bin}, {@value MicReport#TRAINING},
 * {@value MicReport#SUMMARY_CSV}, {@value MicReport#SUMMARY_MD} and {@value MicReport#PREDICTIONS}.
 *
 * <p>No mid-run resume: the generators live in memory until all are trained, so a job interrupted
 * by a crash or a shutdown restarts from the first generator with the same seed ({@link FreshStart});
 * its history shows the "resumed" marker, then a {@value FreshStart#RESTARTED} point at step 0.
 * {@code checkpointEvery} is accepted and unused.
 */
final class MicJobRunner implements LearningSetJob {
    static final String MODEL_DIR = "mic-model";

    @Override
    public Outcome run(JobContext context) throws IOException {
        JobSpec spec = context.spec();
        MicSettings s = spec.settings(MicSettings.class);
        LearningData sets = LearningSetJob.load(spec, s.trainPerClass(), s.testPerClass());
        int classes = sets.train().classes().size();
        long trainSteps = (long) classes * s.iterations();
        long totalSteps = trainSteps + (long) sets.heldOut().size() * classes;
        Path dir = context.workDir().resolve(MODEL_DIR);
        FreshStart.begin(context, totalSteps, dir);
        EngineListener steps = new EngineListener(context, totalSteps);
        ModularInverseClassifier model;
        long t0 = System.nanoTime();
        try {
            model = new MicTrainer(s.config(spec.seed())).train(sets.train(), steps);
        } catch (CancellationException e) {
            return stoppedOr(context, e);
        }
        MicModelFiles.save(model, dir);
        MicReport.writeTraining(sets, model, (System.nanoTime() - t0) / 1e9, dir);

        InversionSettings inversion = s.inversion();
        List<MicReport.SetResult> results = new ArrayList<>();
        long done = trainSteps;
        for (Map.Entry<String, LabelledDataSet> e : sets.heldOut().entrySet()) {
            long t1 = System.nanoTime();
            steps.continueAfter(done);
            MicReport.SetResult r;
            try {
                r = new MicReport.SetResult(e.getKey(), e.getValue(), model.classify(e.getValue(), inversion, steps),
                        (System.nanoTime() - t1) / 1e9);
            } catch (CancellationException c) {
                return stoppedOr(context, c);
            }
            results.add(r);
            done += classes;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("accuracy_" + r.name(), r.confusion().accuracy());
            values.put("accuracy0_" + r.name(), r.confusionWithoutInversion().accuracy());
            values.values().removeIf(v -> !Double.isFinite(v)); // an empty set has no accuracy; no divergence either
            context.report(0, done, totalSteps, values);
        }
        MicReport.writeClassification(model, context.jobId() + " (" + MODEL_DIR + ")", inversion, results, dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                context.publish(f.getFileName().toString(), f);
            }
        }
        return Outcome.COMPLETED;
    }

    /** The engine throws when it sees a cancellation; a throw without one is a failure. */
    private static Outcome stoppedOr(JobContext context, CancellationException e) {
        if (context.isCancelled()) {
            return Outcome.STOPPED;
        }
        throw e;
    }
}
