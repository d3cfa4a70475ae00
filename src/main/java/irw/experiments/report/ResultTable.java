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
import java.util.Locale;
import java.util.Optional;

/**
 * A table of a report: text columns and statistic columns. It renders as a Markdown table
 * ("mean ± std") and as CSV, where each statistic column becomes {@code name}, {@code name std}
 * and {@code name n} so that the CSV stays machine-readable.
 */
public final class ResultTable {

    /** How a column shows its values. */
    public enum Kind { TEXT, PERCENT, NUMBER }

    public record Column(String name, Kind kind, int decimals) {
        public static Column text(String name) {
            return new Column(name, Kind.TEXT, 0);
        }

        /** Fractions in [0, 1] shown as percentages. */
        public static Column percent(String name) {
            return new Column(name, Kind.PERCENT, 2);
        }

        public static Column number(String name, int decimals) {
            return new Column(name, Kind.NUMBER, decimals);
        }
    }

    private final String title;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public ResultTable(String title, List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /**
     * Adds a row. A TEXT column takes a String; a statistic column takes a {@link MeanStd}, an
     * {@code Optional<MeanStd>} (empty = not measured), a Double (a fixed reference number), or null.
     */
    public ResultTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table '" + title + "' has " + columns.size() + " columns");
        }
        Object[] r = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Object c = cells[i] instanceof Optional<?> o ? o.orElse(null) : cells[i];
            boolean ok = c == null
                    || (columns.get(i).kind() == Kind.TEXT ? c instanceof String : c instanceof MeanStd || c instanceof Double);
            if (!ok) {
                throw new IllegalArgumentException("column '" + columns.get(i).name() + "' cannot hold " + c.getClass().getSimpleName());
            }
            r[i] = c;
        }
        rows.add(r);
        return this;
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append('|');
        columns.forEach(c -> sb.append(' ').append(escape(c.name()))
                .append(c.kind() == Kind.PERCENT ? " (%)" : "").append(" |"));
        sb.append("\n|");
        columns.forEach(c -> sb.append(c.kind() == Kind.TEXT ? " --- |" : " ---: |"));
        sb.append('\n');
        for (Object[] r : rows) {
            sb.append('|');
            for (int i = 0; i < r.length; i++) {
                sb.append(' ').append(escape(markdownCell(columns.get(i), r[i]))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public void writeCsv(Path file) throws IOException {
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            String name = c.kind() == Kind.PERCENT ? c.name() + " (%)" : c.name();
            header.add(name);
            if (c.kind() != Kind.TEXT) {
                header.add(name + " std");
                header.add(name + " n");
            }
        }
        AtomicFiles.write(file, out -> {
            // Not closed: AtomicFiles owns the stream and forces it to disk after this returns.
            CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
            for (Object[] r : rows) {
                List<Object> record = new ArrayList<>();
                for (int i = 0; i < r.length; i++) {
                    Column c = columns.get(i);
                    if (c.kind() == Kind.TEXT) {
                        record.add(r[i] == null ? "" : r[i]);
                    } else {
                        double scale = c.kind() == Kind.PERCENT ? 100 : 1;
                        if (r[i] instanceof MeanStd m) {
                            record.add(m.mean() * scale);
                            record.add(Double.isNaN(m.std()) ? "" : m.std() * scale);
                            record.add(m.n());
                        } else if (r[i] instanceof Double d) {
                            record.add(d * scale);
                            record.add("");
                            record.add("");
                        } else {
                            record.add("");
                            record.add("");
                            record.add("");
                        }
                    }
                }
                p.printRecord(record);
            }
            p.flush();
        });
    }

    private static String markdownCell(Column c, Object v) {
        if (v == null) {
            return c.kind() == Kind.TEXT ? "" : "n/a";
        }
        if (v instanceof String s) {
            return s;
        }
        double scale = c.kind() == Kind.PERCENT ? 100 : 1;
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%." + c.decimals() + "f", d * scale);
        }
        MeanStd m = (MeanStd) v;
        return new MeanStd(m.mean() * scale, m.std() * scale, m.values()).format(c.decimals());
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
