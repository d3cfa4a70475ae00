package irw.cli;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.experiments.GroundTruthDistances;
import irw.experiments.RefinementPhysics;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        int[] rawPredicted = c.classify(raw).predictedLabels();
        ConfusionMatrix rawCm = ConfusionMatrix.of(c.classes(), set.labels(), rawPredicted);
        report(metrics, "raw", rawCm, raw, imp.groundTruth(), c);
        ConfusionMatrix refCm = null;
        if (r != null) {
            float[][] refined = r.refine(raw);
            int[] refinedPredicted = c.classify(refined).predictedLabels();
            refCm = ConfusionMatrix.of(c.classes(), set.labels(), refinedPredicted);
            report(metrics, "refined", refCm, refined, imp.groundTruth(), c);
            RefinementPhysics.Flips flips = RefinementPhysics.Flips.of(set.labels(), rawPredicted, refinedPredicted);
            if (c.preprocessing().grid() != null) { // patterns: the physics of issue 11 (images are kept in [0, 1] by their refiner)
                RefinementPhysics physics = RefinementPhysics.of(raw, refined);
                System.out.println("refined  " + physics.summary());
                metrics.add(new String[]{"refined", "negative values", Long.toString(physics.negativeValues()), ""});
                metrics.add(new String[]{"refined", "cells changed outside the measured range", Long.toString(physics.maskViolations()), ""});
                metrics.add(new String[]{"refined", "patterns rougher than raw", Integer.toString(physics.rougher()), ""});
                metrics.add(new String[]{"refined", "patterns with more high-frequency energy", Integer.toString(physics.hfRaised()), ""});
                metrics.add(new String[]{"refined", "added high-frequency energy (share of raw)", EngineCommands.number(physics.addedHfEnergy()), ""});
            }
            System.out.println("refined  " + flips.summary());
            metrics.add(new String[]{"refined", "flips right to wrong", Integer.toString(flips.rightToWrong()), ""});
            metrics.add(new String[]{"refined", "flips wrong to right", Integer.toString(flips.wrongToRight()), ""});
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
        // Table 4 in model space: the ground truth prepared as the input was, over the measured cells
        Map<String, Double> d = GroundTruthDistances.summarise(items, c.preprocessing().apply(truth));
        for (String name : GroundTruthDistances.DISTANCES) {
            double mean = d.get(name + " mean");
            double median = d.get(name + " median");
            System.out.printf(Locale.ROOT, "%-8s %-3s vs ground truth: mean %.4f median %.4f%n", input, name, mean, median);
            metrics.add(new String[]{input, name.toLowerCase(Locale.ROOT), EngineCommands.number(mean), EngineCommands.number(median)});
        }
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
