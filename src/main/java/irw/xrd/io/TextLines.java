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
        return split(line, separator, Integer.MAX_VALUE);
    }

    /** At most {@code limit} leading tokens: a reader that needs two columns does not split a huge line. */
    static String[] split(String line, char separator, int limit) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(4);
        int n = line.length();
        int i = 0;
        while (i < n && out.size() < limit) {
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

    /** Number of whitespace-separated words, without building them. */
    static int countWords(String line) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    /** Walks the whitespace-separated words of a text one at a time, so a long list never becomes an array of strings. */
    static final class Words {
        private final String text;
        private int pos;

        Words(String text) {
            this.text = text;
        }

        /** The next word, or null at the end. */
        String next() {
            int n = text.length();
            while (pos < n && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == n) {
                return null;
            }
            int start = pos;
            while (pos < n && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }
    }

    private static boolean isSeparator(char c, char separator) {
        return c == separator || Character.isWhitespace(c);
    }

    /** 1-based line numbers for messages. */
    static String at(int zeroBasedLine) {
        return "line " + (zeroBasedLine + 1);
    }
}
