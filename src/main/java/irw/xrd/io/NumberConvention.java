package irw.xrd.io;

import irw.core.PatternFormatException;

import java.util.function.Supplier;

/**
 * How a text file writes its numbers: the decimal mark ('.' or ',') and the grouping mark of
 * thousands (',' or '.', or none). Decided from the whole file, never from one line, because a
 * single token is often ambiguous: "1,204" is 1204 in a file whose angles read "10.00" and 1.204 in
 * one whose angles read "10,00". The 2θ column settles most files, since an angle below 180° never
 * needs a thousands separator. A file that mixes the conventions, or whose only commas are
 * ambiguous, is refused with the reason rather than read one of two ways.
 */
final class NumberConvention {
    static final NumberConvention PLAIN = new NumberConvention('.', (char) 0);
    private final char decimal;
    private final char grouping;

    private NumberConvention(char decimal, char grouping) {
        this.decimal = decimal;
        this.grouping = grouping;
    }

    char decimal() {
        return decimal;
    }

    /** The grouping mark, or 0 when the file groups no digits. */
    char grouping() {
        return grouping;
    }

    /** A number written in this convention, or a PatternFormatException saying where it was expected. */
    double parse(SourceFile src, String token, Supplier<String> where) throws PatternFormatException {
        if (this == PLAIN && token.indexOf(',') < 0) {
            return src.number(token, where);
        }
        String t = token.strip();
        char other = decimal == ',' ? '.' : ',';
        if (other != grouping && t.indexOf(other) >= 0) {
            throw src.fail(where.get() + ": '" + Numbers.shorten(token) + "' has a '" + other + "' in a file whose numbers have '"
                    + decimal + "' as decimal mark");
        }
        if (grouping != 0 && t.indexOf(grouping) >= 0) {
            if (!Evidence.groupedCorrectly(t, grouping, decimal)) {
                throw src.fail(where.get() + ": '" + Numbers.shorten(token) + "' is not a number with '" + decimal
                        + "' as decimal mark and '" + grouping + "' between groups of three digits");
            }
            t = t.replace(String.valueOf(grouping), "");
        }
        if (decimal == ',') {
            t = t.replace(',', '.');
        }
        return src.number(t, where);
    }

    /** Collects what the tokens of a file say about its convention, then decides it. */
    static final class Evidence {
        private String commaDecimal;
        private String pointDecimal;
        private String commaGrouping;
        private String pointGrouping;
        private String ambiguousComma;
        private String ambiguousPoint;

        /**
         * @param token  a number as written
         * @param angle  true for the 2θ column (below 180°: a separator there is a decimal mark)
         * @param where  where the token is, for the reason of a refusal
         */
        void see(String token, boolean angle, Supplier<String> where) {
            String t = token.strip();
            int comma = t.lastIndexOf(',');
            int point = t.lastIndexOf('.');
            if (comma < 0 && point < 0) {
                return;
            }
            if (comma >= 0 && point >= 0) { // both: the last one is the decimal mark
                if (comma > point) {
                    commaDecimal = first(commaDecimal, t, where);
                    pointGrouping = first(pointGrouping, t, where);
                } else {
                    pointDecimal = first(pointDecimal, t, where);
                    commaGrouping = first(commaGrouping, t, where);
                }
                return;
            }
            char mark = comma >= 0 ? ',' : '.';
            boolean once = t.indexOf(mark) == t.lastIndexOf(mark);
            boolean threeAfter = once && digitsAfter(t, t.indexOf(mark)) == 3 && mantissaEnds(t, t.indexOf(mark) + 4);
            if (angle || (once && !threeAfter)) {
                if (mark == ',') {
                    commaDecimal = first(commaDecimal, t, where);
                } else {
                    pointDecimal = first(pointDecimal, t, where);
                }
            } else if (!once) { // "12,345,678": only grouping repeats
                if (mark == ',') {
                    commaGrouping = first(commaGrouping, t, where);
                } else {
                    pointGrouping = first(pointGrouping, t, where);
                }
            } else if (mark == ',') {
                ambiguousComma = first(ambiguousComma, t, where);
            } else {
                ambiguousPoint = first(ambiguousPoint, t, where); // "1.204": a decimal point unless the file writes decimal commas
            }
        }

        /** The file's convention, or a refusal naming the conflicting or ambiguous tokens. */
        NumberConvention decide(SourceFile src) throws PatternFormatException {
            boolean comma = commaDecimal != null || pointGrouping != null;
            boolean point = pointDecimal != null || commaGrouping != null;
            if (comma && point) {
                throw src.fail("mixes number conventions: " + describe(commaDecimal != null ? commaDecimal : pointGrouping)
                        + " has a decimal comma but " + describe(pointDecimal != null ? pointDecimal : commaGrouping)
                        + " a decimal point; save the file with one convention");
            }
            if (comma) {
                return new NumberConvention(',', pointGrouping != null || ambiguousPoint != null ? '.' : (char) 0);
            }
            if (point || commaGrouping != null) {
                return new NumberConvention('.', commaGrouping != null || ambiguousComma != null ? ',' : (char) 0);
            }
            if (ambiguousComma != null) {
                throw src.fail("cannot tell whether the comma in " + describe(ambiguousComma) + " is a decimal comma or a thousands "
                        + "separator (no other number of the file decides it); save the file with decimal points and no grouping");
            }
            return PLAIN;
        }

        private static String first(String seen, String token, Supplier<String> where) {
            return seen != null ? seen : "'" + Numbers.shorten(token) + "' (" + where.get() + ")";
        }

        private static String describe(String evidence) {
            return evidence;
        }

        private static int digitsAfter(String t, int from) {
            int n = 0;
            for (int i = from + 1; i < t.length() && Character.isDigit(t.charAt(i)); i++) {
                n++;
            }
            return n;
        }

        /** True when the mantissa ends at {@code i}: the end of the token or an exponent. */
        private static boolean mantissaEnds(String t, int i) {
            return i >= t.length() || "eEdD".indexOf(t.charAt(i)) >= 0;
        }

        /** "-1,234,567.5": 1-3 digits, then groups of exactly three, then an optional decimal part and exponent. */
        static boolean groupedCorrectly(String t, char grouping, char decimal) {
            int i = 0;
            if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int lead = 0;
            while (i < t.length() && Character.isDigit(t.charAt(i))) {
                i++;
                lead++;
            }
            if (lead < 1 || lead > 3) {
                return false;
            }
            while (i < t.length() && t.charAt(i) == grouping) {
                int group = 0;
                i++;
                while (i < t.length() && Character.isDigit(t.charAt(i))) {
                    i++;
                    group++;
                }
                if (group != 3) {
                    return false;
                }
            }
            return i == t.length() || t.charAt(i) == decimal || "eEdD".indexOf(t.charAt(i)) >= 0;
        }
    }
}
