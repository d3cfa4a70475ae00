package irw.cli;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.core.data.SoftLabels;
import irw.xrd.synth.TrainingPatternSource;
import java.util.ArrayList;
import java.util.List;
import irw.engine.Checkpointing;
import irw.engine.ClassifierTrainer;
import irw.engine.ClassifierTrainingConfig;
import irw.engine.LibraryTraining;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingOutcome;
import irw.engine.net.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** train classifier|refiner: Algorithm 1 or 2 from the command line, writing a model file. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a prototypical classifier or a refiner and write its model file.",
        subcommands = {TrainCommand.Classifier.class, TrainCommand.RefinerCmd.class})
final class TrainCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static class DataOptions {
        @Option(names = "--data", description = "XRD data-set directory (ideal.npz, imperfect.npz, dataset.json)")
        Path dataDir;
        @Option(names = "--images", description = "IDX image file (digits)")
        Path images;
        @Option(names = "--labels", description = "IDX label file for --images")
        Path labels;
        @Option(names = "--per-class", description = "IDX data: only items FROM:TO (FROM inclusive, TO exclusive) of every class, in file order")
        String perClass;
        @Option(names = "--checkpoint", description = "checkpoint file: resumed from when it exists, rewritten every --checkpoint-every steps")
        Path checkpoint;
        @Option(names = "--checkpoint-every", defaultValue = "100")
        int checkpointEvery;

        EngineCommands.DataSource source() {
            return new EngineCommands.DataSource(dataDir, images, labels, perClassRange(perClass));
        }

        static int[] perClassRange(String text) {
            if (text == null) {
                return null;
            }
            String[] ft = text.split(":");
            try {
                if (ft.length == 2) {
                    return new int[]{Integer.parseInt(ft[0].trim()), Integer.parseInt(ft[1].trim())};
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--per-class must be FROM:TO (e.g. 0:500), got '" + text + "'");
        }

        Checkpointing checkpointing() {
            return checkpoint == null ? null : new Checkpointing(checkpoint, checkpointEvery);
        }
    }

    @Command(name = "classifier", mixinStandardHelpOptions = true,
            description = "Algorithm 1 on the ideal set (the TRAIN split of an XRD data set, or IDX images + labels).")
    static final class Classifier implements Callable<Integer> {
        @CommandLine.Mixin
        DataOptions data;
        @Option(names = "--out", required = true, description = "model file to write")
        Path out;
        @Option(names = "--lambda", defaultValue = "1.0", description = "weight of the prototype loss L_F; 0 = standard classifier (default ${DEFAULT-VALUE})")
        double lambda;
        @Option(names = "--epochs", defaultValue = "10")
        int epochs;
        @Option(names = "--samples-per-class", defaultValue = "8", description = "N_c (default ${DEFAULT-VALUE})")
        int samplesPerClass;
        @Option(names = "--lr", defaultValue = "0.002")
        double learningRate;
        @Option(names = "--seed", defaultValue = "2019")
        long seed;
        @Option(names = "--spec", defaultValue = "small", description = "small, resnet1d, vgg19 or densenet121 (default ${DEFAULT-VALUE})")
        String modelSpec;
        @Option(names = "--steps-per-epoch", defaultValue = "0", description = "0 = |D| / (classes x N_c); with --structures 1000")
        int stepsPerEpoch;
        @CommandLine.ArgGroup(exclusive = false)
        OnTheFly onTheFly;

        /** Training on patterns rendered every step from a structure library (XRD). */
        static final class OnTheFly {
            @Option(names = "--structures", required = true,
                    description = "structure library (CIF, may be .gz): its TRAIN split is rendered afresh every step")
            Path structures;
            @Option(names = "--user-cifs", description = "folder of the lab's own CIF files; all of them join the training structures")
            List<Path> userCifs = new ArrayList<>();
            @Option(names = "--augment", defaultValue = "physical",
                    description = "physical: every draw a fresh measurement (defects, background, noise, partial ranges); "
                            + "measured: as physical but never clean, background and counting noise always (what calibration draws); "
                            + "none: the ideal patterns only, the paper's protocol (default ${DEFAULT-VALUE})")
            String augment;
            @Option(names = "--balance", defaultValue = "0.5",
                    description = "classes drawn with probability ~ count^balance (1: as the library has them, 0: all alike; default ${DEFAULT-VALUE})")
            double balance;
            @Option(names = "--rendering", defaultValue = "reflections",
                    description = "reflections: varied patterns from each structure's cached reflection families (no structure factors per draw; 2.5x fewer CPU seconds a draw); "
                            + "simulation: every draw simulated afresh from the structure (default ${DEFAULT-VALUE})")
            String rendering;
            @Option(names = "--split-seed", defaultValue = "2019", description = "seed of the structure split (default ${DEFAULT-VALUE}, as dataset xrd)")
            long splitSeed;
            @Option(names = "--test-fraction", defaultValue = "0.1")
            double testFraction;
            @Option(names = "--validation-fraction", defaultValue = "0.1",
                    description = "structures held out to calibrate the probabilities (default ${DEFAULT-VALUE})")
            double validationFraction;
        }

        @Override
        public Integer call() throws Exception {
            if (onTheFly != null) {
                return trainOnTheFly();
            }
            LabelledDataSet ideal = data.source().idealTrain();
            ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(lambda, epochs, samplesPerClass, learningRate, seed,
                    ModelSpec.parse(modelSpec), ClassifierTrainingConfig.PAPER_MOMENTUM, stepsPerEpoch);
            System.out.printf("training %s classifier on %d items, %s, seed %d%n", cfg.modelSpec().id(), ideal.size(), ideal.classes().names(), seed);
            ClassifierTrainer trainer = new ClassifierTrainer(cfg);
            if (data.checkpointing() != null) {
                trainer.withCheckpoint(data.checkpointing());
            }
            long t0 = System.nanoTime();
            TrainingOutcome<PrototypicalClassifier> r = trainer.train(ideal, EngineCommands.progress("classifier", 20));
            ModelStore.save(r.model(), out);
            System.out.printf("wrote %s (%d parameters, %d steps, %.1f s)%n", out, r.model().parameterCount(), r.steps(),
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }

        private Integer trainOnTheFly() throws Exception {
            ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(lambda, epochs, samplesPerClass, learningRate, seed,
                    ModelSpec.parse(modelSpec), ClassifierTrainingConfig.PAPER_MOMENTUM, stepsPerEpoch);
            LibraryTraining plan = new LibraryTraining(onTheFly.structures, onTheFly.userCifs,
                    TrainingPatternSource.Augmentation.parse(onTheFly.augment), onTheFly.balance, onTheFly.splitSeed,
                    onTheFly.validationFraction, onTheFly.testFraction, TrainingPatternSource.Rendering.parse(onTheFly.rendering));
            ClassifierTrainer trainer = new ClassifierTrainer(cfg);
            if (data.checkpointing() != null) {
                trainer.withCheckpoint(data.checkpointing());
            }
            long t0 = System.nanoTime();
            TrainingOutcome<PrototypicalClassifier> r = plan.train(trainer, seed, EngineCommands.progress("classifier", 20), summary -> {
                summary.skipped().forEach(why -> System.err.println("skipped: " + why));
                System.out.printf("training %s classifier on %d library structures + %d of the lab's own, %s variation (%s), class balance %.2f, "
                                + "%d x %d steps of %d, seed %d (split seed %d)%n", cfg.modelSpec().id(), summary.libraryStructures(),
                        summary.ownStructures(), plan.augmentation().label(), plan.rendering().label(), plan.balance(), epochs, stepsPerEpoch > 0 ? stepsPerEpoch : 1000,
                        ClassSet.CRYSTAL_SYSTEMS.size() * samplesPerClass, seed, plan.splitSeed());
            });
            ModelStore.save(r.model(), out);
            System.out.printf("wrote %s (%d parameters, %d steps, %.1f s); calibration %s%n", out, r.model().parameterCount(), r.steps(),
                    (System.nanoTime() - t0) / 1e9, r.model().calibration());
            return 0;
        }
    }

    @Command(name = "refiner", mixinStandardHelpOptions = true,
            description = "Algorithm 2 through a frozen classifier, on the imperfect set (the training half of an XRD data set's imperfect patterns, or IDX images + labels).")
    static final class RefinerCmd implements Callable<Integer> {
        @CommandLine.Mixin
        DataOptions data;
        @Option(names = "--model", required = true, description = "the classifier model file")
        Path model;
        @Option(names = "--out", required = true, description = "refiner model file to write")
        Path out;
        @Option(names = "--alpha", defaultValue = "0.01", description = "weight of l_reg (default ${DEFAULT-VALUE})")
        double alpha;
        @Option(names = "--beta", defaultValue = "1.0", description = "weight of l_proto (default ${DEFAULT-VALUE})")
        double beta;
        @Option(names = "--non-targeted", description = "train without labels (entropy losses)")
        boolean nonTargeted;
        @Option(names = "--p", defaultValue = "1", description = "norm of l_reg: 1 or 2")
        int p;
        @Option(names = "--feature-reg", description = "l_reg on the classifier's first-layer features instead of the raw input")
        boolean featureReg;
        @Option(names = "--epochs", defaultValue = "10")
        int epochs;
        @Option(names = "--batch", defaultValue = "32")
        int batch;
        @Option(names = "--lr", defaultValue = "0.001")
        double learningRate;
        @Option(names = "--seed", defaultValue = "2019")
        long seed;
        @Option(names = "--steps-per-epoch", defaultValue = "0", description = "0 = |D_imp| / batch")
        int stepsPerEpoch;
        @Option(names = "--soft-labels", paramLabel = "FILE", description = "targeted refinement towards refined labels (a Label Refinery "
                + "job's soft-labels.csv) instead of one-hot labels; an item the file does not hold takes its class's mean soft label")
        Path softLabels;

        @Override
        public Integer call() throws Exception {
            PrototypicalClassifier classifier = ModelStore.loadClassifier(model);
            LabelledDataSet imperfect = data.source().imperfect(EngineCommands.Part.TRAIN);
            float[][] targets = null;
            if (softLabels != null) {
                if (nonTargeted) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                            "--soft-labels are the targets of targeted refinement; --non-targeted uses no labels");
                }
                SoftLabels.Targets t = SoftLabels.read(softLabels).targetsFor(imperfect);
                System.out.println("soft labels from " + softLabels + ": " + t.summary());
                targets = t.rows();
            }
            RefinerTrainingConfig cfg = new RefinerTrainingConfig(alpha, beta, !nonTargeted, p, featureReg, epochs, batch, learningRate, seed,
                    stepsPerEpoch);
            System.out.printf("training %s refiner on %d imperfect items, alpha %.4g beta %.4g, seed %d%n",
                    nonTargeted ? "non-targeted" : "targeted", imperfect.size(), alpha, beta, seed);
            RefinerTrainer trainer = new RefinerTrainer(cfg);
            if (data.checkpointing() != null) {
                trainer.withCheckpoint(data.checkpointing());
            }
            long t0 = System.nanoTime();
            TrainingOutcome<Refiner> r = trainer.train(classifier, imperfect, targets, EngineCommands.progress("refiner", 20));
            ModelStore.save(r.model(), out);
            System.out.printf("wrote %s (%d parameters, %d steps, %.1f s)%n", out, r.model().parameterCount(), r.steps(),
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }
}
