package irw.ui.common;

/** The node ids that tests and the user guide refer to, in one place. */
public final class NodeIds {
    public static final String TABS = "mainTabs";
    public static final String STATUS_BACKEND = "statusBackend";
    public static final String STATUS_SERVICE = "statusService";
    public static final String STATUS_JOBS = "statusJobs";
    public static final String NOTIFICATIONS = "notificationList";
    public static final String DATA_TABLE = "patternTable";
    public static final String DATA_PROGRESS = "loadProgress";
    public static final String DATA_CANCEL = "cancelLoadButton";
    public static final String DATA_OPEN_FILES = "openFilesButton";
    public static final String DATA_OPEN_FOLDER = "openFolderButton";
    public static final String DATA_STATUS = "dataStatus";
    public static final String SPECTRA_CHART = "spectraChart";
    public static final String SPECTRA_AXIS = "axisChoice";
    public static final String SPECTRA_LOG = "logIntensityToggle";
    public static final String SPECTRA_TITLE = "spectraTitle";
    public static final String HEATMAP_CHART = "heatmapChart";
    public static final String HEATMAP_KIND = "heatmapKind";
    public static final String HEATMAP_STATUS = "heatmapStatus";
    public static final String EXPORT_SCOPE = "exportScope";
    public static final String EXPORT_FORMAT = "exportFormat";
    public static final String EXPORT_RAW = "exportIncludeRaw";
    public static final String EXPORT_TRUTH = "exportIncludeTruth";
    public static final String EXPORT_BUTTON = "exportButton";
    public static final String EXPORT_STATUS = "exportStatus";

    private NodeIds() {
    }
}
