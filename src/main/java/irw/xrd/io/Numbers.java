package irw.xrd.io;

import java.util.Optional;

/** Parsing of decimal numbers as instruments write them, without exceptions for control flow. */
final class Numbers {
    private Numbers() {
    }

    /**
     * A finite or non-finite double from a token such as "10.025", "1.2E+03", "-0.5", "NaN".
     * Hex floats and the Java suffixes "d"/"f" are not numbers in a data file, so they are refused.
     */
    static Optional<Double> parse(String token) {
        String t = token.strip();
        if (t.isEmpty() || t.length() > 64) {
            return Optional.empty();
        }
        t = fortranExponent(t);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return nonFinite(t);
            }
        }
        try {
            return Optional.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Fortran writes double-precision exponents with D ("1.0D+02" = 100); a D (or d) between a
     * mantissa and an exponent becomes E. A trailing "d" (Java's suffix) stays refused.
     */
    private static String fortranExponent(String t) {
        int d = Math.max(t.indexOf('D'), t.indexOf('d'));
        if (d <= 0 || d == t.length() - 1) {
            return t;
        }
        char before = t.charAt(d - 1);
        char after = t.charAt(d + 1);
        boolean exponent = (Character.isDigit(before) || before == '.')
                && (Character.isDigit(after) || ((after == '+' || after == '-') && d + 2 < t.length() && Character.isDigit(t.charAt(d + 2))));
        return exponent ? t.substring(0, d) + 'E' + t.substring(d + 1) : t;
    }

    private static Optional<Double> nonFinite(String t) {
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "nan", "-nan", "+nan" -> Optional.of(Double.NaN);
            case "inf", "+inf", "infinity", "+infinity" -> Optional.of(Double.POSITIVE_INFINITY);
            case "-inf", "-infinity" -> Optional.of(Double.NEGATIVE_INFINITY);
            default -> Optional.empty();
        };
    }

    static boolean isNumber(String token) {
        return parse(token).isPresent();
    }

    /**
     * True for a number in any decimal convention ("10.5", "10,5", "1,204", "1.234,5"): for telling
     * data lines from prose before the file's convention is known ({@link NumberConvention} then
     * decides how each is read).
     */
    static boolean looksNumeric(String token) {
        if (isNumber(token)) {
            return true;
        }
        if (token.indexOf(',') < 0) {
            return false;
        }
        String t = token.replace(',', '.');
        int last = t.lastIndexOf('.');
        return isNumber(t.substring(0, last).replace(".", "") + t.substring(last));
    }

    /** A token cut to a length that fits an error message. */
    static String shorten(String token) {
        String printable = token.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
