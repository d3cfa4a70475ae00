package irw.app.export;

/** File layouts: CSV wide (one column per pattern), CSV long (one row per point), or one .xy per pattern. */
public enum ExportFormat {
    CSV_WIDE("CSV, wide"), CSV_LONG("CSV, long"), XY(".xy files");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
