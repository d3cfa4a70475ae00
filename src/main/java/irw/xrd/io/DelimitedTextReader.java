package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Column text: .xy, .dat, .txt (2θ and intensity) and .xye (2θ, intensity, σ), separated by
 * whitespace, commas or semicolons. The separator and the number convention (decimal point or
 * comma, thousands separators) are decided from the whole file ({@link #fileSeparator},
 * {@link NumberConvention}); fixed-width lines whose columns run together are split at the
 * widths the other lines fix, or skipped, and either is said in the pattern's warning.
 * Comment lines start with '#', '!', ';', '%' or '//'; non-numeric lines before the data are a
 * header. Columns after the second are not part of the pattern: σ of an .xye is noted in the
 * metadata extras ({@code sigma_column=3}), other extra columns as {@code ignored_columns}.
 */
final class DelimitedTextReader {
    private static final int MAX_HEADER_LINES = 200;
    /**
     * A stated wavelength in a comment: "# wavelength: Cu Kα1 1.54060 Å, Kα2 1.54439 Å (ratio 0.50)"
     * (as the .xy export writes it), "# Wavelength = 1.5406", "! wavelength 0.7093 A".
     */
    private static final java.util.regex.Pattern WAVELENGTH = java.util.regex.Pattern.compile(
            "(?i).*\\bwavelength\\s*[:=]?\\s*(?:(Cu|Co|Mo|Fe|Cr|Ag|W|Ni|Mn|Ti|Rh|Ga|In)\\s+)?(?:K(?:α|a|alpha)1\\s+)?(\\d+\\.\\d+)\\s*(?:Å|A)?"
                    + "(?:,\\s*K(?:α|a|alpha)2\\s+(\\d+\\.\\d+)\\s*(?:Å|A)?\\s*\\(ratio\\s+(\\d+(?:\\.\\d+)?)\\))?.*");
    private static final java.util.regex.Pattern SIGMA_WORDS =
            java.util.regex.Pattern.compile("(?i).*\\b(sigma|esd|err|error|uncertainty|σ)\\b.*");

    private DelimitedTextReader() {
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        String[] lines = TextLines.split(src.text());
        int first = -1;
        String header = null;
        int headerLines = 0;
        irw.core.Wavelength wavelength = null;
        for (int i = 0; i < lines.length && first < 0; i++) {
            String line = lines[i];
            if (line.isBlank() || TextLines.isComment(line)) {
                if (wavelength == null && line.length() < 400) {
                    wavelength = statedWavelength(line);
                }
                continue;
            }
            if (numericTokens(tokens(line, separatorOf(line), 2)) >= 2) {
                first = i;
            } else {
                if (++headerLines > MAX_HEADER_LINES) {
                    throw src.fail("no numeric data in the first " + MAX_HEADER_LINES + " non-comment lines");
                }
                if (header == null) {
                    header = line.strip();
                }
            }
        }
        if (first < 0) {
            throw src.fail(lines.length <= 1 && lines[0].isBlank() ? "file is empty" : "no lines with two numbers (2θ and intensity) found");
        }
        Separator sep = fileSeparator(src, lines, first);
        int columns = tokens(lines[first], sep, 64).length;
        // pass 1: the two columns as written, so that the number convention is decided from the whole file
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        List<Integer> xEnds = new ArrayList<>();
        List<Integer> runTogether = new ArrayList<>();
        NumberConvention.Evidence evidence = new NumberConvention.Evidence();
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || TextLines.isComment(line)) {
                continue;
            }
            String[] t = tokens(line, sep, 2);
            if (t.length < 2) {
                if (t.length == 1 && sep == Separator.WHITESPACE && RunTogetherLines.candidate(t[0])) {
                    runTogether.add(i);
                    xs.add(null);
                    ys.add(null);
                    lineOf.add(i);
                    continue;
                }
                throw src.fail(TextLines.at(i) + ": expected 2θ and intensity, found '" + Numbers.shorten(line.strip()) + "'");
            }
            int lineNo = i;
            evidence.see(t[0], true, () -> TextLines.at(lineNo));
            evidence.see(t[1], false, () -> TextLines.at(lineNo));
            xs.add(t[0]);
            ys.add(t[1]);
            lineOf.add(i);
            xEnds.add(line.indexOf(t[0]) + t[0].length());
        }
        NumberConvention convention = evidence.decide(src);
        List<String> warnings = new ArrayList<>();
        if (!runTogether.isEmpty()) {
            warnings.add(splitRunTogether(lines, xs, ys, lineOf, xEnds, runTogether, convention.decimal()));
        }
        DoubleColumn x = new DoubleColumn();
        DoubleColumn y = new DoubleColumn();
        DoubleColumn lineNumbers = new DoubleColumn();
        for (int k = 0; k < xs.size(); k++) {
            if (xs.get(k) == null) {
                continue; // a run-together line the file's widths could not split: skipped and counted in the warning
            }
            int lineNo = lineOf.get(k);
            x.add(convention.parse(src, xs.get(k), () -> TextLines.at(lineNo) + " column 1"));
            y.add(convention.parse(src, ys.get(k), () -> TextLines.at(lineNo) + " column 2"));
            lineNumbers.add(lineNo);
        }
        String ext = src.extension();
        boolean sigma = columns >= 3 && (ext.equals("xye") || (header != null && SIGMA_WORDS.matcher(header).matches()));
        Map<String, String> extras = new HashMap<>();
        if (sigma) {
            extras.put("sigma_column", "3");
        } else if (columns >= 3) {
            extras.put("ignored_columns", columns == 3 ? "3" : "3-" + columns);
        }
        if (header != null) {
            extras.put("header", Numbers.shorten(header));
        }
        if (convention != NumberConvention.PLAIN) {
            extras.put("number_convention", "decimal '" + convention.decimal() + "'"
                    + (convention.grouping() == 0 ? "" : ", thousands '" + convention.grouping() + "'"));
        }
        if (!warnings.isEmpty()) {
            extras.put(PatternMetadata.WARNING, String.join("; ", warnings));
        }
        PatternMetadata md = PatternMetadata.fromFile(src.path(), sigma ? "xye" : "xy", wavelength).withExtras(extras);
        return List.of(ScanAssembly.toPattern(src, x.toArray(), y.toArray(), md,
                k -> TextLines.at((int) lineNumbers.get(k))));
    }

    private static irw.core.Wavelength statedWavelength(String comment) {
        java.util.regex.Matcher m = WAVELENGTH.matcher(comment);
        if (!m.matches()) {
            return null;
        }
        Double k2 = m.group(3) == null ? null : Double.valueOf(m.group(3));
        Double ratio = m.group(4) == null ? null : Double.valueOf(m.group(4));
        return StatedWavelength.of(m.group(1), Double.valueOf(m.group(2)), k2, ratio).orElse(null);
    }

    /**
     * Splits the run-together lines at the widths the other lines fix, or leaves them out; returns
     * the warning that says which lines were split or skipped.
     */
    private static String splitRunTogether(String[] lines, List<String> xs, List<String> ys, List<Integer> lineOf, List<Integer> xEnds,
                                           List<Integer> runTogether, char decimal) {
        List<String> angles = new ArrayList<>();
        for (String a : xs) {
            if (a != null) {
                angles.add(a);
            }
        }
        RunTogetherLines widths = RunTogetherLines.infer(angles, xEnds, decimal);
        List<Integer> split = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int k = 0; k < xs.size(); k++) {
            if (xs.get(k) != null) {
                continue;
            }
            int line = lineOf.get(k);
            String[] two = widths == null ? null : widths.split(lines[line], decimal);
            if (two == null) {
                skipped.add(line);
            } else {
                xs.set(k, two[0]);
                ys.set(k, two[1]);
                split.add(line);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!split.isEmpty()) {
            parts.add(split.size() + " line" + (split.size() == 1 ? "" : "s") + " where 2θ and intensity run together split after the "
                    + widths.decimals() + " decimals of the other lines' 2θ (" + RunTogetherLines.lineList(split) + ")");
        }
        if (!skipped.isEmpty()) {
            parts.add(skipped.size() + " line" + (skipped.size() == 1 ? "" : "s") + " where 2θ and intensity run together skipped: "
                    + (widths == null ? "the other lines do not fix the column widths" : "they do not split at the other lines' column widths")
                    + " (" + RunTogetherLines.lineList(skipped) + ")");
        }
        return String.join("; ", parts);
    }

    /**
     * The field separator of the whole file: ';' when any data line has one (European exports,
     * with decimal commas); ',' when commas separate the columns ("10.0,523", "10.0, 523");
     * whitespace when the columns are separated by blanks or tabs, commas then being inside
     * the numbers ("10,0 523,5", "10.00 1,204"), which {@link NumberConvention} reads. A file
     * that uses commas both ways is refused.
     */
    static Separator fileSeparator(SourceFile src, String[] lines, int first) throws PatternFormatException {
        int between = -1;
        int inside = -1;
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || TextLines.isComment(line)) {
                continue;
            }
            if (line.indexOf(';') >= 0) {
                return Separator.SEMICOLON;
            }
            if (line.indexOf(',') < 0) {
                continue;
            }
            if (commasInsideNumbers(line)) {
                inside = inside < 0 ? i : inside;
            } else {
                between = between < 0 ? i : between;
            }
        }
        if (between >= 0 && inside >= 0) {
            throw src.fail("commas separate the columns on " + TextLines.at(between) + " ('" + Numbers.shorten(lines[between].strip())
                    + "') but sit inside numbers on " + TextLines.at(inside) + " ('" + Numbers.shorten(lines[inside].strip()) + "')");
        }
        return between >= 0 ? Separator.COMMA : Separator.WHITESPACE;
    }

    /** Blank-separated columns whose every comma has a digit on both sides. */
    private static boolean commasInsideNumbers(String line) {
        if (TextLines.split(line, ' ', 2).length < 2) {
            return false;
        }
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            if (i == 0 || i == line.length() - 1 || !Character.isDigit(line.charAt(i - 1)) || !Character.isDigit(line.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    enum Separator { WHITESPACE, COMMA, SEMICOLON }

    static Separator separatorOf(String line) {
        if (line.indexOf(';') >= 0) {
            return Separator.SEMICOLON;
        }
        if (line.indexOf(',') >= 0) {
            return Separator.COMMA;
        }
        return Separator.WHITESPACE;
    }

    static String[] tokens(String line, Separator sep) {
        return tokens(line, sep, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens of a line. */
    static String[] tokens(String line, Separator sep, int limit) {
        return switch (sep) {
            case WHITESPACE -> TextLines.split(line, ' ', limit);
            case COMMA -> TextLines.split(line, ',', limit);
            case SEMICOLON -> semicolonTokens(line, limit);
        };
    }

    /** Fields between semicolons (blanks around them dropped; a blank inside a field stays, so "1 204" is not two numbers). */
    private static String[] semicolonTokens(String line, int limit) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        while (out.size() < limit) {
            int end = line.indexOf(';', start);
            String field = (end < 0 ? line.substring(start) : line.substring(start, end)).strip();
            if (!field.isEmpty()) {
                out.add(field);
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return out.toArray(new String[0]);
    }

    /** Numeric leading tokens; a decimal comma counts as a number here (the convention is decided for the whole file later). */
    static int numericTokens(String[] tokens) {
        int n = 0;
        for (String t : tokens) {
            if (Numbers.looksNumeric(t)) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }
}
