package irw.service;

import irw.engine.refinery.LabelRefinery;
import irw.engine.refinery.RefineryListener;
import irw.engine.refinery.RefineryOutcome;
import irw.engine.refinery.RefineryProgress;
import irw.engine.refinery.RefineryRound;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Label Refinery (Bagherinezhad et al.; {@code irw label-refinery}) on {@code data.digits} or
 * {@code data.xrd}: model 0 on the hard labels, then {@code rounds} fresh models each on the
 * previous model's softmax outputs. Every step reports "loss" and "round"; every finished round
 * reports its held-out accuracies ("accuracy_test" for digits, "accuracy_ideal-test" and
 * "accuracy_imperfect" for XRD) with "targetAgreement" and "targetEntropy", so the last round's
 * point is the job's final held-out evaluation. Publishes {@value RefineryReport#CSV} and
 * {@value RefineryReport#MARKDOWN} (the engine keeps the models in memory and saves none).
 *
 * <p>No mid-run resume: {@link LabelRefinery} has no checkpoint, so a job interrupted by a crash or
 * a shutdown restarts from round 0 with the same seed ({@link FreshStart}); its history shows the
 * "resumed" marker, then a {@value FreshStart#RESTARTED} point at step 0. {@code checkpointEvery}
 * is accepted and unused.
 */
final class LabelRefineryJobRunner implements LearningSetJob {
    @Override
    public Outcome run(JobContext context) throws IOException {
        JobSpec spec = context.spec();
        RefinerySettings s = spec.settings(RefinerySettings.class);
        LearningData sets = LearningSetJob.load(spec, s.trainPerClass(), s.testPerClass());
        long totalSteps = (sets.train().size() + s.batch() - 1L) / s.batch() * s.epochs() * (s.rounds() + 1L);
        FreshStart.begin(context, totalSteps, context.workDir().resolve(RefineryReport.CSV), context.workDir().resolve(RefineryReport.MARKDOWN));
        RefineryListener progress = RefineryListener.of(new EngineListener(context));
        long t0 = System.nanoTime();
        RefineryOutcome outcome = new LabelRefinery(s.config(spec.seed())).run(sets.train(), sets.heldOut(), new RefineryListener() {
            private RefineryProgress last;

            @Override
            public void onProgress(RefineryProgress p) {
                last = p;
                progress.onProgress(p);
            }

            @Override
            public void onRound(RefineryRound r) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("round", (double) r.round());
                r.accuracy().forEach((set, accuracy) -> values.put("accuracy_" + set, accuracy));
                values.put("targetAgreement", r.targetAgreement());
                values.put("targetEntropy", r.targetEntropy());
                // an empty held-out set has no accuracy (NaN); that is no divergence, so it is left out
                values.values().removeIf(v -> !Double.isFinite(v));
                context.report(last == null ? 0 : last.epoch(), last == null ? 0 : last.step(), totalSteps, values);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        });
        if (outcome.cancelled()) {
            return Outcome.STOPPED;
        }
        RefineryReport.write(sets, outcome, (System.nanoTime() - t0) / 1e9, context.workDir());
        context.publish(RefineryReport.CSV, context.workDir().resolve(RefineryReport.CSV));
        context.publish(RefineryReport.MARKDOWN, context.workDir().resolve(RefineryReport.MARKDOWN));
        return Outcome.COMPLETED;
    }
}
