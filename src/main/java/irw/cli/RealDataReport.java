package irw.cli;

import irw.core.ClassSet;
import irw.core.io.AtomicFiles;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.Verdict;
import irw.experiments.RefinementPhysics;
import irw.experiments.real.LabelledMeasurements;
import irw.experiments.real.RealDataEvaluation;
import org.apache.commons.csv.CSVPrinter;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** evaluate --real: prints every labelled measurement's verdict and the scores, and writes real.csv. */
final class RealDataReport {
    private RealDataReport() {
    }

    static int run(PrototypicalClassifier c, Refiner r, List<Path> folders, Path out) throws Exception {
        List<LabelledMeasurements> sets = new ArrayList<>();
        for (Path f : folders) {
            sets.add(LabelledMeasurements.read(f));
        }
        List<RealDataEvaluation.Row> rows = RealDataEvaluation.run(c, r, sets);
        ClassSet classes = c.classes();
        int unreadable = 0;
        for (RealDataEvaluation.Row row : rows) {
            if (!row.error().isEmpty()) {
                unreadable++;
                System.err.println("unreadable: " + row.error());
                continue;
            }
            System.out.printf(Locale.ROOT, "%-28s %-10s %-22s raw: %-45s %s%s%n", row.entry().file().getFileName(), row.kind(),
                    String.join("+", row.entry().systems()), row.raw().describe(classes), mark(row, row.raw()),
                    row.refined() == null ? "" : "  refined: " + row.refined().describe(classes) + " " + mark(row, row.refined()));
        }
        RealDataEvaluation.Score raw = RealDataEvaluation.score(rows, false);
        System.out.println("raw:     " + raw.summary());
        System.out.println("         recall per class (single phases): " + RealDataEvaluation.recall(raw.confusion()));
        if (r != null) {
            RealDataEvaluation.Score ref = RealDataEvaluation.score(rows, true);
            System.out.println("refined: " + ref.summary());
            List<RealDataEvaluation.Row> refined = rows.stream().filter(row -> row.refinedItem() != null).toList();
            if (!refined.isEmpty()) {
                System.out.println("refined: " + RefinementPhysics.of(refined.stream().map(RealDataEvaluation.Row::rawItem).toArray(float[][]::new),
                        refined.stream().map(RealDataEvaluation.Row::refinedItem).toArray(float[][]::new)).summary());
            }
            int rightToWrong = 0;
            int wrongToRight = 0;
            for (RealDataEvaluation.Row row : rows) {
                if (row.error().isEmpty() && row.entry().labelled() && row.refined() != null) {
                    rightToWrong += row.right(row.raw()) && !row.right(row.refined()) ? 1 : 0;
                    wrongToRight += !row.right(row.raw()) && row.right(row.refined()) ? 1 : 0;
                }
            }
            System.out.println("refined: " + new RefinementPhysics.Flips(rightToWrong, wrongToRight).summary() + " (labelled files)");
        }
        if (out != null) {
            List<String> header = new ArrayList<>(List.of("file", "kind", "truth", "raw_verdict", "raw_predicted", "raw_probability", "raw_right"));
            if (r != null) {
                header.addAll(List.of("refined_verdict", "refined_predicted", "refined_probability", "refined_right"));
            }
            AtomicFiles.write(out.resolve("real.csv"), os -> {
                CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(os, StandardCharsets.UTF_8), EngineCommands.csv(header));
                for (RealDataEvaluation.Row row : rows) {
                    if (!row.error().isEmpty()) {
                        continue;
                    }
                    List<Object> cells = new ArrayList<>(List.of(row.entry().file().getFileName().toString(), row.kind(),
                            String.join("+", row.entry().systems())));
                    add(cells, row, row.raw(), classes);
                    if (r != null) {
                        add(cells, row, row.refined(), classes);
                    }
                    csv.printRecord(cells);
                }
                csv.flush();
            });
            System.out.println("wrote " + out.resolve("real.csv"));
        }
        return unreadable > 0 ? 1 : 0;
    }

    private static void add(List<Object> cells, RealDataEvaluation.Row row, Verdict v, ClassSet classes) {
        cells.add(v.shortLabel(classes));
        cells.add(v.classified() ? classes.name(v.predicted()) : "");
        cells.add(v.classified() ? String.format(Locale.ROOT, "%.4f", v.probability()) : "");
        cells.add(row.entry().labelled() ? Boolean.toString(row.right(v)) : "");
    }

    private static String mark(RealDataEvaluation.Row row, Verdict v) {
        if (!row.entry().labelled()) {
            return v.kind() == Verdict.Kind.CLASS ? "(confident on unlabelled)" : "";
        }
        return row.right(v) ? "right" : v.kind() == Verdict.Kind.CLASS ? "WRONG" : "wrong";
    }
}
