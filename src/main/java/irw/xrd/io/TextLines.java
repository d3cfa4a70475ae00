package irw.xrd.io;

/** Line handling shared by the text formats. */
final class TextLines {

    private TextLines() {
    }

    /** Lines split at \r\n, \r or \n (hand-rolled: a regex split cost more than parsing the numbers). */
    static String[] split(String text) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(Math.max(16, text.length() / 16));
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines.toArray(new String[0]);
    }

    /** Comment lines of the two-column formats: '#', '!', ';', '%' or '//' first. */
    static boolean isComment(String line) {
        String s = line.stripLeading();
        return s.startsWith("#") || s.startsWith("!") || s.startsWith(";") || s.startsWith("%") || s.startsWith("//");
    }

    /** Whitespace-separated words (hand-rolled: regex splitting dominated reading time). */
    static String[] words(String line) {
        return split(line, ' ');
    }

    /**
     * Tokens separated by whitespace and/or {@code separator}; a run of separators counts once, as
     * number columns are often padded ("10.0 ,  5").
     */
    static String[] split(String line, char separator) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(4);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i), separator)) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(line.charAt(i), separator)) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean isSeparator(char c, char separator) {
        return c == separator || Character.isWhitespace(c);
    }

    /** 1-based line numbers for messages. */
    static String at(int zeroBasedLine) {
        return "line " + (zeroBasedLine + 1);
    }
}
