package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Column text: .xy, .dat, .txt (2θ and intensity) and .xye (2θ, intensity, σ), separated by
 * whitespace, commas or semicolons (with a decimal comma when the separator is a semicolon).
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
        Separator sep = separatorOf(lines[first]);
        int columns = tokens(lines[first], sep, 64).length;
        DoubleColumn x = new DoubleColumn();
        DoubleColumn y = new DoubleColumn();
        DoubleColumn lineOf = new DoubleColumn();
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || TextLines.isComment(line)) {
                continue;
            }
            String[] t = tokens(line, sep, 2);
            if (t.length < 2) {
                throw src.fail(TextLines.at(i) + ": expected 2θ and intensity, found '" + Numbers.shorten(line.strip()) + "'");
            }
            int lineNo = i;
            x.add(src.number(t[0], () -> TextLines.at(lineNo) + " column 1"));
            y.add(src.number(t[1], () -> TextLines.at(lineNo) + " column 2"));
            lineOf.add(i);
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
        PatternMetadata md = PatternMetadata.fromFile(src.path(), sigma ? "xye" : "xy", wavelength).withExtras(extras);
        return List.of(ScanAssembly.toPattern(src, x.toArray(), y.toArray(), md,
                k -> TextLines.at((int) lineOf.get(k))));
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
            case SEMICOLON -> {
                String[] t = TextLines.split(line, ';', limit);
                for (int i = 0; i < t.length; i++) {
                    if (t[i].indexOf(',') >= 0 && t[i].indexOf('.') < 0) {
                        t[i] = t[i].replace(',', '.');
                    }
                }
                yield t;
            }
        };
    }

    static int numericTokens(String[] tokens) {
        int n = 0;
        for (String t : tokens) {
            if (Numbers.isNumber(t)) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }
}
