package irw.experiments.digits;

import irw.core.ConfusionMatrix;
import irw.experiments.PaperReference;
import irw.experiments.plot.ConfusionMatrixImage;
import irw.experiments.plot.ImageGrid;
import irw.experiments.plot.LineChart;
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

import static irw.experiments.digits.DigitsMethod.ACCURACY;

/**
 * Assembles the digits report (Fig. 7 of Bai et al. 2019: MNIST test accuracy vs the number N of
 * MNIST training examples per class) from the measurements of a run. Pure: trains nothing.
 */
public final class DigitsReport {
    private final MeasurementLog log;
    private final RunInfo info;
    private final int[] ns;
    private ConfusionMatrix rawConfusion;
    private ConfusionMatrix refinedConfusion;
    private int confusionN;
    private final List<float[][]> gridRows = new ArrayList<>();
    private final List<String> gridLabels = new ArrayList<>();
    private final List<String> differences = new ArrayList<>();

    public DigitsReport(MeasurementLog log, RunInfo info, int[] ns) {
        this.log = log;
        this.info = info;
        this.ns = ns.clone();
    }

    /** Confusion matrices of raw and targeted-refined test digits at one N, summed over seeds. */
    public DigitsReport confusion(int n, ConfusionMatrix raw, ConfusionMatrix refined) {
        this.confusionN = n;
        this.rawConfusion = raw;
        this.refinedConfusion = refined;
        return this;
    }

    /** One row of 28×28 digits for the Fig. 6-style picture. */
    public DigitsReport digitRow(String label, float[][] images) {
        gridLabels.add(label);
        gridRows.add(images);
        return this;
    }

    public DigitsReport difference(String text) {
        differences.add(text);
        return this;
    }

    public Path write(Path dir) throws IOException {
        MarkdownReport r = new MarkdownReport(dir, "Imitation refinement on handwritten digits: reproduction of Bai et al. (AAAI 2019), Fig. 7");
        r.paragraph("The classifier is trained on typeset (ideal) digits only and then frozen. The refiner is trained on the first "
                + "N MNIST training digits of each class and evaluated on the MNIST test digits. Raw per-seed numbers: [runs.csv](runs.csv).");
        info.writeTo(r);
        log.writeCsv(dir.resolve("runs.csv"));

        r.heading(2, "Baselines without refinement");
        ResultTable base = new ResultTable("Classifier trained on typeset digits, tested on raw MNIST", List.of(
                Column.text("classifier"), Column.percent("ours"), Column.percent("paper")));
        base.row("prototypical (the baseline of Fig. 7)", log.stat(DigitsMethod.BASELINE.label(), ACCURACY), PaperReference.DIGITS_BASELINE_PROTO);
        base.row("standard (λ = 0)", log.stat(DigitsMethod.BASELINE_STANDARD.label(), ACCURACY), PaperReference.DIGITS_BASELINE_STANDARD);
        r.table(base, "baselines.csv");

        r.heading(2, "Fig. 7: accuracy vs examples per class");
        List<Column> cols = List.of(Column.text("N per class"), Column.percent(DigitsMethod.SCRATCH.label()),
                Column.percent(DigitsMethod.TARGETED.label()), Column.percent(DigitsMethod.NON_TARGETED.label()),
                Column.percent("targeted − baseline"), Column.percent("non-targeted − baseline"));
        ResultTable t = new ResultTable("MNIST test accuracy (the baseline does not depend on N)", cols);
        for (int n : ns) {
            String c = DigitsMethod.condition(n);
            t.row(Integer.toString(n), stat(DigitsMethod.SCRATCH, c), stat(DigitsMethod.TARGETED, c), stat(DigitsMethod.NON_TARGETED, c),
                    gainOverBaseline(DigitsMethod.TARGETED, c), gainOverBaseline(DigitsMethod.NON_TARGETED, c));
        }
        r.table(t, "fig7.csv");
        r.figure(fig7(), "fig7.png", "Accuracy vs N (log scale), mean ± 1 std over seeds; dashed: our baseline (band = ± 1 std) and the paper's 77.57 %");

        r.heading(2, "Physical refined digits (issue 11: no speckle, no invented strokes)");
        ResultTable phys = new ResultTable("Total variation of the refined test digits over the raw ones (≤ 1: no speckle added), share of "
                + "digits whose TV rose, and ink added more than 2 px from the raw ink (fraction of the raw ink)", List.of(Column.text("N per class"),
                Column.number("targeted TV ratio", 3), Column.percent("targeted: TV rose"), Column.number("targeted far ink", 4),
                Column.number("non-targeted TV ratio", 3), Column.percent("non-targeted: TV rose"), Column.number("non-targeted far ink", 4)));
        for (int n : ns) {
            String c = DigitsMethod.condition(n);
            phys.row(Integer.toString(n), log.stat(DigitsMethod.TARGETED.label(), c, DigitsMethod.TV_RATIO),
                    log.stat(DigitsMethod.TARGETED.label(), c, DigitsMethod.TV_ROSE), log.stat(DigitsMethod.TARGETED.label(), c, DigitsMethod.FAR_INK),
                    log.stat(DigitsMethod.NON_TARGETED.label(), c, DigitsMethod.TV_RATIO),
                    log.stat(DigitsMethod.NON_TARGETED.label(), c, DigitsMethod.TV_ROSE),
                    log.stat(DigitsMethod.NON_TARGETED.label(), c, DigitsMethod.FAR_INK));
        }
        r.table(phys, "physics.csv");

        if (!gridRows.isEmpty()) {
            r.heading(2, "Refined digits (cf. Fig. 6)");
            r.figure(ImageGrid.render(gridRows, gridLabels, 28, 28, 3), "digits.png", "MNIST test digits, raw and refined");
        }
        if (rawConfusion != null) {
            r.heading(2, "Confusion matrices at N = " + confusionN + " (summed over seeds)");
            r.figure(ConfusionMatrixImage.render(rawConfusion, "raw MNIST test digits"), "confusion-raw.png", "Raw MNIST test digits");
            r.figure(ConfusionMatrixImage.render(refinedConfusion, "after targeted refinement"), "confusion-refined.png",
                    "The same digits after targeted refinement (N = " + confusionN + ")");
        }

        r.heading(2, "Where we differ from the paper, and why");
        r.bullets(findings());
        r.bullets(differences);
        return r.write();
    }

    private java.awt.image.BufferedImage fig7() {
        double[] x = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            x[i] = ns[i];
        }
        LineChart c = new LineChart("MNIST test accuracy vs training examples per class", "N (examples per class)", "accuracy (%)")
                .logX(true).xTicks(x);
        for (DigitsMethod m : List.of(DigitsMethod.SCRATCH, DigitsMethod.TARGETED, DigitsMethod.NON_TARGETED)) {
            double[] y = new double[ns.length];
            double[] e = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                Optional<MeanStd> s = stat(m, DigitsMethod.condition(ns[i]));
                y[i] = s.map(v -> 100 * v.mean()).orElse(Double.NaN);
                e[i] = s.map(v -> 100 * v.std()).orElse(Double.NaN);
            }
            c.add(m.label(), x, y, e);
        }
        log.stat(DigitsMethod.BASELINE.label(), ACCURACY).ifPresent(b ->
                c.reference("baseline (ours)", 100 * b.mean(), 100 * b.std(), x[0], x[x.length - 1]));
        c.reference("baseline (paper)", 100 * PaperReference.DIGITS_BASELINE_PROTO, Double.NaN, x[0], x[x.length - 1]);
        return c.yRange(0, 100).render();
    }

    List<String> findings() {
        List<String> out = new ArrayList<>();
        log.stat(DigitsMethod.BASELINE.label(), ACCURACY).ifPresent(b -> out.add(String.format(Locale.ROOT,
                "Baseline: %s vs the paper's %.2f %%.", b.formatPercent(2), 100 * PaperReference.DIGITS_BASELINE_PROTO)));
        for (DigitsMethod m : List.of(DigitsMethod.TARGETED, DigitsMethod.NON_TARGETED)) {
            List<String> beaten = new ArrayList<>();
            List<String> notBeaten = new ArrayList<>();
            for (int n : ns) {
                Optional<MeanStd> g = gainOverBaseline(m, DigitsMethod.condition(n));
                if (g.isEmpty()) {
                    continue;
                }
                MeanStd pts = new MeanStd(100 * g.get().mean(), 100 * g.get().std(), g.get().values());
                String s = String.format(Locale.ROOT, "N=%d: %s%s", n, pts.mean() >= 0 ? "+" : "", pts.format(2));
                (g.get().mean() > 0 ? beaten : notBeaten).add(s);
            }
            out.add(String.format(Locale.ROOT, "%s beats the baseline at %d of %d N (gain in points, paired over seeds: %s)%s.",
                    capitalise(m.label()), beaten.size(), beaten.size() + notBeaten.size(),
                    String.join("; ", concat(beaten, notBeaten)),
                    notBeaten.isEmpty() ? "" : "; the paper's claim \"beats the baseline at every N\" is not met at "
                            + notBeaten.stream().map(s -> s.substring(0, s.indexOf(':'))).toList()));
        }
        int last = ns[ns.length - 1];
        gainOverBaseline(DigitsMethod.NON_TARGETED, DigitsMethod.condition(last)).ifPresent(g -> out.add(String.format(Locale.ROOT,
                "Non-targeted at N=%d: %+.2f points over the baseline (paper at N=50: \"over 2 %%\").", last, 100 * g.mean())));
        Optional<MeanStd> s1 = stat(DigitsMethod.SCRATCH, DigitsMethod.condition(ns[0]));
        s1.ifPresent(s -> out.add(String.format(Locale.ROOT,
                "A classifier trained from scratch on N=%d per class reaches %s (paper: it \"cannot learn anything\" below N=10 and beats the baseline only beyond N=40).",
                ns[0], s.formatPercent(2))));
        return out;
    }

    private Optional<MeanStd> stat(DigitsMethod m, String condition) {
        return log.stat(m.label(), condition, ACCURACY);
    }

    /** Gain over the N-independent baseline, paired by seed (both use the same frozen classifier of that seed). */
    private Optional<MeanStd> gainOverBaseline(DigitsMethod m, String condition) {
        var base = new java.util.HashMap<Long, Double>();
        log.rows().stream().filter(x -> x.method().equals(DigitsMethod.BASELINE.label()) && x.metric().equals(ACCURACY))
                .forEach(x -> base.put(x.seed(), x.value()));
        double[] d = log.rows().stream()
                .filter(x -> x.method().equals(m.label()) && x.condition().equals(condition) && x.metric().equals(ACCURACY)
                        && base.containsKey(x.seed()))
                .mapToDouble(x -> x.value() - base.get(x.seed())).toArray();
        return d.length == 0 ? Optional.empty() : Optional.of(MeanStd.of(d));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
