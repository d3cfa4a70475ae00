package irw.app.workbench;

import java.util.Locale;

/**
 * Search-match's verdict on a pattern as the Data table shows it beside the classifier's: the best
 * phase-1 candidate, its crystal system and score, and whether it is a close match or only the
 * nearest the library holds.
 */
public record BestMatch(String phase, String crystalSystem, double score, boolean close) {
    public String text() {
        return String.format(Locale.ROOT, "%s%s, %s (%.2f)", close ? "" : "no close match; nearest ", phase, crystalSystem, score);
    }

    /**
     * True when both the search and the classifier gave an answer and they name different crystal
     * systems: the row says so, since one of the two is wrong.
     */
    public boolean disagreesWith(Prediction prediction) {
        return close && prediction != null && prediction.classified() && !prediction.className().equalsIgnoreCase(crystalSystem);
    }
}
