package irw.experiments.report;

import irw.core.io.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All measurements of one reproduction, in the order they were taken; thread-safe. */
public final class MeasurementLog {
    private final List<Measurement> rows = new ArrayList<>();

    public synchronized void add(String method, String condition, long seed, String metric, double value) {
        rows.add(new Measurement(method, condition, seed, metric, value));
    }

    public synchronized List<Measurement> rows() {
        return List.copyOf(rows);
    }

    /** The values of one (method, condition, metric) over seeds, aggregated; empty when none was measured. */
    public synchronized Optional<MeanStd> stat(String method, String condition, String metric) {
        double[] v = rows.stream()
                .filter(m -> m.method().equals(method) && m.condition().equals(condition) && m.metric().equals(metric))
                .mapToDouble(Measurement::value).toArray();
        return v.length == 0 ? Optional.empty() : Optional.of(MeanStd.of(v));
    }

    public Optional<MeanStd> stat(String method, String metric) {
        return stat(method, "", metric);
    }

    /**
     * The per-seed difference {@code method − baseline} (paired by seed, so the spread shows how
     * consistent the gain is rather than how much both vary), over the seeds where both were
     * measured; empty when none was.
     */
    public synchronized Optional<MeanStd> pairedGain(String method, String baseline, String condition, String metric) {
        java.util.Map<Long, Double> base = new java.util.HashMap<>();
        for (Measurement m : rows) {
            if (m.method().equals(baseline) && m.condition().equals(condition) && m.metric().equals(metric)) {
                base.put(m.seed(), m.value());
            }
        }
        double[] d = rows.stream()
                .filter(m -> m.method().equals(method) && m.condition().equals(condition) && m.metric().equals(metric)
                        && base.containsKey(m.seed()))
                .mapToDouble(m -> m.value() - base.get(m.seed())).toArray();
        return d.length == 0 ? Optional.empty() : Optional.of(MeanStd.of(d));
    }

    /** Writes every row as {@code method,condition,seed,metric,value}. */
    public void writeCsv(Path file) throws IOException {
        List<Measurement> snapshot = rows();
        AtomicFiles.write(file, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            // Not closed: AtomicFiles owns the stream and forces it to disk after this returns.
            CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                    .setHeader("method", "condition", "seed", "metric", "value").get());
            for (Measurement m : snapshot) {
                p.printRecord(m.method(), m.condition(), m.seed(), m.metric(), m.value());
            }
            p.flush();
        });
    }
}
