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
    private static final java.util.regex.Pattern SIGMA_WORDS =
            java.util.regex.Pattern.compile("(?i).*\\b(sigma|esd|err|error|uncertainty|σ)\\b.*");

    private DelimitedTextReader() {
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        String[] lines = TextLines.split(src.text());
        int first = -1;
        String header = null;
        int headerLines = 0;
        for (int i = 0; i < lines.length && first < 0; i++) {
            String line = lines[i];
            if (line.isBlank() || TextLines.isComment(line)) {
                continue;
            }
            if (numericTokens(tokens(line, separatorOf(line))) >= 2) {
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
        int columns = tokens(lines[first], sep).length;
        DoubleColumn x = new DoubleColumn();
        DoubleColumn y = new DoubleColumn();
        DoubleColumn lineOf = new DoubleColumn();
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || TextLines.isComment(line)) {
                continue;
            }
            String[] t = tokens(line, sep);
            if (t.length < 2) {
                throw src.fail(TextLines.at(i) + ": expected 2θ and intensity, found '" + Numbers.shorten(line.strip()) + "'");
            }
            x.add(src.number(t[0], TextLines.at(i) + " column 1"));
            y.add(src.number(t[1], TextLines.at(i) + " column 2"));
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
        PatternMetadata md = PatternMetadata.fromFile(src.path(), sigma ? "xye" : "xy", null).withExtras(extras);
        return List.of(ScanAssembly.toPattern(src, x.toArray(), y.toArray(), md,
                k -> TextLines.at((int) lineOf.get(k))));
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
        String s = line.strip();
        if (s.isEmpty()) {
            return new String[0];
        }
        return switch (sep) {
            case WHITESPACE -> TextLines.words(s);
            case COMMA -> s.split("\\s*,\\s*|\\s+");
            case SEMICOLON -> {
                String[] t = s.split("\\s*;\\s*|\\s+");
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
