package irw.app.heatmap;

/** Which quantity a heatmap row shows. */
public enum HeatmapKind {
    RAW("raw"), REFINED("refined"), GROUND_TRUTH("ground truth"), RAW_MINUS_REFINED("raw − refined");

    private final String label;

    HeatmapKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
