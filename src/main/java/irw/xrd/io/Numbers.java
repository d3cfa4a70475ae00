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

    /** A token cut to a length that fits an error message. */
    static String shorten(String token) {
        String printable = token.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
