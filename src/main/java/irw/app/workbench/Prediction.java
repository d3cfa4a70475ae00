package irw.app.workbench;

/** The classifier's verdict on a pattern: the most likely class and its probability. */
public record Prediction(String className, double confidence) {
    public String text() {
        return String.format("%s (%.0f%%)", className, 100 * confidence);
    }
}
