package irw.experiments.compare;

import irw.experiments.compare.ComparedMethod.Domain;
import irw.experiments.plot.BarChart;
import irw.experiments.report.MarkdownReport;
import irw.experiments.report.MeanStd;
import irw.experiments.report.MeasurementLog;
import irw.experiments.report.ResultTable;
import irw.experiments.report.ResultTable.Column;
import irw.experiments.report.RunInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The comparison's report: per held-out set a table of every method (accuracy, the paired gain over the
 * baseline, distances to the ground truth where there is one, time per item), training cost per domain, soft
 * against hard labels, a bar chart per set, the verdict per set, and {@code runs.csv} with every per-seed number.
 */
final class ComparisonReport {
    static final String RUNS = "runs.csv";

    /** A domain and the sets it is scored on. */
    record Section(Domain domain, List<HeldOutSet> sets) {
    }

    private final MeasurementLog log;
    private final RunInfo info;
    private final List<Section> sections;

    ComparisonReport(MeasurementLog log, RunInfo info, List<Section> sections) {
        this.log = log;
        this.info = info;
        this.sections = List.copyOf(sections);
    }

    Path write(Path dir) throws IOException {
        MarkdownReport md = new MarkdownReport(dir, "Every method side by side: imitation refinement, DWT, Label Refinery, MIC, search-match");
        md.paragraph("Each method trains on the same ideal set (typeset digits; simulated ideal XRD patterns of the training structures) and, "
                + "where it uses them, the same labelled imperfect items, and is scored on the same held-out items with the same seeds. "
                + "Accuracy is top-1 (a refused or unmatched item counts as wrong); \"gain\" is the per-seed difference to the baseline "
                + "(paired by seed), in percentage points. Times are per item of the set (use) and per method (training), wall-clock and "
                + "process CPU; on a shared machine wall time overstates.");
        info.writeTo(md);
        md.heading(2, "Verdict: which method wins where");
        md.bullets(verdicts());
        int figure = 0;
        for (Section s : sections) {
            md.heading(2, s.domain().label());
            for (HeldOutSet set : s.sets()) {
                md.heading(3, set.name() + " (" + set.size() + " items)");
                md.table(table(s.domain(), set), csvName(set.name()));
                BarChart chart = new BarChart(s.domain().label() + ", " + set.name() + ": accuracy", "accuracy (%)");
                boolean any = false;
                for (ComparedMethod m : ComparedMethod.values()) {
                    Optional<MeanStd> a = log.stat(m.label(), set.name(), ComparedMethod.ACCURACY);
                    if (a.isPresent()) {
                        chart.add(m.name().toLowerCase(Locale.ROOT).replace('_', ' '), 100 * a.get().mean(),
                                Double.isNaN(a.get().std()) ? 0 : 100 * a.get().std(), Double.NaN);
                        any = true;
                    }
                }
                if (any) {
                    md.figure(chart.yRange(0, 100).render(), "accuracy-" + (++figure) + ".png",
                            s.domain().label() + ", " + set.name() + ": accuracy per method, mean ± std over the seeds");
                }
            }
            md.heading(3, "Training cost");
            md.table(trainingTable(s.domain()), "training-" + s.domain().name().toLowerCase(Locale.ROOT) + ".csv");
            md.heading(3, "Soft against hard labels (targeted refinement)");
            md.table(softTable(s), "soft-labels-" + s.domain().name().toLowerCase(Locale.ROOT) + ".csv");
        }
        md.heading(2, "What each method is");
        md.bullets(List.of(
                "baseline: the prototypical classifier (Algorithm 1) trained on the ideal set, applied to the raw (preprocessed) input",
                "DWT: the same classifier on wavelet-denoised input (db4, 4 levels, hard universal threshold; for digits over the raster "
                        + "as one 784-value signal, where it is not a natural fit)",
                "imitation refinement: the U-Net refiner (Algorithm 2) trained through the frozen baseline on the labelled imperfect items "
                        + "(targeted: with their labels; non-targeted: without), the baseline then classifies the refined input",
                "targeted with soft labels: the same refiner, its targets the final Label Refinery round's refined labels (an imperfect item "
                        + "takes its class's mean soft label: the refinery saw only ideal items)",
                "Label Refinery: the baseline is model 0; each round trains a fresh classifier on the previous model's softmax outputs on the "
                        + "ideal set; the final round classifies the raw input",
                "MIC: one generative LSTM per class learns 4 types (clustered; fewer when a class of the ideal set has fewer items) of the ideal set; an item goes to the class whose generator "
                        + "reconstructs it best after input steps",
                "search-match (XRD): the crystal system of the best-matching structure of the bundled AMCSD library (no training)"));
        log.writeCsv(dir.resolve(RUNS));
        md.paragraph("Every per-seed number: [" + RUNS + "](" + RUNS + ").");
        return md.write();
    }

    private ResultTable table(Domain domain, HeldOutSet set) {
        boolean truth = set.groundTruth() != null;
        List<Column> cols = new ArrayList<>(List.of(Column.text("method"), Column.percent("accuracy"), Column.percent("gain over baseline")));
        if (truth) {
            cols.add(Column.number("l1 to truth", 4));
            cols.add(Column.number("NCC to truth", 4));
        }
        cols.add(Column.number("use wall ms/item", 2));
        cols.add(Column.number("use CPU ms/item", 2));
        ResultTable t = new ResultTable(domain.label() + ", " + set.name(), cols);
        String base = ComparedMethod.BASELINE.label();
        for (ComparedMethod m : ComparedMethod.values()) {
            if (!m.appliesTo(domain) || log.stat(m.label(), set.name(), ComparedMethod.ACCURACY).isEmpty()) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(m.label());
            row.add(log.stat(m.label(), set.name(), ComparedMethod.ACCURACY));
            row.add(m == ComparedMethod.BASELINE ? null : log.pairedGain(m.label(), base, set.name(), ComparedMethod.ACCURACY));
            if (truth) {
                row.add(log.stat(m.label(), set.name(), "l1 mean"));
                row.add(log.stat(m.label(), set.name(), "NCC mean"));
            }
            row.add(log.stat(m.label(), set.name(), ComparedMethod.USE_WALL));
            row.add(log.stat(m.label(), set.name(), ComparedMethod.USE_CPU));
            t.row(row.toArray());
        }
        return t;
    }

    private ResultTable trainingTable(Domain domain) {
        ResultTable t = new ResultTable(domain.label() + ": training time per method and seed",
                List.of(Column.text("method"), Column.number("train wall s", 1), Column.number("train CPU s", 1), Column.text("what it includes")));
        for (ComparedMethod m : ComparedMethod.values()) {
            if (log.stat(m.label(), domain.label(), ComparedMethod.TRAIN_WALL).isEmpty()) {
                continue;
            }
            String includes = switch (m) {
                case BASELINE -> "the classifier";
                case DWT -> "the classifier (DWT learns nothing)";
                case TARGETED, NON_TARGETED -> "the refiner (the classifier is the baseline's)";
                case TARGETED_SOFT -> "the Label Refinery rounds and the refiner";
                case LABEL_REFINERY -> "model 0 (the baseline) and every round";
                case MIC -> "every class generator";
                case SEARCH_MATCH -> "nothing (the library's cache is built once per installation)";
            };
            t.row(m.label(), log.stat(m.label(), domain.label(), ComparedMethod.TRAIN_WALL),
                    log.stat(m.label(), domain.label(), ComparedMethod.TRAIN_CPU), includes);
        }
        return t;
    }

    private ResultTable softTable(Section s) {
        ResultTable t = new ResultTable(s.domain().label() + ": targeted refinement towards Label Refinery's soft labels vs one-hot labels",
                List.of(Column.text("set"), Column.percent("hard labels"), Column.percent("soft labels"), Column.percent("soft − hard (paired)")));
        for (HeldOutSet set : s.sets()) {
            t.row(set.name(), log.stat(ComparedMethod.TARGETED.label(), set.name(), ComparedMethod.ACCURACY),
                    log.stat(ComparedMethod.TARGETED_SOFT.label(), set.name(), ComparedMethod.ACCURACY),
                    log.pairedGain(ComparedMethod.TARGETED_SOFT.label(), ComparedMethod.TARGETED.label(), set.name(), ComparedMethod.ACCURACY));
        }
        return t;
    }

    /**
     * One line per set: the most accurate method, and whether its lead is consistent (its paired gain over the
     * runner-up exceeds that gain's spread over the seeds) or within the noise.
     */
    List<String> verdicts() {
        List<String> lines = new ArrayList<>();
        for (Section s : sections) {
            for (HeldOutSet set : s.sets()) {
                List<ComparedMethod> ranked = new ArrayList<>();
                for (ComparedMethod m : ComparedMethod.values()) {
                    if (log.stat(m.label(), set.name(), ComparedMethod.ACCURACY).isPresent()) {
                        ranked.add(m);
                    }
                }
                if (ranked.isEmpty()) {
                    continue;
                }
                ranked.sort((a, b) -> Double.compare(mean(b, set), mean(a, set)));
                ComparedMethod best = ranked.get(0);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s, %s: **%s** %.1f %%", s.domain().label(), set.name(),
                        best.label(), 100 * mean(best, set)));
                if (ranked.size() > 1) {
                    ComparedMethod second = ranked.get(1);
                    Optional<MeanStd> lead = log.pairedGain(best.label(), second.label(), set.name(), ComparedMethod.ACCURACY);
                    boolean consistent = lead.isPresent() && lead.get().n() > 1 && lead.get().mean() > lead.get().std();
                    line.append(String.format(Locale.ROOT, "; runner-up %s %.1f %% (lead %s)", second.label(), 100 * mean(second, set),
                            lead.map(g -> g.formatPercent(1) + (consistent ? ", consistent over the seeds" : ", within the seed-to-seed spread"))
                                    .orElse("n/a")));
                }
                if (best != ComparedMethod.BASELINE) {
                    log.pairedGain(best.label(), ComparedMethod.BASELINE.label(), set.name(), ComparedMethod.ACCURACY)
                            .ifPresent(g -> line.append("; over the baseline ").append(g.formatPercent(1)));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private double mean(ComparedMethod m, HeldOutSet set) {
        return log.stat(m.label(), set.name(), ComparedMethod.ACCURACY).map(MeanStd::mean).orElse(Double.NaN);
    }

    private static String csvName(String setName) {
        return "accuracy-" + setName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".csv";
    }
}
