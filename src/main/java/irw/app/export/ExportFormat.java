package irw.app.export;

/** File layouts: CSV wide (one column per pattern), CSV long (one row per point), or one .xy per pattern. */
public enum ExportFormat {
    CSV_WIDE("CSV, wide"), CSV_LONG("CSV, long"), XY(".xy files");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    /** What one written pattern trace becomes in this layout: a column, a block of rows, or a file. */
    public String unit(int count) {
        String one = switch (this) {
            case CSV_WIDE -> "column";
            case CSV_LONG -> "trace";
            case XY -> ".xy file";
        };
        return count == 1 ? one : one + "s";
    }

    @Override
    public String toString() {
        return label;
    }
}
