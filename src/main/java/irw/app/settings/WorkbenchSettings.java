package irw.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the workbench remembers between runs. Unknown or missing fields fall back to defaults, so
 * an older or newer settings file never stops the app from starting.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class WorkbenchSettings {
    /** The folder file choosers start in. */
    public String lastFolder;
    /** The folders and files open when the workbench closed, reopened at the next start; null before the first start. */
    public java.util.List<String> openedPaths;
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1280;
    public double windowHeight = 820;
    public boolean maximised;
    public double notificationDivider = 0.86;
    public double alpha = 1.0;
    public double beta = 0.5;
    public double lambda = 0.1;
    public int refinementSteps = 10;
    public String spectraAxis = "TWO_THETA";
    public boolean logIntensity;
    public int selectedTab;
}
