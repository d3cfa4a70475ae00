package irw.cli;

import irw.core.ConfusionMatrix;
import irw.core.PatternMetrics;
import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * evaluate: accuracy of the frozen classifier on raw vs refined items, quality against the ground
 * truth (XRD: l1, l2, KL, NCC, mean and median, as the paper's Table 4) and confusion matrices.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Accuracy raw vs refined, l1/l2/KL/NCC against the ground truth (XRD data sets) and confusion matrices.")
final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    TrainCommand.DataOptions data;
    @Option(names = "--model", required = true, description = "classifier model file")
    Path model;
    @Option(names = "--refiner", description = "refiner model file")
    Path refiner;
    @Option(names = "--part", defaultValue = "test", description = "XRD patterns to score: test (the imperfect half the refiner did not train on), train, all, or ideal (the ideal patterns of the held-out structures; default ${DEFAULT-VALUE})")
    String part;
    @Option(names = "--out", description = "directory for metrics.csv and confusion-*.csv")
    Path out;
    @Option(names = "--real", description = "folder of real measurements with a labels.csv (file, crystal_system or crystal_systems); "
            + "may be given several times; replaces --data")
    List<Path> real = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(model);
        Refiner r = refiner == null ? null : ModelStore.loadRefiner(refiner);
        if (r != null) {
            EngineCommands.checkCompatible(c, r, refiner);
        }
        if (!real.isEmpty()) {
            return RealDataReport.run(c, r, real, out);
        }
        EngineCommands.Imperfect imp = data.source().imperfectWithTruth(EngineCommands.Part.parse(part));
        LabelledDataSet set = imp.items();
        float[][] raw = c.preprocessing().apply(set.items());
        List<String[]> metrics = new ArrayList<>();
        System.out.printf("%d items, %d classes%n", set.size(), c.classes().size());
        ConfusionMatrix rawCm = ConfusionMatrix.of(c.classes(), set.labels(), c.classify(raw).predictedLabels());
        report(metrics, "raw", rawCm, raw, imp.groundTruth(), c);
        ConfusionMatrix refCm = null;
        if (r != null) {
            float[][] refined = r.refine(raw);
            refCm = ConfusionMatrix.of(c.classes(), set.labels(), c.classify(refined).predictedLabels());
            report(metrics, "refined", refCm, refined, imp.groundTruth(), c);
        }
        if (out != null) {
            writeRows(out.resolve("metrics.csv"), List.of("input", "metric", "mean", "median"), metrics);
            writeConfusion(out.resolve("confusion-raw.csv"), rawCm);
            if (refCm != null) {
                writeConfusion(out.resolve("confusion-refined.csv"), refCm);
            }
            System.out.println("wrote " + out.resolve("metrics.csv") + " and confusion matrices");
        }
        return 0;
    }

    private static void report(List<String[]> metrics, String input, ConfusionMatrix cm, float[][] items, float[][] truth, PrototypicalClassifier c) {
        System.out.printf(Locale.ROOT, "%-8s accuracy %.4f%n", input, cm.accuracy());
        metrics.add(new String[]{input, "accuracy", EngineCommands.number(cm.accuracy()), ""});
        if (truth == null) {
            return;
        }
        float[][] t = c.preprocessing().apply(truth);
        String[] names = {"l1", "l2", "kl", "ncc"};
        for (int m = 0; m < names.length; m++) {
            double[] v = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                double[] a = doubles(items[i]);
                double[] b = doubles(t[i]);
                v[i] = switch (m) {
                    case 0 -> PatternMetrics.l1(a, b);
                    case 1 -> PatternMetrics.l2(a, b);
                    case 2 -> PatternMetrics.klDivergence(b, a);
                    default -> PatternMetrics.ncc(a, b);
                };
            }
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            System.out.printf(Locale.ROOT, "%-8s %-3s vs ground truth: mean %.4f median %.4f%n", input, names[m], mean, median);
            metrics.add(new String[]{input, names[m], EngineCommands.number(mean), EngineCommands.number(median)});
        }
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void writeConfusion(Path file, ConfusionMatrix cm) throws IOException {
        List<String> header = new ArrayList<>(List.of("truth\\predicted"));
        header.addAll(cm.classes().names());
        List<String[]> rows = new ArrayList<>();
        for (int t = 0; t < cm.classes().size(); t++) {
            String[] row = new String[header.size()];
            row[0] = cm.classes().name(t);
            for (int p = 0; p < cm.classes().size(); p++) {
                row[p + 1] = Long.toString(cm.count(t, p));
            }
            rows.add(row);
        }
        writeRows(file, header, rows);
    }

    private static void writeRows(Path file, List<String> header, List<String[]> rows) throws IOException {
        AtomicFiles.write(file, os -> {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(os, StandardCharsets.UTF_8), EngineCommands.csv(header));
            for (String[] row : rows) {
                csv.printRecord((Object[]) row);
            }
            csv.flush();
        });
    }
}
