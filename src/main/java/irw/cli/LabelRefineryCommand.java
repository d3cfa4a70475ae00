package irw.cli;

import irw.engine.Backend;
import irw.engine.net.ModelSpec;
import irw.engine.refinery.LabelRefinery;
import irw.engine.refinery.RefineryConfig;
import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;
import irw.engine.refinery.RefineryOutcome;
import irw.service.LearningData;
import irw.service.RefineryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code irw label-refinery}: model 0 on hard labels, then K rounds on the previous model's softmax outputs. */
@Command(name = "label-refinery", mixinStandardHelpOptions = true,
        description = "Label Refinery: train model 0 on the ground truth, then K fresh models each on the previous model's softmax "
                + "outputs; writes summary.csv and summary.md (held-out accuracy per round, seeds) into DIR.")
final class LabelRefineryCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "digits (MNIST IDX files) or xrd (an XRD data-set directory)")
    String data;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the data lie (default: sample-data/mnist or sample-data/datasets/xrd)")
    Path dataDir;
    @Option(names = "--rounds", defaultValue = "3", description = "refinery rounds K after model 0 (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--epochs", defaultValue = "5", description = "epochs per model (default ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--samples-per-class", defaultValue = "8", description = "N_c: items of every class per step (default ${DEFAULT-VALUE})")
    int samplesPerClass;
    @Option(names = "--spec", defaultValue = "small", description = "classifier network: small, resnet1d, vgg19, densenet121, vgg2d "
            + "(default ${DEFAULT-VALUE})")
    String spec;
    @Option(names = "--lambda", defaultValue = "0", description = "weight of the prototype loss L_F (default ${DEFAULT-VALUE}: the paper's "
            + "plain cross-entropy)")
    double lambda;
    @Option(names = "--steps-per-epoch", defaultValue = "0", description = "steps per epoch (default: |D| / (classes × N_c))")
    int stepsPerEpoch;
    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double learningRate;
    @Option(names = "--train-per-class", defaultValue = "0", description = "use the first N training items of each class (default: all)")
    int trainPerClass;
    @Option(names = "--test-per-class", defaultValue = "0", description = "use the first N held-out items of each class (default: all)")
    int testPerClass;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        LearningData sets = LearningData.load(data, dataDir, trainPerClass, testPerClass);
        RefineryConfig config = new RefineryConfig(rounds, epochs, samplesPerClass, ModelSpec.parse(spec), lambda, learningRate, seed, stepsPerEpoch);
        System.out.printf(Locale.ROOT, "label-refinery on %s: %d training items, held out %s; %s; seed %d%n", sets.kind(), sets.train().size(),
                RefineryReport.sizes(sets), Backend.describe(), seed);
        long t0 = System.nanoTime();
        RefineryOutcome outcome = new LabelRefinery(config).run(sets.train(), sets.heldOut(), new TrainingListener() {
            @Override
            public void onMetrics(TrainingMetrics m) {
            }

            @Override
            public void onEvaluation(TrainingMetrics e) {
                int round = e.position().round();
                System.out.printf(Locale.ROOT, "round %d (seed %d): %s%n", round, config.roundSeed(round), new java.util.TreeMap<>(e.values()));
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        RefineryReport.write(sets, outcome, seconds, out);
        System.out.println("wrote " + out.resolve(RefineryReport.CSV) + " and " + RefineryReport.MARKDOWN);
        return 0;
    }
}
