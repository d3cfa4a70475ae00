package irw.xrd.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-width column files ("%7.4f%5d") write 2θ and counts with no space between them once the
 * counts fill their field: "14.168110228" is 14.1681 and 10228. Such a line is split where the
 * file's other lines say the 2θ column ends: when every separated 2θ has the same number of
 * decimals, a run-together line is split after that many decimals, and, when the 2θ column also
 * ends at the same character position on every line, the split must fall there. Otherwise the
 * widths are unknown and the line is skipped; the reader says how many lines it split or skipped.
 */
final class RunTogetherLines {
    private final int decimals;
    private final int columnEnd;

    private RunTogetherLines(int decimals, int columnEnd) {
        this.decimals = decimals;
        this.columnEnd = columnEnd;
    }

    /** True for a lone token that could be two numbers run together: digits around one decimal mark. */
    static boolean candidate(String token) {
        String t = token.strip();
        int marks = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' || c == ',') {
                marks++;
            } else if (!Character.isDigit(c) && !(i == 0 && (c == '+' || c == '-'))) {
                return false;
            }
        }
        return marks == 1;
    }

    /**
     * The widths the separated lines fix, or null when they fix none.
     *
     * @param angles     the 2θ tokens of the separated lines
     * @param angleEnds  the character position after each of those tokens in its line
     * @param decimal    the file's decimal mark
     */
    static RunTogetherLines infer(List<String> angles, List<Integer> angleEnds, char decimal) {
        if (angles.size() < 3) {
            return null;
        }
        int decimals = -1;
        for (String a : angles) {
            int mark = a.indexOf(decimal);
            if (mark < 0 || a.indexOf('e') >= 0 || a.indexOf('E') >= 0) {
                return null;
            }
            int d = a.length() - mark - 1;
            if (decimals >= 0 && d != decimals) {
                return null;
            }
            decimals = d;
        }
        if (decimals < 1) {
            return null;
        }
        int end = angleEnds.get(0);
        for (int e : angleEnds) {
            if (e != end) {
                end = -1; // left-aligned or free layout: the decimals alone decide
                break;
            }
        }
        return new RunTogetherLines(decimals, end);
    }

    /** The 2θ and the counts of a run-together line, or null when it does not split at the known widths. */
    String[] split(String line, char decimal) {
        String t = line.strip();
        int lead = line.indexOf(t);
        int mark = t.indexOf(decimal);
        int cut = mark + 1 + decimals;
        if (mark < 1 || cut >= t.length()) {
            return null;
        }
        if (columnEnd >= 0 && lead + cut != columnEnd) {
            return null;
        }
        return new String[]{t.substring(0, cut), t.substring(cut)};
    }

    int decimals() {
        return decimals;
    }

    /** "lines 5, 9 and 12" (the first ten, then a count). */
    static String lineList(List<Integer> zeroBased) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(10, zeroBased.size()); i++) {
            shown.add(String.valueOf(zeroBased.get(i) + 1));
        }
        String list = String.join(", ", shown);
        return (zeroBased.size() == 1 ? "line " : "lines ") + list + (zeroBased.size() > 10 ? " and " + (zeroBased.size() - 10) + " more" : "");
    }
}
