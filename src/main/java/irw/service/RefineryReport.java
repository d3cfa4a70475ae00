package irw.service;

import irw.core.data.SoftLabels;
import irw.core.io.AtomicFiles;
import irw.engine.Backend;
import irw.engine.refinery.RefineryConfig;
import irw.engine.refinery.RefineryOutcome;
import irw.engine.refinery.RefineryRound;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The summary of a Label Refinery run, as {@code irw label-refinery} and the service's
 * label-refinery jobs write it: {@value #CSV} (one row per round and held-out set, with the seeds)
 * and {@value #MARKDOWN}. Both are written atomically.
 */
public final class RefineryReport {
    public static final String CSV = "summary.csv";
    public static final String MARKDOWN = "summary.md";

    private RefineryReport() {
    }

    /**
     * Writes {@value #CSV}, {@value #MARKDOWN} and the last round's refined labels of the training
     * items ({@value SoftLabels#FILE_NAME}: the last model's softmax outputs, what a next round would
     * train on) into {@code dir}.
     */
    public static void write(LearningData sets, RefineryOutcome outcome, double seconds, Path dir) throws IOException {
        if (outcome.last() != null) {
            SoftLabels.of(sets.train(), outcome.lastSoftLabels(outcome.last().preprocessing().apply(sets.train().items())))
                    .write(dir.resolve(SoftLabels.FILE_NAME));
        }
        writeCsv(outcome, dir.resolve(CSV));
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(sets, outcome, seconds));
    }

    /** "name=size, ..." of the held-out sets. */
    public static String sizes(LearningData sets) {
        StringBuilder s = new StringBuilder();
        sets.heldOut().forEach((name, set) -> s.append(s.isEmpty() ? "" : ", ").append(name).append('=').append(set.size()));
        return s.toString();
    }

    private static void writeCsv(RefineryOutcome outcome, Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            var w = new OutputStreamWriter(raw, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                    .setHeader("round", "seed", "base_seed", "held_out_set", "accuracy", "target_agreement", "target_entropy_nats",
                            "final_loss", "seconds").get());
            for (RefineryRound r : outcome.rounds()) {
                for (var e : r.accuracy().entrySet()) {
                    csv.printRecord(r.round(), r.seed(), outcome.config().seed(), e.getKey(), fmt(e.getValue()), fmt(r.targetAgreement()),
                            fmt(r.targetEntropy()), fmt(r.finalLoss()), String.format(Locale.ROOT, "%.2f", r.seconds()));
                }
            }
            csv.flush();
        });
    }

    private static String markdown(LearningData sets, RefineryOutcome outcome, double seconds) {
        RefineryConfig c = outcome.config();
        StringBuilder md = new StringBuilder("# Label Refinery\n\n");
        md.append(String.format(Locale.ROOT, "- data: %s (%s), %d training items; held out: %s%n", sets.kind(), sets.dir(), sets.train().size(),
                sizes(sets)));
        md.append(String.format(Locale.ROOT, "- seed %d; rounds %d; epochs %d; %d items of every class per step; network %s, λ %s; Adam lr %s; "
                        + "%s; %.1f s in all%s%n", c.seed(), c.rounds(), c.epochs(), c.samplesPerClass(), c.spec().id(), c.lambda(), c.learningRate(),
                Backend.describe(), seconds, outcome.cancelled() ? " (cancelled)" : ""));
        md.append("- models: `round-<k>.irwm` (classifier model files; the last is the refinery's classifier), refined labels of the "
                + "training items: `" + SoftLabels.FILE_NAME + "` (`train refiner --soft-labels`)\n\n");
        md.append("| round | seed |");
        sets.heldOut().keySet().forEach(n -> md.append(' ').append(n).append(" accuracy |"));
        md.append(" targets agree with truth | target entropy (nats) | final loss | s |\n|---|---|");
        sets.heldOut().keySet().forEach(n -> md.append("---|"));
        md.append("---|---|---|---|\n");
        for (RefineryRound r : outcome.rounds()) {
            md.append("| ").append(r.round()).append(" | ").append(r.seed()).append(" |");
            r.accuracy().values().forEach(a -> md.append(' ').append(fmt(a)).append(" |"));
            md.append(String.format(Locale.ROOT, " %s | %s | %s | %.1f |%n", fmt(r.targetAgreement()), fmt(r.targetEntropy()),
                    fmt(r.finalLoss()), r.seconds()));
        }
        md.append("\nRound 0 is trained on the ground truth; round k on round k-1's softmax outputs on the training items "
                + "(per-item, not per-crop refinement). \"final loss\" is the loss of the model's last step.\n");
        return md.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
