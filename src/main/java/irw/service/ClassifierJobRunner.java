package irw.service;

import irw.core.data.LabelledDataSet;
import irw.engine.Checkpointing;
import irw.engine.ClassifierTrainer;
import irw.engine.LibraryTraining;
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

    /** data.train: a labelled ideal set; or data.structures: a library CIF rendered on the fly, with data.userCifs, a folder of the lab's own. */
    static final String TRAIN = "train", STRUCTURES = "structures", USER_CIFS = "userCifs";

    @Override
    public JobSpecParser.DataRoles dataRoles() {
        return new JobSpecParser.DataRoles(Set.of(), Set.of(TRAIN, STRUCTURES, USER_CIFS), Set.of(), Set.of(TRAIN, STRUCTURES));
    }

    @Override
    public Outcome run(JobContext context) throws IOException {
        JobSpec spec = context.spec();
        HyperParameters h = spec.hyperParameters();
        boolean library = spec.data().containsKey(STRUCTURES);
        if (library == spec.data().containsKey(TRAIN)) {
            throw new IllegalArgumentException("data: a classifier job takes either data.train (a labelled ideal set) or data.structures "
                    + "(a structure library rendered on the fly, optionally with data.userCifs)");
        }
        if (spec.data().containsKey(USER_CIFS) && !library) {
            throw new IllegalArgumentException("data.userCifs: the lab's own CIFs join a structure library; give data.structures too");
        }
        ClassifierTrainingConfig config = new ClassifierTrainingConfig(h.lambda(), h.epochs(), h.batch(), h.learningRate(), spec.seed(),
                ModelSpec.parse(h.modelSize())).withStepsPerEpoch(h.stepsPerEpoch());
        ClassifierTrainer trainer = new ClassifierTrainer(config)
                .withCheckpoint(new Checkpointing(context.checkpointFile(), context.checkpointEvery()));
        TrainingOutcome<PrototypicalClassifier> outcome;
        if (library) {
            LibraryTraining plan = LibraryTraining.defaults(spec.data(STRUCTURES));
            if (spec.data().containsKey(USER_CIFS)) {
                plan = new LibraryTraining(plan.structures(), java.util.List.of(spec.data(USER_CIFS)), plan.augmentation(), plan.balance(),
                        plan.splitSeed(), plan.validationFraction(), plan.testFraction());
            }
            outcome = plan.train(trainer, spec.seed(), new EngineListener(context), summary -> { });
        } else {
            outcome = trainOnIdealSet(spec, trainer, context);
        }
        if (outcome.cancelled()) {
            return Outcome.STOPPED;
        }
        Path model = context.workDir().resolve(ARTIFACT);
        ModelStore.save(outcome.model(), model);
        context.publish(ARTIFACT, model);
        return Outcome.COMPLETED;
    }

    private static TrainingOutcome<PrototypicalClassifier> trainOnIdealSet(JobSpec spec, ClassifierTrainer trainer, JobContext context)
            throws IOException {
        LabelledDataSet ideal = DataSetFiles.load(spec.data(TRAIN), "data.train");
        if (!ideal.isLabelled()) {
            throw new IllegalArgumentException("data.train: " + spec.data(TRAIN) + " has no labels; a classifier trains on labelled items");
        }
        return trainer.train(ideal, new EngineListener(context));
    }
}
