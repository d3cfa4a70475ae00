package irw.core.io;

import irw.core.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV export of one pattern or a batch.
 *
 * <ul>
 *   <li>{@link Layout#WIDE}: {@code two_theta_deg}, then one column per pattern (named by the
 *       pattern). All patterns must share one axis: resample them first.</li>
 *   <li>{@link Layout#LONG}: {@code pattern,two_theta_deg,intensity}, one row per point; axes may
 *       differ.</li>
 * </ul>
 * Header lines, when given, come first, each starting with {@code #} (commons-csv's and this
 * product's readers skip them): they say what the numbers are (see {@link ExportProvenance}).
 * Writes are atomic.
 */
public final class PatternCsvWriter {
    public enum Layout { WIDE, LONG }

    private PatternCsvWriter() {
    }

    public static void write(Path target, List<Pattern> patterns, Layout layout) throws IOException {
        write(target, patterns, layout, List.of());
    }

    /** With {@code headerLines} written first as {@code # } comments. */
    public static void write(Path target, List<Pattern> patterns, Layout layout, List<String> headerLines) throws IOException {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no patterns");
        }
        if (layout == Layout.WIDE) {
            checkAscending(patterns);
        }
        AtomicFiles.write(target, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeComments(w, headerLines);
            if (layout == Layout.WIDE) {
                writeWide(w, patterns);
            } else {
                writeLong(w, patterns);
            }
            w.flush();
        });
    }

    /** Two-column whitespace .xy: "2θ intensity" per line, with a comment header. */
    public static void writeXy(Path target, Pattern pattern) throws IOException {
        writeXy(target, pattern, List.of());
    }

    /** The same, with {@code headerLines} as further {@code # } comments after the name and wavelength. */
    public static void writeXy(Path target, Pattern pattern, List<String> headerLines) throws IOException {
        AtomicFiles.write(target, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("# " + pattern.name() + "\n");
            pattern.metadata().wavelength().ifPresent(wl -> {
                try {
                    w.write("# wavelength: " + wl + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writeComments(w, headerLines);
            w.write("# two_theta_deg intensity\n");
            for (int i = 0; i < pattern.size(); i++) {
                w.write(num(pattern.twoTheta(i)) + " " + num(pattern.intensity(i)) + "\n");
            }
            w.flush();
        });
    }

    /**
     * One 2θ column, the union of the patterns' axes, and one column per pattern; a cell is empty
     * where that pattern has no value (a refined pattern covers only the measured range: nothing is
     * written where nothing was measured, not a zero).
     */
    private static void writeWide(OutputStreamWriter w, List<Pattern> patterns) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("two_theta_deg");
        patterns.forEach(p -> header.add(p.name()));
        // Not closed: closing the printer would close the caller's stream before AtomicFiles forces it to disk.
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(w);
        double[] axis = patterns.stream().flatMapToDouble(p -> Arrays.stream(p.twoThetaValues())).sorted().distinct().toArray();
        int[] next = new int[patterns.size()];
        List<String> row = new ArrayList<>(patterns.size() + 1);
        for (double t : axis) {
            row.clear();
            row.add(num(t));
            for (int k = 0; k < patterns.size(); k++) {
                Pattern p = patterns.get(k);
                if (next[k] < p.size() && p.twoTheta(next[k]) == t) {
                    row.add(num(p.intensity(next[k]++)));
                } else {
                    row.add("");
                }
            }
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static void writeLong(OutputStreamWriter w, List<Pattern> patterns) throws IOException {
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader("pattern", "two_theta_deg", "intensity").get().print(w);
        for (Pattern p : patterns) {
            for (int i = 0; i < p.size(); i++) {
                printer.printRecord(p.name(), num(p.twoTheta(i)), num(p.intensity(i)));
            }
        }
        printer.flush();
    }

    private static void writeComments(OutputStreamWriter w, List<String> lines) throws IOException {
        for (String line : lines) {
            for (String part : line.split("\\R")) {
                w.write("# " + part + "\n");
            }
        }
    }

    private static void checkAscending(List<Pattern> patterns) {
        for (Pattern p : patterns) {
            for (int i = 1; i < p.size(); i++) {
                if (!(p.twoTheta(i) > p.twoTheta(i - 1))) {
                    throw new IllegalArgumentException("wide CSV needs ascending 2θ values, but " + p.name() + " is not sorted at point " + i
                            + "; use the long layout");
                }
            }
        }
    }

    /** Shortest text that reads back to the same double. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
