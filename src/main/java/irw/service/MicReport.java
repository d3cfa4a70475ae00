package irw.service;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;
import irw.engine.Backend;
import irw.engine.mic.InversionSettings;
import irw.engine.mic.MicClassification;
import irw.engine.mic.MicConfig;
import irw.engine.mic.ModularInverseClassifier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files a MIC run writes, as {@code irw mic train|classify} and the service's mic jobs write
 * them: {@value #TRAINING} (settings, seed, each class's types and training error) and, after
 * inverse classification of held-out sets, {@value #SUMMARY_CSV} (per-class accuracy with and
 * without the input gradient steps), {@value #SUMMARY_MD} and {@value #PREDICTIONS}. All atomic.
 */
public final class MicReport {
    public static final String TRAINING = "training.md";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String SUMMARY_MD = "summary.md";
    public static final String PREDICTIONS = "predictions.csv";

    /** The classification of one held-out set. */
    public record SetResult(String name, LabelledDataSet set, MicClassification result, double seconds) {
        public ConfusionMatrix confusion() {
            return result.confusion(set.labels());
        }

        /** The paper's "0 iterations" baseline: the class from the generators' start vectors alone. */
        public ConfusionMatrix confusionWithoutInversion() {
            return ConfusionMatrix.of(result.classes(), set.labels(), result.predictedWithoutInversion());
        }
    }

    private MicReport() {
    }

    /** Writes {@value #TRAINING} into {@code dir}. */
    public static void writeTraining(LearningData sets, ModularInverseClassifier model, double seconds, Path dir) throws IOException {
        MicConfig c = model.config();
        StringBuilder md = new StringBuilder("# MIC training\n\n");
        md.append(String.format(Locale.ROOT, "- data: %s (%s); seed %d; %d types per class (%s); %d LSTM cells; %d Adam steps (lr %s), "
                        + "%d copies per type; noise in %s, out %s; %s; %.1f s%n%n", sets.kind(), sets.dir(), c.seed(), c.types(),
                c.selection().name().toLowerCase(Locale.ROOT), c.hidden(), c.iterations(), c.learningRate(), c.copiesPerType(), c.noiseIn(),
                c.noiseOut(), Backend.describe(), seconds));
        md.append("| class | types (item ids) | training MSE on its types |\n|---|---|---|\n");
        for (int k = 0; k < model.classes().size(); k++) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.5f |%n", model.classes().name(k), String.join(" ", model.typeIds().get(k)),
                    model.trainError()[k]));
        }
        AtomicFiles.writeString(dir.resolve(TRAINING), md.toString());
    }

    /** Writes {@value #SUMMARY_CSV}, {@value #SUMMARY_MD} and {@value #PREDICTIONS} into {@code dir}. */
    public static void writeClassification(ModularInverseClassifier mic, String modelLabel, InversionSettings settings, List<SetResult> results,
                                           Path dir) throws IOException {
        StringBuilder md = new StringBuilder("# MIC classification\n\n");
        md.append(String.format(Locale.ROOT, "- model: %s (training seed %d, %d types per class, %s); %d %s input steps of %s%s; %s%n", modelLabel,
                mic.config().seed(), mic.config().types(), mic.config().selection().name().toLowerCase(Locale.ROOT), settings.steps(),
                settings.adam() ? "Adam" : "gradient", settings.rate(), settings.clip() ? ", clipped to [0, 1]" : "", Backend.describe()));
        List<String[]> rows = new ArrayList<>();
        List<String[]> predictions = new ArrayList<>();
        int classes = mic.classes().size();
        for (SetResult r : results) {
            ConfusionMatrix after = r.confusion();
            ConfusionMatrix before = r.confusionWithoutInversion();
            LabelledDataSet set = r.set();
            md.append(String.format(Locale.ROOT, "%n## %s (%d items, %.1f s)%n%n| class | accuracy | accuracy with 0 steps |%n|---|---|---|%n",
                    r.name(), set.size(), r.seconds()));
            md.append(String.format(Locale.ROOT, "| all | %.4f | %.4f |%n", after.accuracy(), before.accuracy()));
            rows.add(row(r.name(), "all", after.accuracy(), before.accuracy(), set.size(), mic.config().seed()));
            for (int k = 0; k < classes; k++) {
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", mic.classes().name(k), after.recall(k), before.recall(k)));
                rows.add(row(r.name(), mic.classes().name(k), after.recall(k), before.recall(k), set.indicesOfClass(k).length, mic.config().seed()));
            }
            for (int i = 0; i < set.size(); i++) {
                String[] p = new String[4 + classes];
                p[0] = r.name();
                p[1] = set.ids().get(i);
                p[2] = mic.classes().name(set.labels()[i]);
                p[3] = mic.classes().name(r.result().predicted()[i]);
                for (int k = 0; k < classes; k++) {
                    p[4 + k] = String.format(Locale.ROOT, "%.6f", r.result().errors()[i][k]);
                }
                predictions.add(p);
            }
        }
        writeCsv(dir.resolve(SUMMARY_CSV), new String[]{"held_out_set", "class", "accuracy", "accuracy_0_steps", "items", "training_seed"}, rows);
        String[] header = new String[4 + classes];
        header[0] = "held_out_set";
        header[1] = "id";
        header[2] = "truth";
        header[3] = "predicted";
        for (int k = 0; k < classes; k++) {
            header[4 + k] = "mse_" + mic.classes().name(k);
        }
        writeCsv(dir.resolve(PREDICTIONS), header, predictions);
        AtomicFiles.writeString(dir.resolve(SUMMARY_MD), md.toString());
    }

    private static String[] row(String set, String cls, double acc, double acc0, int items, long seed) {
        return new String[]{set, cls, String.format(Locale.ROOT, "%.4f", acc), String.format(Locale.ROOT, "%.4f", acc0), String.valueOf(items),
                String.valueOf(seed)};
    }

    private static void writeCsv(Path file, String[] header, List<String[]> rows) throws IOException {
        AtomicFiles.write(file, raw -> {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder().setHeader(header).get());
            for (String[] r : rows) {
                csv.printRecord((Object[]) r);
            }
            csv.flush();
        });
    }
}
