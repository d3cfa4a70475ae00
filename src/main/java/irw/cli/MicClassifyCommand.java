package irw.cli;

import irw.core.data.LabelledDataSet;
import irw.engine.mic.InversionSettings;
import irw.engine.mic.MicModelFiles;
import irw.engine.mic.ModularInverseClassifier;
import irw.service.LearningData;
import irw.service.MicReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code irw mic classify}: inverse classification of a held-out set with a trained model. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify the held-out items by inverting every class generator and picking the smallest reconstruction error; "
                + "writes summary.csv (per-class accuracy, with and without the input gradient steps), summary.md and predictions.csv.")
final class MicClassifyCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model directory written by 'mic train'")
    Path model;
    @Option(names = "--data", required = true, description = "digits or xrd")
    String data;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the data lie (default: sample-data/mnist or sample-data/datasets/xrd)")
    Path dataDir;
    @Option(names = "--test-per-class", defaultValue = "0", description = "classify the first N held-out items of each class (default: all)")
    int testPerClass;
    @Option(names = "--steps", defaultValue = "50", description = "gradient steps on the input (default ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--rate", defaultValue = "0.05", description = "step size on the input (default ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--plain-gradient", description = "move the input by rate x gradient instead of Adam's normalised step (needs a much larger --rate)")
    boolean plainGradient;
    @Option(names = "--no-clip", description = "let the input leave [0, 1]")
    boolean noClip;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModularInverseClassifier mic = MicModelFiles.load(model);
        LearningData sets = LearningData.load(data, dataDir, 0, testPerClass);
        InversionSettings settings = new InversionSettings(steps, rate, !noClip, !plainGradient);
        List<MicReport.SetResult> results = new ArrayList<>();
        for (Map.Entry<String, LabelledDataSet> e : sets.heldOut().entrySet()) {
            LabelledDataSet set = e.getValue();
            long t0 = System.nanoTime();
            MicReport.SetResult r = new MicReport.SetResult(e.getKey(), set, mic.classify(set, settings, p -> { }), (System.nanoTime() - t0) / 1e9);
            results.add(r);
            System.out.printf(Locale.ROOT, "%s: %d items, accuracy %.4f (%.4f with 0 steps), mean winning MSE %.5f, %.1f s%n", e.getKey(), set.size(),
                    r.confusion().accuracy(), r.confusionWithoutInversion().accuracy(), r.result().meanWinningError(), r.seconds());
        }
        MicReport.writeClassification(mic, model.toString(), settings, results, out);
        System.out.println("wrote " + out.resolve(MicReport.SUMMARY_CSV) + ", " + MicReport.SUMMARY_MD + " and " + MicReport.PREDICTIONS);
        return 0;
    }
}
