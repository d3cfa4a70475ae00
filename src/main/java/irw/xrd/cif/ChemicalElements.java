package irw.xrd.cif;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Element symbols and atomic numbers (H to Cf), and reading them from CIF type symbols and labels. */
public final class ChemicalElements {
    private static final List<String> SYMBOLS = List.of(("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn "
            + "Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu "
            + "Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf").split(" "));
    private static final Map<String, Integer> NUMBER = new HashMap<>();

    static {
        for (int i = 0; i < SYMBOLS.size(); i++) {
            NUMBER.put(SYMBOLS.get(i), i + 1);
        }
        NUMBER.put("D", 1);
        NUMBER.put("T", 1);
    }

    private ChemicalElements() {
    }

    /** The atomic number of a symbol ({@code Fe} gives 26), or 0 when it is no element. */
    public static int atomicNumber(String symbol) {
        return NUMBER.getOrDefault(symbol, 0);
    }

    /** An element plus a formal charge, as read from a type symbol or label. */
    public record Species(String element, int charge) {
    }

    /**
     * Reads {@code Mn3+}, {@code O2-}, {@code Fe+3}, {@code FE}, {@code O1a} or {@code Ca2}: the longest leading
     * letters that name an element, then an optional charge (digits and a sign on either side). Digits
     * without a sign (a label's site number) are no charge. Deuterium and tritium read as H.
     */
    public static Optional<Species> parse(String text) {
        String s = text.trim();
        int letters = 0;
        while (letters < s.length() && letters < 2 && Character.isLetter(s.charAt(letters))) {
            letters++;
        }
        for (int len = letters; len >= 1; len--) {
            String candidate = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1, len).toLowerCase(Locale.ROOT);
            if (NUMBER.containsKey(candidate)) {
                String element = candidate.equals("D") || candidate.equals("T") ? "H" : candidate;
                return Optional.of(new Species(element, charge(s.substring(len))));
            }
        }
        return Optional.empty();
    }

    private static int charge(String rest) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d*)([+-])(\\d*)$|^([+-])(\\d+)$").matcher(rest);
        if (!m.find()) {
            return 0;
        }
        if (m.group(2) != null) {
            if (!m.group(1).isEmpty() && !m.group(3).isEmpty()) {
                return 0;
            }
            String digits = m.group(1).isEmpty() ? m.group(3) : m.group(1);
            int magnitude = digits.isEmpty() ? 1 : Integer.parseInt(digits);
            return m.group(2).equals("-") ? -magnitude : magnitude;
        }
        int magnitude = Integer.parseInt(m.group(5));
        return m.group(4).equals("-") ? -magnitude : magnitude;
    }
}
