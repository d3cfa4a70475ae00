package irw.app.spectra;

/** The traces of the Spectra view; the view styles each kind (the CSS class is the lower-case name). */
public enum SeriesKind { RAW, REFINED, GROUND_TRUTH, DIFFERENCE }
