package irw.cli;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;
import irw.engine.Backend;
import irw.engine.mic.InversionSettings;
import irw.engine.mic.MicClassification;
import irw.engine.mic.MicModelFiles;
import irw.engine.mic.ModularInverseClassifier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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
        StringBuilder md = new StringBuilder("# MIC classification\n\n");
        md.append(String.format(Locale.ROOT, "- model: %s (training seed %d, %d types per class, %s); %d %s input steps of %s%s; %s%n", model,
                mic.config().seed(), mic.config().types(), mic.config().selection().name().toLowerCase(Locale.ROOT), steps,
                plainGradient ? "gradient" : "Adam", rate,
                noClip ? "" : ", clipped to [0, 1]", Backend.describe()));
        List<String[]> rows = new ArrayList<>();
        List<String[]> predictions = new ArrayList<>();
        for (Map.Entry<String, LabelledDataSet> e : sets.heldOut().entrySet()) {
            LabelledDataSet set = e.getValue();
            long t0 = System.nanoTime();
            MicClassification result = mic.classify(set, settings, p -> { });
            double seconds = (System.nanoTime() - t0) / 1e9;
            ConfusionMatrix after = result.confusion(set.labels());
            ConfusionMatrix before = ConfusionMatrix.of(mic.classes(), set.labels(), result.predictedWithoutInversion());
            System.out.printf(Locale.ROOT, "%s: %d items, accuracy %.4f (%.4f with 0 steps), mean winning MSE %.5f, %.1f s%n", e.getKey(), set.size(),
                    after.accuracy(), before.accuracy(), result.meanWinningError(), seconds);
            md.append(String.format(Locale.ROOT, "%n## %s (%d items, %.1f s)%n%n| class | accuracy | accuracy with 0 steps |%n|---|---|---|%n",
                    e.getKey(), set.size(), seconds));
            md.append(String.format(Locale.ROOT, "| all | %.4f | %.4f |%n", after.accuracy(), before.accuracy()));
            rows.add(row(e.getKey(), "all", after.accuracy(), before.accuracy(), set.size(), mic.config().seed()));
            for (int k = 0; k < mic.classes().size(); k++) {
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", mic.classes().name(k), after.recall(k), before.recall(k)));
                rows.add(row(e.getKey(), mic.classes().name(k), after.recall(k), before.recall(k), set.indicesOfClass(k).length, mic.config().seed()));
            }
            for (int i = 0; i < set.size(); i++) {
                String[] p = new String[4 + mic.classes().size()];
                p[0] = e.getKey();
                p[1] = set.ids().get(i);
                p[2] = mic.classes().name(set.labels()[i]);
                p[3] = mic.classes().name(result.predicted()[i]);
                for (int k = 0; k < mic.classes().size(); k++) {
                    p[4 + k] = String.format(Locale.ROOT, "%.6f", result.errors()[i][k]);
                }
                predictions.add(p);
            }
        }
        writeCsv(out.resolve("summary.csv"), new String[]{"held_out_set", "class", "accuracy", "accuracy_0_steps", "items", "training_seed"}, rows);
        String[] header = new String[4 + mic.classes().size()];
        header[0] = "held_out_set";
        header[1] = "id";
        header[2] = "truth";
        header[3] = "predicted";
        for (int k = 0; k < mic.classes().size(); k++) {
            header[4 + k] = "mse_" + mic.classes().name(k);
        }
        writeCsv(out.resolve("predictions.csv"), header, predictions);
        AtomicFiles.writeString(out.resolve("summary.md"), md.toString());
        System.out.println("wrote " + out.resolve("summary.csv") + ", summary.md and predictions.csv");
        return 0;
    }

    private static String[] row(String set, String cls, double acc, double acc0, int items, long seed) {
        return new String[]{set, cls, String.format(Locale.ROOT, "%.4f", acc), String.format(Locale.ROOT, "%.4f", acc0), String.valueOf(items),
                String.valueOf(seed)};
    }

    private static void writeCsv(Path file, String[] header, List<String[]> rows) throws java.io.IOException {
        AtomicFiles.write(file, raw -> {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder().setHeader(header).get());
            for (String[] r : rows) {
                csv.printRecord((Object[]) r);
            }
            csv.flush();
        });
    }
}
