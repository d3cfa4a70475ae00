package irw.app.workbench;

import java.util.Locale;

/**
 * The classifier's verdict on a pattern as the workbench shows it: the most likely class and its
 * calibrated probability, and the words to show ("cubic (87 %)", "uncertain: …", "too little of the
 * pattern measured …"). A refused pattern has no class (empty name, NaN probability).
 */
public record Prediction(String className, double confidence, String text) {
    public Prediction(String className, double confidence) {
        this(className, confidence, String.format(Locale.ROOT, "%s (%.0f%%)", className, 100 * confidence));
    }

    public boolean classified() {
        return !className.isEmpty();
    }
}
