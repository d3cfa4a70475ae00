package irw.xrd.cif;

/**
 * Splits the text of one CIF 1.1 data block into tokens: tags, {@code loop_}, and values (bare,
 * quoted, or semicolon text fields). Comments are dropped. Each token knows its 1-based line.
 */
final class CifTokenizer {
    enum Kind { TAG, LOOP, VALUE, RESERVED, END }

    record Token(Kind kind, String text, int line) {
    }

    private final String text;
    private final int end;
    private final String block;
    private final java.nio.file.Path file;
    private int pos;
    private int line;

    CifTokenizer(String text, int start, int end, int firstLine, String block, java.nio.file.Path file) {
        this.text = text;
        this.pos = start;
        this.end = end;
        this.line = firstLine;
        this.block = block;
        this.file = file;
    }

    Token next() throws CifFormatException {
        skipSpaceAndComments();
        if (pos >= end) {
            return new Token(Kind.END, "", line);
        }
        char c = text.charAt(pos);
        int startLine = line;
        if (c == ';' && atLineStart(pos)) {
            return new Token(Kind.VALUE, semicolonField(), startLine);
        }
        if (c == '\'' || c == '"') {
            return new Token(Kind.VALUE, quoted(c), startLine);
        }
        int from = pos;
        while (pos < end && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(from, pos);
        if (word.charAt(0) == '_') {
            return new Token(Kind.TAG, word, startLine);
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("loop_")) {
            return new Token(Kind.LOOP, word, startLine);
        }
        if (lower.startsWith("save_") || lower.equals("global_") || lower.equals("stop_") || lower.startsWith("data_")) {
            return new Token(Kind.RESERVED, word, startLine);
        }
        return new Token(Kind.VALUE, word, startLine);
    }

    private boolean atLineStart(int at) {
        return at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r';
    }

    private void skipSpaceAndComments() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < end && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** A quoted value ends at the matching quote that is followed by white space or the end (CIF 1.1). */
    private String quoted(char quote) throws CifFormatException {
        int startLine = line;
        int from = ++pos;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == quote && (pos + 1 >= end || Character.isWhitespace(text.charAt(pos + 1)))) {
                String value = text.substring(from, pos);
                pos++;
                return value;
            }
            pos++;
        }
        throw new CifFormatException(file, block, startLine, "quoted value " + quote + text.substring(from, pos) + " is not closed on its line");
    }

    /** A text field runs from a line starting with ';' to the next line starting with ';'. */
    private String semicolonField() throws CifFormatException {
        int startLine = line;
        int from = pos + 1;
        int scan = from;
        while (scan < end) {
            char c = text.charAt(scan);
            if (c == '\n') {
                line++;
                if (scan + 1 < end && text.charAt(scan + 1) == ';') {
                    String value = text.substring(from, scan).strip();
                    pos = scan + 2;
                    return value;
                }
            }
            scan++;
        }
        pos = end;
        throw new CifFormatException(file, block, startLine, "text field opened with ';' is never closed");
    }
}
