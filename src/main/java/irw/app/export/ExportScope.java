package irw.app.export;

/** Which patterns an export covers. */
public enum ExportScope {
    CURRENT("current pattern"), SELECTION("selected patterns"), BATCH("whole batch");

    private final String label;

    ExportScope(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
