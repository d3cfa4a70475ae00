package irw.cli;

import irw.core.io.AtomicFiles;
import irw.engine.Backend;
import irw.engine.refinery.LabelRefinery;
import irw.engine.refinery.RefineryConfig;
import irw.engine.refinery.RefineryListener;
import irw.engine.refinery.RefineryOutcome;
import irw.engine.refinery.RefineryProgress;
import irw.engine.refinery.RefineryRound;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code irw label-refinery}: model 0 on hard labels, then K rounds on the previous model's softmax outputs. */
@Command(name = "label-refinery", mixinStandardHelpOptions = true,
        description = "Label Refinery: train model 0 on the ground truth, then K fresh models each on the previous model's softmax "
                + "outputs; writes summary.csv and summary.md (held-out accuracy per round, seeds) into DIR.")
final class LabelRefineryCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "digits (MNIST IDX files) or xrd (an XRD data-set directory)")
    String data;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the data lie (default: sample-data/mnist or sample-data/datasets/xrd)")
    Path dataDir;
    @Option(names = "--rounds", defaultValue = "3", description = "refinery rounds K after model 0 (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--epochs", defaultValue = "5", description = "epochs per model (default ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--batch", defaultValue = "64", description = "mini-batch size (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--hidden", defaultValue = "256", description = "width of the first hidden layer (default ${DEFAULT-VALUE})")
    int hidden;
    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double learningRate;
    @Option(names = "--train-per-class", defaultValue = "0", description = "use the first N training items of each class (default: all)")
    int trainPerClass;
    @Option(names = "--test-per-class", defaultValue = "0", description = "use the first N held-out items of each class (default: all)")
    int testPerClass;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        LearningData sets = LearningData.load(data, dataDir, trainPerClass, testPerClass);
        RefineryConfig config = new RefineryConfig(rounds, epochs, batch, hidden, learningRate, seed);
        System.out.printf(Locale.ROOT, "label-refinery on %s: %d training items, held out %s; %s; seed %d%n", sets.kind(), sets.train().size(),
                sizes(sets), Backend.describe(), seed);
        long t0 = System.nanoTime();
        RefineryOutcome outcome = new LabelRefinery(config).run(sets.train(), sets.heldOut(), new RefineryListener() {
            @Override
            public void onProgress(RefineryProgress p) {
            }

            @Override
            public void onRound(RefineryRound r) {
                System.out.printf(Locale.ROOT, "round %d (seed %d): %s; targets agree with truth %.4f, entropy %.3f nats; %.1f s%n",
                        r.round(), r.seed(), r.accuracy(), r.targetAgreement(), r.targetEntropy(), r.seconds());
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        writeCsv(outcome, out.resolve("summary.csv"));
        AtomicFiles.writeString(out.resolve("summary.md"), markdown(sets, outcome, seconds));
        System.out.println("wrote " + out.resolve("summary.csv") + " and summary.md");
        return 0;
    }

    private static String sizes(LearningData sets) {
        StringBuilder s = new StringBuilder();
        sets.heldOut().forEach((name, set) -> s.append(s.isEmpty() ? "" : ", ").append(name).append('=').append(set.size()));
        return s.toString();
    }

    private static void writeCsv(RefineryOutcome outcome, Path file) throws java.io.IOException {
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

    private String markdown(LearningData sets, RefineryOutcome outcome, double seconds) {
        RefineryConfig c = outcome.config();
        StringBuilder md = new StringBuilder("# Label Refinery\n\n");
        md.append(String.format(Locale.ROOT, "- data: %s (%s), %d training items; held out: %s%n", sets.kind(), sets.dir(), sets.train().size(),
                sizes(sets)));
        md.append(String.format(Locale.ROOT, "- seed %d; rounds %d; epochs %d; batch %d; hidden %d; Adam lr %s; %s; %.1f s in all%s%n%n",
                c.seed(), c.rounds(), c.epochs(), c.batchSize(), c.hidden(), c.learningRate(), Backend.describe(), seconds,
                outcome.cancelled() ? " (cancelled)" : ""));
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
                + "(per-item, not per-crop refinement).\n");
        return md.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
