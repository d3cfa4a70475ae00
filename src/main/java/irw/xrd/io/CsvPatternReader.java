package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header row (commons-csv does the quoting). Columns are chosen by their names:
 * <ul>
 *   <li>a 2θ column ("2theta", "two_theta_deg", "2θ", "angle", ...; else the first column);</li>
 *   <li>long layout, as {@code convert --layout long} writes it: a "pattern" (or "name", "sample",
 *       "structure", "phase") column groups the rows into one pattern per name;</li>
 *   <li>one intensity column ("intensity", "counts", "cps", ...): one pattern; σ columns are noted;</li>
 *   <li>otherwise wide layout, as {@code convert} writes it: every other column is a pattern named
 *       by its header.</li>
 * </ul>
 */
final class CsvPatternReader {
    static final java.util.regex.Pattern TWO_THETA =
            java.util.regex.Pattern.compile("(?i).*(2\\s*-?\\s*th|two[_ -]?theta|2θ|tth|angle).*");
    private static final java.util.regex.Pattern INTENSITY =
            java.util.regex.Pattern.compile("(?i)(.*(intens|count|cps|signal).*|i|y|int)");
    private static final java.util.regex.Pattern SIGMA =
            java.util.regex.Pattern.compile("(?i).*(sigma|σ|err|esd|uncert).*");
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(?i)(pattern|name|sample|structure|phase)");

    private CsvPatternReader() {
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        String text = src.text();
        String firstLine = firstNonCommentLine(text);
        if (firstLine == null) {
            throw src.fail("file is empty");
        }
        char delimiter = firstLine.indexOf(';') >= 0 ? ';' : firstLine.indexOf(',') >= 0 ? ',' : '\t';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw src.fail("CSV is malformed: " + e.getMessage(), e);
        }
        if (records.size() < 3) {
            throw src.fail("CSV needs a header row and at least 2 data rows, found " + records.size() + " rows");
        }
        List<String> header = records.get(0).toList();
        int xCol = find(header, TWO_THETA, -1);
        int nameCol = find(header, NAME, -1);
        int yCol = find(header, INTENSITY, xCol);
        if (xCol < 0) {
            xCol = nameCol == 0 ? 1 : 0;
        }
        List<CSVRecord> rows = records.subList(1, records.size());
        NumberConvention convention = convention(src, rows, xCol, nameCol);
        if (nameCol >= 0 && yCol >= 0) {
            return readLong(src, rows, nameCol, xCol, yCol, header.get(yCol), convention);
        }
        List<Integer> valueCols = new ArrayList<>();
        if (yCol >= 0) {
            valueCols.add(yCol);
        } else {
            for (int c = 0; c < header.size(); c++) {
                if (c != xCol && c != nameCol && !SIGMA.matcher(header.get(c)).matches()) {
                    valueCols.add(c);
                }
            }
        }
        if (valueCols.isEmpty()) {
            throw src.fail("CSV header " + Numbers.shorten(String.join(",", header)) + " names no intensity column");
        }
        double[] x = column(src, rows, xCol, header.get(xCol), convention);
        List<Pattern> out = new ArrayList<>();
        boolean single = valueCols.size() == 1;
        for (int c : valueCols) {
            double[] y = column(src, rows, c, header.get(c), convention);
            String name = single ? src.stem() : header.get(c);
            PatternMetadata md = PatternMetadata.fromFile(src.path(), "csv", null).withSampleName(name)
                    .withExtras(ScanAssembly.extras("intensity_column", header.get(c)));
            out.add(ScanAssembly.toPattern(src, x, y, md, k -> "CSV record " + rows.get(k).getRecordNumber()));
        }
        return out;
    }

    private static List<Pattern> readLong(SourceFile src, List<CSVRecord> rows, int nameCol, int xCol, int yCol,
                                          String yName, NumberConvention convention) throws PatternFormatException {
        Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            if (nameCol >= r.size()) {
                throw src.fail("CSV record " + r.getRecordNumber() + " has no pattern name");
            }
            groups.computeIfAbsent(r.get(nameCol), k -> new ArrayList<>()).add(r);
        }
        List<Pattern> out = new ArrayList<>();
        for (var g : groups.entrySet()) {
            List<CSVRecord> rs = g.getValue();
            PatternMetadata md = PatternMetadata.fromFile(src.path(), "csv", null).withSampleName(g.getKey())
                    .withExtras(ScanAssembly.extras("intensity_column", yName));
            out.add(ScanAssembly.toPattern(src, column(src, rs, xCol, "2θ", convention), column(src, rs, yCol, yName, convention), md,
                    k -> "CSV record " + rs.get(k).getRecordNumber() + " (pattern '" + Numbers.shorten(g.getKey()) + "')"));
        }
        return out;
    }

    /** The number convention of the whole table (decimal commas in a ';'-separated European export, thousands separators). */
    private static NumberConvention convention(SourceFile src, List<CSVRecord> rows, int xCol, int nameCol) throws PatternFormatException {
        NumberConvention.Evidence evidence = new NumberConvention.Evidence();
        for (CSVRecord r : rows) {
            for (int c = 0; c < r.size(); c++) {
                if (c != nameCol) {
                    evidence.see(r.get(c), c == xCol, () -> "CSV record " + r.getRecordNumber());
                }
            }
        }
        return evidence.decide(src);
    }

    private static double[] column(SourceFile src, List<CSVRecord> rows, int col, String name, NumberConvention convention)
            throws PatternFormatException {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            CSVRecord r = rows.get(i);
            if (col >= r.size()) {
                throw src.fail("CSV record " + r.getRecordNumber() + " has " + r.size() + " fields, no column '" + name + "'");
            }
            v[i] = convention.parse(src, r.get(col), () -> "CSV record " + r.getRecordNumber() + " column '" + Numbers.shorten(name) + "'");
        }
        return v;
    }

    private static int find(List<String> header, java.util.regex.Pattern p, int except) {
        for (int i = 0; i < header.size(); i++) {
            if (i != except && p.matcher(header.get(i).strip()).matches()) {
                return i;
            }
        }
        return -1;
    }

    static String firstNonCommentLine(String text) {
        for (String line : TextLines.split(text)) {
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                return line;
            }
        }
        return null;
    }
}
