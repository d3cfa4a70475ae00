package irw.xrd.io;

import java.util.regex.Pattern;

/** Line handling shared by the text formats. */
final class TextLines {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TextLines() {
    }

    static String[] split(String text) {
        return LINE_BREAK.split(text, -1);
    }

    /** Comment lines of the two-column formats: '#', '!', ';', '%' or '//' first. */
    static boolean isComment(String line) {
        String s = line.stripLeading();
        return s.startsWith("#") || s.startsWith("!") || s.startsWith(";") || s.startsWith("%") || s.startsWith("//");
    }

    static String[] words(String line) {
        String s = line.strip();
        return s.isEmpty() ? new String[0] : WHITESPACE.split(s);
    }

    /** 1-based line numbers for messages. */
    static String at(int zeroBasedLine) {
        return "line " + (zeroBasedLine + 1);
    }
}
