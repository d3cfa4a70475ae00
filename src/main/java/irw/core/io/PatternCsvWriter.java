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
 * Writes are atomic.
 */
public final class PatternCsvWriter {
    public enum Layout { WIDE, LONG }

    private PatternCsvWriter() {
    }

    public static void write(Path target, List<Pattern> patterns, Layout layout) throws IOException {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no patterns");
        }
        if (layout == Layout.WIDE) {
            checkSharedAxis(patterns);
        }
        AtomicFiles.write(target, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
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
            w.write("# two_theta_deg intensity\n");
            for (int i = 0; i < pattern.size(); i++) {
                w.write(num(pattern.twoTheta(i)) + " " + num(pattern.intensity(i)) + "\n");
            }
            w.flush();
        });
    }

    private static void writeWide(OutputStreamWriter w, List<Pattern> patterns) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("two_theta_deg");
        patterns.forEach(p -> header.add(p.name()));
        // Not closed: closing the printer would close the caller's stream before AtomicFiles forces it to disk.
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(w);
        Pattern first = patterns.get(0);
        List<String> row = new ArrayList<>(patterns.size() + 1);
        for (int i = 0; i < first.size(); i++) {
            row.clear();
            row.add(num(first.twoTheta(i)));
            for (Pattern p : patterns) {
                row.add(num(p.intensity(i)));
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

    private static void checkSharedAxis(List<Pattern> patterns) {
        double[] axis = patterns.get(0).twoThetaValues();
        for (Pattern p : patterns) {
            if (!Arrays.equals(axis, p.twoThetaValues())) {
                throw new IllegalArgumentException("wide CSV needs one shared 2θ axis, but " + p.name()
                        + " differs from " + patterns.get(0).name() + "; resample onto a grid or use the long layout");
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
