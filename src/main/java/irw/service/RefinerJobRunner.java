package irw.service;

import irw.core.data.LabelledDataSet;
import irw.engine.Checkpointing;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Trains a refiner (Algorithm 2) on the imperfect set {@code data.train} through the frozen
 * classifier model {@code data.classifier}, with L_R = l_pred + α·l_reg + β·l_proto (eq. 3);
 * {@code batch} is the batch size. Publishes the model file as {@value #ARTIFACT}.
 */
final class RefinerJobRunner implements JobRunner {
    static final String ARTIFACT = "refiner.irwm";

    @Override
    public JobSpecParser.DataRoles dataRoles() {
        return new JobSpecParser.DataRoles(Set.of("train", "classifier"), Set.of());
    }

    @Override
    public Outcome run(JobContext context) throws IOException {
        JobSpec spec = context.spec();
        HyperParameters h = spec.hyperParameters();
        PrototypicalClassifier classifier;
        try {
            classifier = ModelStore.loadClassifier(spec.data("classifier"));
        } catch (IOException e) {
            throw new IllegalArgumentException("data.classifier: " + e.getMessage(), e);
        }
        LabelledDataSet imperfect = DataSetFiles.load(spec.data("train"), "data.train");
        RefinerTrainingConfig config = new RefinerTrainingConfig(h.alpha(), h.beta(), h.targeted(), h.p(), h.featureSpaceReg(), h.epochs(),
                h.batch(), h.learningRate(), spec.seed(), h.stepsPerEpoch());
        TrainingOutcome<Refiner> outcome = new RefinerTrainer(config)
                .withCheckpoint(new Checkpointing(context.checkpointFile(), context.checkpointEvery()))
                .train(classifier, imperfect, new EngineListener(context));
        if (outcome.cancelled()) {
            return Outcome.STOPPED;
        }
        Path model = context.workDir().resolve(ARTIFACT);
        ModelStore.save(outcome.model(), model);
        context.publish(ARTIFACT, model);
        return Outcome.COMPLETED;
    }
}
