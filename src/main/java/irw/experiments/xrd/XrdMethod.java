package irw.experiments.xrd;

/**
 * The arms of the XRD reproduction, named as they appear in the report and in runs.csv. The
 * "paper" names are the closest rows in Bai et al.'s tables (our classifier is a small 1-D CNN,
 * not VGG-19 or DenseNet-121).
 */
public enum XrdMethod {
    RAW_STANDARD("standard classifier, raw", "Standard"),
    RAW_PROTO("prototypical classifier, raw", "Prototypical"),
    DWT_PROTO("DWT + prototypical", "DWT"),
    REFINED_STANDARD("UNet + standard", "UNet+{net}"),
    REFINED_PROTO("UNet + proto", "UNet+proto-{net}"),
    NON_TARGETED_PROTO("non-targeted UNet + proto", "non-targeted UNet+proto-{net}"),
    ABLATION_PROTO_ONLY("UNet + proto, l_proto + l_reg (no l_pred)", "Table 3 row 1"),
    ABLATION_PRED_ONLY("UNet + proto, l_pred + l_reg (no l_proto)", "Table 3 row 2");

    private final String label;
    private final String paperName;

    XrdMethod(String label, String paperName) {
        this.label = label;
        this.paperName = paperName;
    }

    public String label() {
        return label;
    }

    /** The paper's row name for network {@code net} ("VGG" or "DenseNet"). */
    public String paperName(String net) {
        return paperName.replace("{net}", net);
    }

    /** Metric names in runs.csv. */
    public static final String ACCURACY = "accuracy";

    /** The Table 4 metric of one distance ("l1", "l2", "KL", "NCC") and statistic ("mean", "median"). */
    public static String distanceMetric(String distance, String statistic) {
        return distance + " " + statistic;
    }
}
