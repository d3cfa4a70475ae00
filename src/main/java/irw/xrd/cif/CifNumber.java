package irw.xrd.cif;

/** Numbers as CIF writes them: {@code 5.93(2)} carries a standard uncertainty in brackets. */
public final class CifNumber {
    private CifNumber() {
    }

    /** {@code ?} (unknown) and {@code .} (inapplicable) stand for no value. */
    public static boolean isUnknown(String value) {
        return value == null || value.equals("?") || value.equals(".");
    }

    /** The value without its uncertainty, or NaN when the text is no number. */
    public static double parse(String text) {
        if (isUnknown(text)) {
            return Double.NaN;
        }
        int bracket = text.indexOf('(');
        String number = bracket >= 0 ? text.substring(0, bracket) : text;
        if (bracket >= 0 && !text.endsWith(")")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The standard uncertainty of the last digits, e.g. 0.02 for {@code 5.93(2)}; 0 when none is given. */
    public static double uncertainty(String text) {
        int open = text.indexOf('(');
        int close = text.indexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        String number = text.substring(0, open);
        int dot = number.indexOf('.');
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        int end = e >= 0 ? e : number.length();
        int decimals = dot >= 0 ? end - dot - 1 : 0;
        double su = Double.parseDouble(text.substring(open + 1, close)) * Math.pow(10, -decimals);
        return e >= 0 ? su * Math.pow(10, Double.parseDouble(number.substring(e + 1))) : su;
    }
}
