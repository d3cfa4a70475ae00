package irw.service;

import irw.engine.refinery.LabelRefinery;
import irw.engine.refinery.RefineryOutcome;

import java.io.IOException;

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
        long t0 = System.nanoTime();
        RefineryOutcome outcome = new LabelRefinery(s.config(spec.seed())).run(sets.train(), sets.heldOut(), new EngineListener(context));
        if (outcome.cancelled()) {
            return Outcome.STOPPED;
        }
        RefineryReport.write(sets, outcome, (System.nanoTime() - t0) / 1e9, context.workDir());
        context.publish(RefineryReport.CSV, context.workDir().resolve(RefineryReport.CSV));
        context.publish(RefineryReport.MARKDOWN, context.workDir().resolve(RefineryReport.MARKDOWN));
        return Outcome.COMPLETED;
    }
}
