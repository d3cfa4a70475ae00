package irw.app.workbench;

import irw.core.Normalisation;
import irw.core.Pattern;
import irw.core.Resampler;
import irw.core.TwoThetaGrid;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One row of the Data table: a pattern read from a file, or a file that could not be read (then
 * {@link #error()} says why). The refined pattern, the prediction and the ground truth arrive
 * later and are observable.
 *
 * <p>A row is refined only when the user refines it (a preview accepted, or a batch): then
 * {@link #refinedByProperty()} names the refiner. The live preview of the α/β/λ sliders is a
 * separate {@link #previewProperty()}, which marks nothing.
 */
public final class PatternEntry {
    private final Path source;
    private final Pattern raw;
    private final String error;
    private final String displayName;
    private final ReadOnlyObjectWrapper<Pattern> refined = new ReadOnlyObjectWrapper<>(this, "refined");
    private final ReadOnlyStringWrapper refinedBy = new ReadOnlyStringWrapper(this, "refinedBy", "");
    private final ObjectProperty<Pattern> preview = new SimpleObjectProperty<>(this, "preview");
    private final ObjectProperty<Pattern> modelInput = new SimpleObjectProperty<>(this, "modelInput");
    private final ObjectProperty<Prediction> prediction = new SimpleObjectProperty<>(this, "prediction");
    private final ObjectProperty<Pattern> groundTruth = new SimpleObjectProperty<>(this, "groundTruth");
    private final ObjectProperty<irw.core.Wavelength> enteredWavelength = new SimpleObjectProperty<>(this, "enteredWavelength");
    private final ObjectProperty<BestMatch> bestMatch = new SimpleObjectProperty<>(this, "bestMatch");
    private volatile Pattern rawOnGrid;

    private PatternEntry(Path source, Pattern raw, String error, String displayName) {
        this.source = source;
        this.raw = raw;
        this.error = error;
        this.displayName = displayName;
    }

    public static PatternEntry read(Path source, Pattern raw, String displayName) {
        return new PatternEntry(source, raw, null, displayName);
    }

    public static PatternEntry unreadable(Path source, String error) {
        return new PatternEntry(source, null, error, source.getFileName().toString());
    }

    public String name() {
        return displayName;
    }

    public Path source() {
        return source;
    }

    public boolean isReadable() {
        return raw != null;
    }

    /**
     * The raw pattern; empty for an unreadable file. A wavelength the user entered for a file that states
     * none travels in its metadata, so the d and Q axes, the models' input and the exports use it.
     */
    public Optional<Pattern> raw() {
        if (raw == null) {
            return Optional.empty();
        }
        irw.core.Wavelength entered = enteredWavelength.get();
        return Optional.of(entered == null || raw.metadata().wavelength().isPresent() ? raw
                : raw.withMetadata(raw.metadata().withWavelength(entered)));
    }

    /** Why the file could not be read, or empty. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public String format() {
        return raw == null ? "?" : raw.metadata().format();
    }

    public String rangeText() {
        return raw == null ? "" : String.format("%.2f–%.2f°", raw.firstTwoTheta(), raw.lastTwoTheta());
    }

    public int points() {
        return raw == null ? 0 : raw.size();
    }

    public String wavelengthText() {
        if (raw == null) {
            return "";
        }
        if (raw.metadata().wavelength().isPresent()) {
            return raw.metadata().wavelength().get().toString();
        }
        return enteredWavelength.get() == null ? "unknown" : enteredWavelength.get() + " (entered)";
    }

    /** The wavelength the file states, else the one the user entered for it; empty when neither. */
    public Optional<irw.core.Wavelength> wavelength() {
        return raw == null ? Optional.empty() : raw.metadata().wavelength().or(() -> Optional.ofNullable(enteredWavelength.get()));
    }

    /** Whether the file itself states its wavelength (then it cannot be overridden). */
    public boolean statesWavelength() {
        return raw != null && raw.metadata().wavelength().isPresent();
    }

    /** The wavelength the user entered for a file that states none; the file's own always wins. */
    public ObjectProperty<irw.core.Wavelength> enteredWavelengthProperty() {
        return enteredWavelength;
    }

    /** Search-match's best phase, once the pattern has been identified. */
    public ObjectProperty<BestMatch> bestMatchProperty() {
        return bestMatch;
    }

    /**
     * The raw pattern on the models' grid, scaled so its maximum is 1: what the classifier and the
     * refiner see, and what the heatmaps and comparisons show. Computed once.
     */
    public Pattern rawOnGrid(TwoThetaGrid grid) {
        Pattern cached = rawOnGrid;
        if (cached == null || cached.size() != grid.points() || cached.firstTwoTheta() != grid.start()) {
            cached = Normalisation.MAX.apply(Resampler.resample(raw, grid));
            rawOnGrid = cached;
        }
        return cached;
    }

    /** The refined pattern (on the models' grid) once the user refined this row; null before. */
    public ReadOnlyObjectProperty<Pattern> refinedProperty() {
        return refined.getReadOnlyProperty();
    }

    public Pattern refined() {
        return refined.get();
    }

    /** Which refiner made {@link #refined()} (the refiner network or per-pattern refinement with its weights), or "". */
    public ReadOnlyStringProperty refinedByProperty() {
        return refinedBy.getReadOnlyProperty();
    }

    public String refinedBy() {
        return refinedBy.get();
    }

    /** Marks the row refined: {@code pattern} made by {@code refiner} (a description the Data table shows). */
    public void setRefined(Pattern pattern, String refiner) {
        if (pattern == null || refiner == null || refiner.isBlank()) {
            throw new IllegalArgumentException("a refined pattern needs the pattern and the refiner that made it");
        }
        refinedBy.set(refiner);
        refined.set(pattern);
    }

    /** Forgets the refinement (its model was replaced, or the user removed it). */
    public void clearRefinement() {
        refined.set(null);
        refinedBy.set("");
        if (preview.get() == null) {
            modelInput.set(null);
        }
    }

    /** The live preview of per-pattern refinement at the sliders' weights: shown, not a refinement. */
    public ObjectProperty<Pattern> previewProperty() {
        return preview;
    }

    public Pattern preview() {
        return preview.get();
    }

    /**
     * The raw pattern as the refiner saw it (background removed, strongest measured cell 1, only the
     * measured cells): set with the refinement or preview, so raw and refined compare like with like.
     */
    public ObjectProperty<Pattern> modelInputProperty() {
        return modelInput;
    }

    public Pattern modelInput() {
        return modelInput.get();
    }

    /** The metadata key of a refined pattern naming the method that made it (kept in exports). */
    public static final String REFINED_BY = "refinedBy";

    public ObjectProperty<Prediction> predictionProperty() {
        return prediction;
    }

    public ObjectProperty<Pattern> groundTruthProperty() {
        return groundTruth;
    }

    public Pattern groundTruth() {
        return groundTruth.get();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
