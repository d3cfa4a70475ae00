package irw.service;

import irw.core.data.LabelledDataSet;
import irw.engine.Checkpointing;
import irw.engine.ClassifierTrainer;
import irw.engine.ClassifierTrainingConfig;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.TrainingOutcome;
import irw.engine.net.ModelSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Trains a prototypical classifier (Algorithm 1) on the labelled ideal set {@code data.train}:
 * λ weighs the prototype loss, {@code batch} is N_c (items of every class per step). Publishes
 * the model file as {@value #ARTIFACT}.
 */
final class ClassifierJobRunner implements JobRunner {
    static final String ARTIFACT = "classifier.irwm";

    @Override
    public JobSpecParser.DataRoles dataRoles() {
        return new JobSpecParser.DataRoles(Set.of("train"), Set.of());
    }

    @Override
    public Outcome run(JobContext context) throws IOException {
        JobSpec spec = context.spec();
        HyperParameters h = spec.hyperParameters();
        LabelledDataSet ideal = DataSetFiles.load(spec.data("train"), "data.train");
        if (!ideal.isLabelled()) {
            throw new IllegalArgumentException("data.train: " + spec.data("train") + " has no labels; a classifier trains on labelled items");
        }
        ClassifierTrainingConfig config = new ClassifierTrainingConfig(h.lambda(), h.epochs(), h.batch(), h.learningRate(), spec.seed(),
                ModelSpec.parse(h.modelSize())).withStepsPerEpoch(h.stepsPerEpoch());
        TrainingOutcome<PrototypicalClassifier> outcome = new ClassifierTrainer(config)
                .withCheckpoint(new Checkpointing(context.checkpointFile(), context.checkpointEvery()))
                .train(ideal, new EngineListener(context));
        if (outcome.cancelled()) {
            return Outcome.STOPPED;
        }
        Path model = context.workDir().resolve(ARTIFACT);
        ModelStore.save(outcome.model(), model);
        context.publish(ARTIFACT, model);
        return Outcome.COMPLETED;
    }
}
