package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;

import java.util.List;

/**
 * The "start step end title" layout (GSAS/FOX-era .dat, e.g. the IUCr PbSO4 round-robin file):
 * the first line holds 2θ start, step and end in degrees, then an optional title; every following
 * number is a count at the next step. The header fixes the number of points, so the file must hold
 * exactly that many counts.
 */
final class StepScanDatReader {
    private StepScanDatReader() {
    }

    /** Start, step and end, when the line has that shape: three numbers, step > 0, end > start, a whole number of steps. */
    static double[] header(String line) {
        String[] w = TextLines.split(line, ' ', 4);
        if (w.length < 3) {
            return null;
        }
        var a = Numbers.parse(w[0]);
        var b = Numbers.parse(w[1]);
        var c = Numbers.parse(w[2]);
        if (a.isEmpty() || b.isEmpty() || c.isEmpty()) {
            return null;
        }
        double start = a.get();
        double step = b.get();
        double end = c.get();
        if (!(step > 0) || !(end > start) || !Double.isFinite(end) || !Double.isFinite(start)) {
            return null;
        }
        double steps = (end - start) / step;
        if (steps < 1 || steps > ScanAssembly.MAX_POINTS || Math.abs(steps - Math.rint(steps)) > 1e-3) {
            return null;
        }
        return new double[]{start, step, end};
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        String[] lines = TextLines.split(src.text());
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw src.fail("file is empty");
        }
        double[] h = header(lines[headerLine]);
        if (h == null) {
            throw src.fail(TextLines.at(headerLine) + ": expected 'start step end [title]' with step > 0 and end > start");
        }
        int expected = (int) Math.rint((h[2] - h[0]) / h[1]) + 1;
        if (expected > src.bytes().length / 2 + 1) {
            // every count takes at least a digit and a separator
            throw src.fail("the header promises " + expected + " counts but the file has only " + src.bytes().length
                    + " bytes: truncated or not a 'start step end' header");
        }
        String[] hw = TextLines.split(lines[headerLine], ' ', 4);
        String title = hw.length > 3 ? lines[headerLine].strip().split("\\s+", 4)[3] : "";
        double[] counts = new double[expected];
        int[] lineOf = new int[expected];
        int n = 0;
        for (int i = headerLine + 1; i < lines.length; i++) {
            int line = i;
            TextLines.Words words = new TextLines.Words(lines[i]);
            for (String t = words.next(); t != null; t = words.next()) {
                if (n == expected) {
                    throw src.fail(TextLines.at(i) + ": the header promises " + expected + " counts ("
                            + h[0] + "° to " + h[2] + "° in steps of " + h[1] + "°) but more follow");
                }
                counts[n] = src.number(t, () -> TextLines.at(line));
                lineOf[n++] = i;
            }
        }
        if (n != expected) {
            throw src.fail("the header promises " + expected + " counts (" + h[0] + "° to " + h[2] + "° in steps of "
                    + h[1] + "°) but the file holds " + n + ": it is truncated");
        }
        double[] axis = ScanAssembly.steppedAxis(src, h[0], h[1], expected);
        PatternMetadata md = PatternMetadata.fromFile(src.path(), "step-scan-dat", null)
                .withExtras(ScanAssembly.extras("title", title));
        return List.of(ScanAssembly.toPattern(src, axis, counts, md, k -> TextLines.at(lineOf[k]) + " (count " + (k + 1) + ")"));
    }
}
