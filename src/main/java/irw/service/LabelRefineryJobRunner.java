package irw.service;

import irw.core.data.SoftLabels;
import irw.engine.ModelStore;
import irw.engine.refinery.LabelRefinery;
import irw.engine.refinery.RefineryOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Label Refinery (Bagherinezhad et al.; {@code irw label-refinery}) on {@code data.digits} or
 * {@code data.xrd}: model 0 on the hard labels, then {@code rounds} fresh models each on the
 * previous model's softmax outputs. Every step reports "loss" at its round; every finished round
 * reports its held-out accuracies ("accuracy_test" for digits, "accuracy_ideal-test" and
 * "accuracy_imperfect" for XRD) with "targetAgreement" and "targetEntropy", so the last round's
 * point is the job's final held-out evaluation.
 * <p>
 * Every round's model is saved and published as {@code round-<k>.irwm} the moment it finishes (a
 * cancelled job keeps the rounds it finished); a completed job also publishes the last round as
 * {@code classifier.irwm} (so {@code "classifier": "job:<id>"} names it and the workbench opens it),
 * the last round's refined labels of the training items as {@value SoftLabels#FILE_NAME} (the
 * targets {@code train refiner --soft-labels} takes), {@value RefineryReport#CSV} and
 * {@value RefineryReport#MARKDOWN}.
 *
 * <p>No mid-run resume: a job interrupted by a crash or a shutdown restarts from round 0 with the
 * same seed ({@link FreshStart}); its history shows the "resumed" marker, then a
 * {@value FreshStart#RESTARTED} point at step 0. {@code checkpointEvery} is accepted and unused.
 */
final class LabelRefineryJobRunner implements LearningSetJob {
    static final String CLASSIFIER = "classifier.irwm";

    static String roundFile(int round) {
        return "round-" + round + ".irwm";
    }

    @Override
    public Outcome run(JobContext context) throws IOException {
        JobSpec spec = context.spec();
        RefinerySettings s = spec.settings(RefinerySettings.class);
        LearningData sets = LearningSetJob.load(spec, s.trainPerClass(), s.testPerClass());
        LabelRefinery refinery = new LabelRefinery(s.config(spec.seed()));
        long totalSteps = refinery.stepsPerRound(sets.train()) * (s.rounds() + 1L);
        Path dir = context.workDir();
        Path[] outputs = new Path[s.rounds() + 4];
        for (int k = 0; k <= s.rounds(); k++) {
            outputs[k] = dir.resolve(roundFile(k));
        }
        outputs[s.rounds() + 1] = dir.resolve(SoftLabels.FILE_NAME);
        outputs[s.rounds() + 2] = dir.resolve(RefineryReport.CSV);
        outputs[s.rounds() + 3] = dir.resolve(RefineryReport.MARKDOWN);
        FreshStart.begin(context, totalSteps, outputs);
        long t0 = System.nanoTime();
        RefineryOutcome outcome = refinery.run(sets.train(), sets.heldOut(), new EngineListener(context), (round, model) -> {
            Path file = dir.resolve(roundFile(round.round()));
            try {
                ModelStore.save(model, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the model of round " + round.round() + ": " + e.getMessage(), e);
            }
            context.publish(roundFile(round.round()), file);
        });
        if (outcome.cancelled()) {
            return Outcome.STOPPED;
        }
        RefineryReport.write(sets, outcome, (System.nanoTime() - t0) / 1e9, dir);
        context.publish(CLASSIFIER, dir.resolve(roundFile(s.rounds())));
        context.publish(SoftLabels.FILE_NAME, dir.resolve(SoftLabels.FILE_NAME));
        context.publish(RefineryReport.CSV, dir.resolve(RefineryReport.CSV));
        context.publish(RefineryReport.MARKDOWN, dir.resolve(RefineryReport.MARKDOWN));
        return Outcome.COMPLETED;
    }
}
