package irw.cli;

import irw.engine.Backend;
import irw.engine.mic.MicConfig;
import irw.engine.mic.MicModelFiles;
import irw.engine.mic.MicTrainer;
import irw.engine.mic.ModularInverseClassifier;
import irw.engine.mic.TypeSelection;
import irw.service.LearningData;
import irw.service.MicReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code irw mic train}: the class generators, written to a model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one generative LSTM per class on a few chosen items of the class (its types) and write them to DIR.")
final class MicTrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "digits (MNIST IDX files) or xrd (an XRD data-set directory)")
    String data;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the data lie (default: sample-data/mnist or sample-data/datasets/xrd)")
    Path dataDir;
    @Option(names = "--types", defaultValue = "4", description = "training items (types) per class, one one-hot input each (default ${DEFAULT-VALUE})")
    int types;
    @Option(names = "--selection", defaultValue = "clustered", description = "clustered (k-means) or random (default ${DEFAULT-VALUE})")
    String selection;
    @Option(names = "--hidden", defaultValue = "20", description = "LSTM cells per generator (default ${DEFAULT-VALUE})")
    int hidden;
    @Option(names = "--iterations", defaultValue = "1000", description = "Adam steps per generator (default ${DEFAULT-VALUE})")
    int iterations;
    @Option(names = "--copies", defaultValue = "8", description = "noisy copies of each type per step (default ${DEFAULT-VALUE})")
    int copies;
    @Option(names = "--lr", defaultValue = "0.01", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double learningRate;
    @Option(names = "--noise-in", defaultValue = "0.2", description = "input noise standard deviation (default ${DEFAULT-VALUE})")
    double noiseIn;
    @Option(names = "--noise-out", defaultValue = "0.1", description = "target noise standard deviation (default ${DEFAULT-VALUE})")
    double noiseOut;
    @Option(names = "--chunk", defaultValue = "50", description = "values per step for 1-D patterns (default ${DEFAULT-VALUE})")
    int chunk;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--train-per-class", defaultValue = "0", description = "choose the types among the first N items of each class (default: all)")
    int trainPerClass;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model directory to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        LearningData sets = LearningData.load(data, dataDir, trainPerClass, 0);
        MicConfig config = new MicConfig(types, TypeSelection.parse(selection), hidden, iterations, copies, learningRate, noiseIn, noiseOut, chunk, seed);
        System.out.printf(Locale.ROOT, "mic train on %s: %d classes, %d types each from %d items; %s; seed %d%n", sets.kind(),
                sets.train().classes().size(), types, sets.train().size(), Backend.describe(), seed);
        long t0 = System.nanoTime();
        ModularInverseClassifier model = new MicTrainer(config).train(sets.train(), p -> {
            if (p.step() % config.iterations() == 0) {
                System.out.printf(Locale.ROOT, "class %s: noisy-batch MSE %.5f after %d steps%n", sets.train().classes().name(p.position().classIndex()), p.value("loss"),
                        config.iterations());
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        MicModelFiles.save(model, out);
        MicReport.writeTraining(sets, model, seconds, out);
        System.out.printf(Locale.ROOT, "wrote the model to %s (%.1f s)%n", out, seconds);
        return 0;
    }
}
