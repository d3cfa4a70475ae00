package irw.xrd.library;

import irw.xrd.cif.ChemicalElements;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chemical formula as CIFs and the AMCSD index write it ({@code Ca Mg C2 O6},
 * {@code (Ca.501 Mg.499) C O3}, {@code Li8 Mn8 O16}, {@code LiMnO2}): the amount of each element,
 * groups in parentheses multiplied out. Charges and unknown symbols are ignored.
 */
public record ChemicalFormula(Map<String, Double> amounts) {
    private static final Pattern TOKEN = Pattern.compile("([A-Z][a-z]?)(\\d*\\.?\\d*)|(\\()|(\\))(\\d*\\.?\\d*)");

    public ChemicalFormula {
        amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
    }

    public static ChemicalFormula parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        parseInto(text == null ? "" : text, out);
        return new ChemicalFormula(out);
    }

    private static void parseInto(String text, Map<String, Double> out) {
        // a stack of open groups: each collects its own amounts until its ')' multiplies them in
        java.util.ArrayDeque<Map<String, Double>> groups = new java.util.ArrayDeque<>();
        groups.push(new LinkedHashMap<>());
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                if (!isElement(m.group(1))) {
                    continue;
                }
                String element = m.group(1).equals("D") || m.group(1).equals("T") ? "H" : m.group(1); // isotopes of H
                groups.peek().merge(element, amount(m.group(2)), Double::sum);
            } else if (m.group(3) != null) {
                groups.push(new LinkedHashMap<>());
            } else if (groups.size() > 1) {
                Map<String, Double> inner = groups.pop();
                double factor = amount(m.group(5));
                inner.forEach((e, a) -> groups.peek().merge(e, a * factor, Double::sum));
            }
        }
        while (groups.size() > 1) { // an unclosed group counts once
            Map<String, Double> inner = groups.pop();
            inner.forEach((e, a) -> groups.peek().merge(e, a, Double::sum));
        }
        out.putAll(groups.pop());
    }

    private static boolean isElement(String symbol) {
        return ChemicalElements.atomicNumber(symbol) > 0;
    }

    private static double amount(String digits) {
        if (digits == null || digits.isEmpty() || digits.equals(".")) {
            return 1;
        }
        return Double.parseDouble(digits.startsWith(".") ? "0" + digits : digits);
    }

    public Set<String> elements() {
        return amounts.keySet();
    }

    /** Amounts divided by their sum: comparable between a formula unit and a whole cell. */
    public Map<String, Double> fractions() {
        double total = amounts.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        amounts.forEach((e, a) -> out.put(e, total > 0 ? a / total : 0));
        return out;
    }

    /** True when both hold the same elements in proportions equal to a relative tolerance. */
    public boolean sameComposition(ChemicalFormula other, double tolerance) {
        if (!elements().equals(other.elements()) || amounts.isEmpty()) {
            return false;
        }
        Map<String, Double> a = fractions();
        Map<String, Double> b = other.fractions();
        return a.keySet().stream().allMatch(e -> Math.abs(a.get(e) - b.get(e)) <= tolerance * Math.max(a.get(e), b.get(e)));
    }

    /** Element symbols sorted by atomic number. */
    public static List<String> byAtomicNumber(Set<String> elements) {
        return elements.stream().sorted(java.util.Comparator.comparingInt(ChemicalElements::atomicNumber)).toList();
    }
}
