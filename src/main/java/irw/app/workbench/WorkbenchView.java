package irw.app.workbench;

/** The tabs of the main window, in order. */
public enum WorkbenchView { DATA, SPECTRA, HEATMAPS, TRAINING, EMBEDDING, DIGITS, EXPORT, IDENTIFY }
