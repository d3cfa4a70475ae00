package irw.experiments.xrd;

import irw.core.ConfusionMatrix;
import irw.experiments.EmbeddingMap;
import irw.experiments.PaperReference;
import irw.experiments.plot.BarChart;
import irw.experiments.plot.ConfusionMatrixImage;
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

import static irw.experiments.xrd.XrdMethod.ACCURACY;

/**
 * Assembles the XRD report (Tables 1-4 of Bai et al. 2019, ours beside the paper's) from the
 * measurements of a run. Pure: it trains nothing, so it can be re-run on a saved log.
 */
public final class XrdReport {
    private static final String[] DISTANCES = {"l1", "l2", "KL", "NCC"};
    private static final String[] STATISTICS = {"mean", "median"};

    /**
     * A raw, refined and ground-truth pattern of one test item, for the Fig. 5-style plot; measured
     * files have no ground truth ({@code truth} null). Only the measured cells are given.
     */
    public record Example(String id, String trueClass, double[] twoTheta, double[] raw, double[] refined, double[] truth) {
    }

    private final MeasurementLog log;
    private final RunInfo info;
    private ConfusionMatrix rawConfusion;
    private ConfusionMatrix refinedConfusion;
    private final List<Example> examples = new ArrayList<>();
    private final List<String> defects = new ArrayList<>();
    private final List<String> differences = new ArrayList<>();
    private EmbeddingMap embedding;

    public XrdReport(MeasurementLog log, RunInfo info) {
        this.log = log;
        this.info = info;
    }

    /** Confusion matrices of the prototypical classifier on raw and on refined (targeted) test data, summed over seeds. */
    public XrdReport confusion(ConfusionMatrix raw, ConfusionMatrix refined) {
        this.rawConfusion = raw;
        this.refinedConfusion = refined;
        return this;
    }

    /** The t-SNE map of ideal, raw and refined embeddings with the prototypes (one seed). */
    public XrdReport embedding(EmbeddingMap map) {
        this.embedding = map;
        return this;
    }

    /** Table 4 was also measured on a single-defect set, logged under this condition. */
    public XrdReport defect(String name) {
        if (!defects.contains(name)) {
            defects.add(name);
        }
        return this;
    }

    public XrdReport example(Example e) {
        examples.add(e);
        return this;
    }

    /** A reason why our numbers differ from the paper's, specific to this run's data or models. */
    public XrdReport difference(String text) {
        differences.add(text);
        return this;
    }

    public Path write(Path dir) throws IOException {
        MarkdownReport r = new MarkdownReport(dir, "Imitation refinement on XRD patterns: reproduction of Bai et al. (AAAI 2019), Tables 1-4");
        r.paragraph("Accuracies are of a classifier pre-trained on ideal (simulated) patterns and then frozen; the refiner "
                + "(Algorithm 2) is trained on the imperfect training split and evaluated on the held-out imperfect test split. "
                + "Raw per-seed numbers: [runs.csv](runs.csv).");
        info.writeTo(r);
        log.writeCsv(dir.resolve("runs.csv"));

        r.heading(2, "Table 1: standard vs prototypical classifier on imperfect data");
        ResultTable t1 = new ResultTable("Table 1 (ours: small 1-D CNN; paper: VGG-19 / DenseNet-121)", List.of(
                Column.text("classifier"), Column.percent("ours"), Column.percent("paper VGG-19"), Column.percent("paper DenseNet")));
        t1.row("standard (λ = 0)", stat(XrdMethod.RAW_STANDARD), PaperReference.TABLE1_STANDARD_VS_PROTO.get("VGG-19")[0],
                PaperReference.TABLE1_STANDARD_VS_PROTO.get("DenseNet")[0]);
        t1.row("prototypical", stat(XrdMethod.RAW_PROTO), PaperReference.TABLE1_STANDARD_VS_PROTO.get("VGG-19")[1],
                PaperReference.TABLE1_STANDARD_VS_PROTO.get("DenseNet")[1]);
        r.table(t1, "table1.csv");

        r.heading(2, "Table 2: accuracy after denoising or refinement");
        ResultTable t2 = new ResultTable("Table 2", List.of(Column.text("method"), Column.percent("ours"),
                Column.percent("gain over raw"), Column.percent("paper VGG"), Column.percent("paper DenseNet")));
        for (XrdMethod m : List.of(XrdMethod.RAW_PROTO, XrdMethod.DWT_PROTO, XrdMethod.REFINED_STANDARD,
                XrdMethod.REFINED_PROTO, XrdMethod.NON_TARGETED_PROTO)) {
            Optional<MeanStd> gain = m == XrdMethod.RAW_PROTO ? Optional.empty() : gain(m);
            t2.row(m.label(), stat(m), gain, paper(m, "VGG"), paper(m, "DenseNet"));
        }
        r.table(t2, "table2.csv");
        BarChart bars = new BarChart("Accuracy on the imperfect test split (mean ± std over seeds; dashes: paper, DenseNet)", "accuracy (%)");
        for (XrdMethod m : List.of(XrdMethod.RAW_STANDARD, XrdMethod.RAW_PROTO, XrdMethod.DWT_PROTO, XrdMethod.REFINED_STANDARD,
                XrdMethod.REFINED_PROTO, XrdMethod.NON_TARGETED_PROTO)) {
            stat(m).ifPresent(s -> {
                Double p = m == XrdMethod.RAW_STANDARD ? (Double) PaperReference.TABLE1_STANDARD_VS_PROTO.get("DenseNet")[0] : paper(m, "DenseNet");
                bars.add(m.label(), 100 * s.mean(), 100 * s.std(), p == null ? Double.NaN : 100 * p);
            });
        }
        r.figure(bars.yRange(0, 100).render(), "table2.png", "Table 2 as bars: ours with ± 1 std over seeds, the paper's DenseNet value dashed");

        r.heading(2, "Table 3: ablation of l_proto and l_pred (targeted, prototypical classifier, l_reg always on)");
        ResultTable t3 = new ResultTable("Table 3", List.of(Column.text("l_proto"), Column.text("l_pred"), Column.text("l_reg"),
                Column.percent("ours"), Column.percent("paper (UNet+DenseNet)")));
        t3.row("Y", "N", "Y", stat(XrdMethod.ABLATION_PROTO_ONLY), PaperReference.TABLE3_PROTO_ONLY);
        t3.row("N", "Y", "Y", stat(XrdMethod.ABLATION_PRED_ONLY), PaperReference.TABLE3_PRED_ONLY);
        t3.row("Y", "Y", "Y", stat(XrdMethod.REFINED_PROTO), PaperReference.TABLE3_BOTH);
        r.table(t3, "table3.csv");

        r.heading(2, "Table 4: distance to the ground-truth patterns");
        r.paragraph("Per seed, each distance is averaged (or its median taken) over the test patterns; the table shows "
                + "mean ± std of that over seeds. Patterns are compared on the model grid after the same normalisation the "
                + "classifier sees (max = 1). l1, l2, KL: lower is better; NCC: higher is better (ours in [-1, 1]).");
        List<Column> cols4 = new ArrayList<>();
        cols4.add(Column.text("method"));
        for (String st : STATISTICS) {
            for (String d : DISTANCES) {
                cols4.add(Column.number(d + " " + st, d.equals("KL") ? 4 : 3));
            }
        }
        ResultTable t4 = new ResultTable("Table 4 (ours)", cols4);
        for (XrdMethod m : List.of(XrdMethod.RAW_PROTO, XrdMethod.DWT_PROTO, XrdMethod.REFINED_STANDARD,
                XrdMethod.REFINED_PROTO, XrdMethod.NON_TARGETED_PROTO)) {
            Object[] row = new Object[cols4.size()];
            row[0] = m == XrdMethod.RAW_PROTO ? "raw (no refinement)" : m == XrdMethod.DWT_PROTO ? "DWT" : m.label();
            int c = 1;
            for (String st : STATISTICS) {
                for (String d : DISTANCES) {
                    row[c++] = log.stat(m.label(), XrdMethod.distanceMetric(d, st));
                }
            }
            t4.row(row);
        }
        r.table(t4, "table4.csv");
        List<Column> colsP = new ArrayList<>();
        colsP.add(Column.text("method"));
        for (String c : PaperReference.TABLE4_COLUMNS) {
            colsP.add(Column.number(c, 3));
        }
        ResultTable p4 = new ResultTable("Table 4 (paper, its own unstated scale)", colsP);
        PaperReference.TABLE4.forEach((name, v) -> {
            Object[] row = new Object[v.length + 1];
            row[0] = name;
            for (int i = 0; i < v.length; i++) {
                row[i + 1] = v[i];
            }
            p4.row(row);
        });
        r.table(p4, "table4-paper.csv");
        r.paragraph(direction("", "Direction on the imperfect test split"));
        if (!defects.isEmpty()) {
            perDefect(r, cols4);
        }

        if (rawConfusion != null && refinedConfusion != null) {
            r.heading(2, "Confusion matrices (prototypical classifier, test split, summed over seeds)");
            r.figure(ConfusionMatrixImage.render(rawConfusion, "raw imperfect patterns"), "confusion-raw.png", "Raw imperfect test patterns");
            r.figure(ConfusionMatrixImage.render(refinedConfusion, "refined (targeted UNet + proto)"), "confusion-refined.png",
                    "The same patterns after targeted refinement");
        }
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            LineChart c = new LineChart(e.id() + " (" + e.trueClass() + ")", "2θ (degrees)", "intensity (background removed, max 1)")
                    .add("raw", e.twoTheta(), e.raw(), null).add("refined", e.twoTheta(), e.refined(), null);
            if (e.truth() != null) {
                c.add("ground truth", e.twoTheta(), e.truth(), null);
            }
            if (i == 0) {
                r.heading(2, "Examples: raw, refined and ground truth (cf. Fig. 5)");
                r.paragraph("Six held-out imperfect test patterns with their ground truth, then measured files (no ground truth), all in "
                        + "the classifier's model space (background removed, strongest measured cell 1, measured range only), refined by "
                        + "the first seed's targeted UNet + proto refiner under the physical constraints.");
            }
            r.figure(c.size(1000, 420).render(), "example-" + (i + 1) + ".png", (e.truth() == null ? "Measured file " : "Pattern ") + e.id()
                    + ": raw, refined (targeted UNet + proto)" + (e.truth() == null ? "" : " and ground truth"));
        }

        if (embedding != null) {
            r.heading(2, "Embedding space (cf. Fig. 4)");
            embedding.writeCsv(dir.resolve("embedding.csv"));
            r.paragraph("F(x) of the prototypical classifier of the first seed, laid out by our t-SNE (perplexity 30, Barnes-Hut). "
                    + "Embeddings and layout: [embedding.csv](embedding.csv).");
            r.figure(embedding.plot("Embeddings: ideal, raw and refined test patterns, prototypes"), "embedding.png",
                    "t-SNE of the embedding space: colour = crystal system; dot = ideal, ring = raw imperfect, triangle = refined, cross = prototype");
        }
        r.heading(2, "Where we differ from the paper, and why");
        r.bullets(findings());
        r.bullets(differences);
        return r.write();
    }

    /** Table 4 on each single-defect set, raw vs targeted refinement, with what refinement fixes. */
    private void perDefect(MarkdownReport r, List<Column> cols4) throws IOException {
        r.heading(2, "Table 4 per defect");
        r.paragraph("The same refiners (trained on the imperfect training split, where every defect is mixed) on held-out patterns that "
                + "carry one defect each: the same test structures, built with `irw dataset xrd --without` all other defects.");
        List<Column> cols = new ArrayList<>(cols4);
        cols.add(1, Column.text("input"));
        cols.add(Column.percent("accuracy"));
        ResultTable t = new ResultTable("Table 4 per defect (ours)", cols);
        List<String> verdicts = new ArrayList<>();
        for (String d : defects) {
            for (XrdMethod m : List.of(XrdMethod.RAW_PROTO, XrdMethod.REFINED_PROTO)) {
                Object[] row = new Object[cols.size()];
                row[0] = d;
                row[1] = m == XrdMethod.RAW_PROTO ? "raw" : "refined";
                int c = 2;
                for (String st : STATISTICS) {
                    for (String dist : DISTANCES) {
                        row[c++] = log.stat(m.label(), d, XrdMethod.distanceMetric(dist, st));
                    }
                }
                row[c] = log.stat(m.label(), d, ACCURACY);
                t.row(row);
            }
            verdicts.add(direction(d, d));
        }
        r.table(t, "table4-defects.csv");
        r.bullets(verdicts);
    }

    /**
     * How many of the eight Table 4 numbers (four distances, mean and median) refinement moved
     * towards the ground truth on {@code condition}, paired over seeds, and a verdict.
     */
    String direction(String condition, String what) {
        int closer = 0, measured = 0;
        List<String> worse = new ArrayList<>();
        for (String st : STATISTICS) {
            for (String d : DISTANCES) {
                Optional<MeanStd> g = log.pairedGain(XrdMethod.REFINED_PROTO.label(), XrdMethod.RAW_PROTO.label(), condition,
                        XrdMethod.distanceMetric(d, st));
                if (g.isEmpty()) {
                    continue;
                }
                measured++;
                boolean better = d.equals("NCC") ? g.get().mean() > 0 : g.get().mean() < 0;
                if (better) {
                    closer++;
                } else {
                    worse.add(d + " " + st);
                }
            }
        }
        if (measured == 0) {
            return what + ": not measured.";
        }
        Optional<MeanStd> acc = log.pairedGain(XrdMethod.REFINED_PROTO.label(), XrdMethod.RAW_PROTO.label(), condition, ACCURACY);
        String verdict = closer == measured ? "refinement fixes part of it: every distance moves towards the ground truth"
                : closer == 0 ? "refinement cannot fix it: no distance moves towards the ground truth"
                : "refinement helps partly: not closer on " + String.join(", ", worse);
        return String.format(Locale.ROOT, "%s: refined closer to the ground truth on %d of %d Table 4 numbers (%s); accuracy refined − raw %s points.",
                what, closer, measured, verdict, acc.map(a -> new MeanStd(a.mean() * 100, a.std() * 100, a.values()).format(1)).orElse("n/a"));
    }

    /** Measured statements about the paper's claims: each says what we found, not what we hoped. */
    List<String> findings() {
        List<String> out = new ArrayList<>();
        compare(out, "prototypical vs standard classifier on raw data", XrdMethod.RAW_PROTO, XrdMethod.RAW_STANDARD,
                PaperReference.TABLE1_STANDARD_VS_PROTO.get("DenseNet")[1] - PaperReference.TABLE1_STANDARD_VS_PROTO.get("DenseNet")[0]);
        double rawPaper = PaperReference.TABLE1_STANDARD_VS_PROTO.get("DenseNet")[1];
        compare(out, "targeted refinement (UNet + proto) over raw", XrdMethod.REFINED_PROTO, XrdMethod.RAW_PROTO,
                PaperReference.TABLE2_ACCURACY.get("UNet+proto-DenseNet") - rawPaper);
        compare(out, "non-targeted refinement over raw", XrdMethod.NON_TARGETED_PROTO, XrdMethod.RAW_PROTO,
                PaperReference.TABLE2_ACCURACY.get("non-targeted UNet+proto-DenseNet") - rawPaper);
        compare(out, "DWT denoising over raw", XrdMethod.DWT_PROTO, XrdMethod.RAW_PROTO,
                PaperReference.TABLE2_ACCURACY.get("DWT") - rawPaper);
        compare(out, "targeted refinement over DWT", XrdMethod.REFINED_PROTO, XrdMethod.DWT_PROTO,
                PaperReference.TABLE2_ACCURACY.get("UNet+proto-DenseNet") - PaperReference.TABLE2_ACCURACY.get("DWT"));
        compare(out, "refinement through the prototypical vs the standard classifier", XrdMethod.REFINED_PROTO, XrdMethod.REFINED_STANDARD,
                PaperReference.TABLE2_ACCURACY.get("UNet+proto-DenseNet") - PaperReference.TABLE2_ACCURACY.get("UNet+DenseNet"));
        compare(out, "all three losses vs l_pred + l_reg only (value of l_proto)", XrdMethod.REFINED_PROTO, XrdMethod.ABLATION_PRED_ONLY,
                PaperReference.TABLE3_BOTH - PaperReference.TABLE3_PRED_ONLY);
        compare(out, "all three losses vs l_proto + l_reg only (value of l_pred)", XrdMethod.REFINED_PROTO, XrdMethod.ABLATION_PROTO_ONLY,
                PaperReference.TABLE3_BOTH - PaperReference.TABLE3_PROTO_ONLY);
        Optional<MeanStd> l1 = log.pairedGain(XrdMethod.REFINED_PROTO.label(), XrdMethod.RAW_PROTO.label(), "", XrdMethod.distanceMetric("l1", "mean"));
        l1.ifPresent(g -> out.add(String.format(Locale.ROOT,
                "Table 4, mean l1 to the ground truth, refined − raw: %s (negative = refined is closer; the paper's DenseNet row: %+.3f in its scale).",
                g.format(4), PaperReference.TABLE4.get("UNet+proto-DenseNet")[0] - PaperReference.TABLE4.get("Raw XRD")[0])));
        return out;
    }

    private void compare(List<String> out, String what, XrdMethod a, XrdMethod b, double paperGain) {
        Optional<MeanStd> g = log.pairedGain(a.label(), b.label(), "", ACCURACY);
        if (g.isEmpty()) {
            out.add(capitalise(what) + ": not measured in this run.");
            return;
        }
        MeanStd d = g.get();
        String verdict = d.n() < 2 ? (d.mean() > 0 ? "a gain, on one seed only (no spread to judge it by)" : "no gain, on one seed only")
                : d.mean() - d.std() > 0 ? "a gain larger than its seed-to-seed spread"
                : d.mean() > 0 ? "a gain within the seed-to-seed spread (not conclusive)" : "no gain";
        out.add(String.format(Locale.ROOT, "%s: %s points (paired over seeds; paper %+.2f points): %s.",
                capitalise(what), new MeanStd(d.mean() * 100, d.std() * 100, d.values()).format(2), paperGain * 100, verdict));
    }

    private Optional<MeanStd> stat(XrdMethod m) {
        return log.stat(m.label(), ACCURACY);
    }

    private Optional<MeanStd> gain(XrdMethod m) {
        return log.pairedGain(m.label(), XrdMethod.RAW_PROTO.label(), "", ACCURACY);
    }

    private static Double paper(XrdMethod m, String net) {
        if (m == XrdMethod.RAW_PROTO) {
            return PaperReference.TABLE1_STANDARD_VS_PROTO.get(net.equals("VGG") ? "VGG-19" : "DenseNet")[1];
        }
        return PaperReference.TABLE2_ACCURACY.get(m.paperName(net));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
