package irw.app.identify;

import irw.app.notify.ErrorMessages;
import irw.app.task.BackgroundTask;
import irw.app.task.TaskContext;
import irw.app.workbench.BestMatch;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import irw.core.Wavelength;
import irw.xrd.peaks.Peak;
import irw.xrd.physics.Stick;
import irw.xrd.search.MatchedPhase;
import irw.xrd.search.PhaseMatch;
import irw.xrd.search.ReferenceLibrary;
import irw.xrd.search.SearchResult;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Identify view: the current pattern on its own axis and counts with its background, the toolkit's
 * steps (subtract, Kα2, smooth) as switches, its peak list, and search-match's ranked candidates with the
 * selected one's sticks overlaid. The wavelength is the file's, or the one the user enters for a file that
 * states none; it is stored with the row and used by the search, the peak list and the d-spacings.
 */
public final class IdentifyViewModel {
    private final WorkbenchModel model;
    private final LibrarySearch librarySearch;
    private final Map<PatternEntry, SearchResult> results = new ConcurrentHashMap<>();
    private final ReadOnlyObjectWrapper<PatternEntry> entry = new ReadOnlyObjectWrapper<>(this, "entry");
    private final TreatmentControls treatment = new TreatmentControls();
    private final ReadOnlyBooleanWrapper kAlpha2Available = new ReadOnlyBooleanWrapper(this, "kAlpha2Available");
    private final ReadOnlyBooleanWrapper wavelengthEditable = new ReadOnlyBooleanWrapper(this, "wavelengthEditable");
    private final StringProperty wavelengthInput = new SimpleStringProperty(this, "wavelengthInput", "");
    private final ReadOnlyObjectWrapper<PatternTreatment.Result> treated = new ReadOnlyObjectWrapper<>(this, "treated");
    private final ObservableList<Peak> peaks = FXCollections.observableArrayList();
    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<CandidateRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Stick> sticks = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper referenceMetrics = new ReadOnlyStringWrapper(this, "referenceMetrics", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final irw.app.task.LatestRequestRunner<Treatment, Treated> treatments;
    private BackgroundTask<?> task;

    /** One request to the toolkit's steps: the newest wins, computed off the UI thread. */
    private record Treatment(PatternEntry entry, Pattern raw, Wavelength wavelength, PatternTreatment steps) {
    }

    private record Treated(PatternEntry entry, PatternTreatment.Result result) {
    }

    /**
     * @param userLibraries the user's own structures and {@code cacheDir} the library's cache: see {@link LibrarySearch}
     */
    public IdentifyViewModel(WorkbenchModel model, List<Path> userLibraries, Path cacheDir) {
        this(model, userLibraries, cacheDir, null);
    }

    /** With a library already loaded (another window's, or a test's). */
    public IdentifyViewModel(WorkbenchModel model, ReferenceLibrary library) {
        this(model, List.of(), null, library);
    }

    private IdentifyViewModel(WorkbenchModel model, List<Path> userLibraries, Path cacheDir, ReferenceLibrary library) {
        this.model = model;
        this.librarySearch = new LibrarySearch(userLibraries, cacheDir, library);
        this.treatments = new irw.app.task.LatestRequestRunner<>(model.executor().newSerialWorker("identify-treatment"),
                model.executor().uiThread(), (q, obsolete) -> new Treated(q.entry(), q.steps().apply(q.raw(), q.wavelength())),
                this::showTreated, err -> status.set(ErrorMessages.describe(err)));
        InvalidationListener retreat = o -> treat();
        // a hidden view computes nothing: a batch load moves the current pattern many times
        active.addListener(o -> {
            if (active.get()) {
                treat();
            }
        });
        treatment.onChange(retreat);
        model.currentProperty().addListener((o, old, now) -> follow(now));
        selected.addListener((o, old, now) -> placeSticks());
        follow(model.current());
    }

    private void follow(PatternEntry now) {
        entry.set(now != null && now.isReadable() ? now : null);
        PatternEntry e = entry.get();
        wavelengthEditable.set(e != null && !e.statesWavelength());
        wavelengthInput.set(e == null ? "" : e.wavelength().map(IdentifyViewModel::shortName).orElse(""));
        referenceMetrics.set("");
        treat();
        showResult(e == null ? null : results.get(e));
    }

    private static String shortName(Wavelength w) {
        return w.anode().filter(a -> w.hasKAlpha2()).orElse(String.format(Locale.ROOT, "%.5f", w.kAlpha1()));
    }

    /** The radiation the pattern is treated and searched with: stated, entered, or else assumed Cu Kα. */
    public Wavelength wavelength() {
        PatternEntry e = entry.get();
        return e == null ? Wavelength.CU_KALPHA : e.wavelength().orElse(Wavelength.CU_KALPHA);
    }

    private boolean wavelengthAssumed() {
        PatternEntry e = entry.get();
        return e != null && e.wavelength().isEmpty();
    }

    /** Stores what the user typed as the pattern's wavelength (a file that states one keeps its own). */
    public void applyWavelength() {
        PatternEntry e = entry.get();
        if (e == null || e.statesWavelength()) {
            return;
        }
        try {
            Wavelength w = Wavelength.parse(wavelengthInput.get());
            e.enteredWavelengthProperty().set(w);
            boolean searched = results.remove(e) != null || e.bestMatchProperty().get() != null;
            status.set(e.name() + ": wavelength set to " + w);
            treat();
            showResult(null);
            if (searched) {
                // a search made with the assumed wavelength is out of date: search again with the entered one
                e.bestMatchProperty().set(null);
                identify();
            }
        } catch (IllegalArgumentException bad) {
            status.set(e.name() + ": " + bad.getMessage());
            model.notifications().warn(e.name(), bad.getMessage());
        }
    }

    private void treat() {
        PatternEntry e = entry.get();
        if (e == null) {
            treated.set(null);
            peaks.clear();
            kAlpha2Available.set(false);
            return;
        }
        Wavelength w = wavelength();
        kAlpha2Available.set(w.hasKAlpha2());
        if (!active.get()) {
            return;
        }
        try {
            treatments.submit(new Treatment(e, e.raw().orElseThrow(), w, treatment.steps()));
        } catch (IllegalArgumentException bad) {
            status.set(e.name() + ": " + bad.getMessage());
        }
    }

    private void showTreated(Treated t) {
        if (t.entry() != entry.get()) {
            return; // the user moved on while it was computed
        }
        treated.set(t.result());
        peaks.setAll(t.result().peaks());
    }

    /** Searches the current pattern against the library (the first time: simulates and caches the library). */
    public BackgroundTask<SearchResult> identify() {
        PatternEntry e = entry.get();
        if (e == null) {
            status.set("Select a readable pattern to identify");
            return null;
        }
        cancel();
        Wavelength w = wavelength();
        boolean assumed = wavelengthAssumed();
        BackgroundTask<SearchResult> t = BackgroundTask.of("Identifying " + e.name(), ctx -> search(e, w, ctx))
                .onSuccess(r -> {
                    finished();
                    if (entry.get() == e) {
                        showResult(r);
                    }
                    status.set(String.format(Locale.ROOT, "%s: %s in %.2f s%s", e.name(), LibrarySearch.summary(r), r.seconds(),
                            assumed ? "; the file states no wavelength: Cu Kα assumed (enter it above)" : ""));
                })
                .onCancelled(() -> {
                    finished();
                    status.set("Identification cancelled");
                })
                .onFailure(err -> {
                    finished();
                    status.set(e.name() + ": " + ErrorMessages.describe(err));
                    model.notifications().error(e.name(), err);
                });
        return start(t, "Identifying " + e.name() + " …");
    }

    /** Identifies every readable row, so the Data table's "best match" column fills; goes on past a bad file. */
    public BackgroundTask<Integer> identifyAll() {
        List<PatternEntry> rows = model.patterns().stream().filter(PatternEntry::isReadable).toList();
        cancel();
        BackgroundTask<Integer> t = BackgroundTask.of("Identifying " + rows.size() + " patterns", ctx -> {
            int done = 0;
            for (PatternEntry row : rows) {
                if (ctx.isCancelled()) {
                    break;
                }
                try {
                    search(row, row.wavelength().orElse(Wavelength.CU_KALPHA), ctx);
                } catch (IllegalArgumentException bad) {
                    model.executor().uiThread().execute(() -> model.notifications().warn(row.name(), bad.getMessage()));
                }
                ctx.updateProgress(++done, rows.size());
            }
            return done;
        }).onSuccess(n -> {
            finished();
            status.set("Identified " + n + " patterns: see the Data table's best match column");
            showResult(entry.get() == null ? null : results.get(entry.get()));
        }).onCancelled(this::finished).onFailure(err -> {
            finished();
            model.notifications().error("Identify all", err);
        });
        return start(t, "Identifying " + rows.size() + " patterns …");
    }

    private <T> BackgroundTask<T> start(BackgroundTask<T> t, String message) {
        task = t;
        running.set(true);
        status.set(message);
        return model.executor().execute(t);
    }

    private SearchResult search(PatternEntry e, Wavelength w, TaskContext ctx) throws java.io.IOException {
        SearchResult r = librarySearch.search(e.raw().orElseThrow(), w, ctx);
        results.put(e, r);
        BestMatch best = LibrarySearch.bestMatch(r);
        model.executor().uiThread().execute(() -> e.bestMatchProperty().set(best));
        return r;
    }

    private void finished() {
        running.set(false);
        task = null;
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private void showResult(SearchResult r) {
        selected.set(null);
        candidates.clear();
        if (r == null) {
            return;
        }
        for (PhaseMatch p : r.phases()) {
            for (int i = 0; i < p.candidates().size(); i++) {
                candidates.add(new CandidateRow(p.phase(), i + 1, p.candidates().get(i), p.closeMatch()));
            }
        }
        if (!candidates.isEmpty()) {
            selected.set(candidates.get(0));
        }
    }

    private MatchedPhase matched() {
        PatternEntry e = entry.get();
        CandidateRow row = selected.get();
        SearchResult r = e == null ? null : results.get(e);
        return row == null || r == null ? null : librarySearch.matched(row.candidate(), wavelength(), r.fwhm());
    }

    private void placeSticks() {
        MatchedPhase m = matched();
        PatternEntry e = entry.get();
        if (m == null) {
            sticks.clear();
            return;
        }
        Pattern raw = e.raw().orElseThrow();
        sticks.setAll(m.sticks(raw.firstTwoTheta(), raw.lastTwoTheta()));
    }

    /**
     * Makes the selected candidate's simulated profile the ground truth of this measured pattern, so the
     * Spectra view, the heatmaps and the metrics judge the raw and refined patterns against it.
     */
    public void useAsReference() {
        MatchedPhase m = matched();
        PatternEntry e = entry.get();
        if (m == null) {
            status.set("Identify the pattern and select a candidate first");
            return;
        }
        ReferenceComparison c = ReferenceComparison.of(e, m, model.grid());
        e.groundTruthProperty().set(c.reference());
        referenceMetrics.set(c.text());
        status.set(e.name() + ": " + LibrarySearch.label(m.candidate()) + " is now its reference (ground truth)");
    }

    /** Writes the peak list as CSV (atomically): 2θ, d, net height, FWHM, with the wavelength in the header. */
    public void exportPeaks(Path file) throws java.io.IOException {
        PatternEntry e = entry.get();
        PeakListCsv.write(file, e == null ? "" : e.name(), wavelength(), wavelengthAssumed(), treated.get() == null ? "" : treated.get().steps(),
                treatment.minPeakPercentProperty().get(), List.copyOf(peaks));
        status.set("Wrote " + peaks.size() + " peaks to " + file);
    }

    /** The switches on the measured pattern (background, Kα2, smoothing, peak threshold). */
    public TreatmentControls treatment() {
        return treatment;
    }

    /** Whether the view is on screen (the window binds it to its tab); while hidden nothing is computed. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyObjectProperty<PatternEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty kAlpha2AvailableProperty() {
        return kAlpha2Available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty wavelengthEditableProperty() {
        return wavelengthEditable.getReadOnlyProperty();
    }

    public StringProperty wavelengthInputProperty() {
        return wavelengthInput;
    }

    public ReadOnlyObjectProperty<PatternTreatment.Result> treatedProperty() {
        return treated.getReadOnlyProperty();
    }

    public ObservableList<Peak> peaks() {
        return peaks;
    }

    public ObservableList<CandidateRow> candidates() {
        return candidates;
    }

    public ObjectProperty<CandidateRow> selectedProperty() {
        return selected;
    }

    /** The selected candidate's sticks at their fitted positions inside the measured range. */
    public ObservableList<Stick> sticks() {
        return sticks;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty referenceMetricsProperty() {
        return referenceMetrics.getReadOnlyProperty();
    }
}
