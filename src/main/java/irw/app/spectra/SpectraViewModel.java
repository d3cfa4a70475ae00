package irw.app.spectra;

import irw.app.data.GridValues;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.Normalisation;
import irw.core.Pattern;
import irw.core.Wavelength;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Spectra view: the current pattern as raw, refined and ground truth plus a difference trace,
 * or, with several rows selected in the Data view, those patterns overlaid for comparison.
 *
 * <p>A raw pattern is always drawn on its own measured axis, never resampled: on its own in counts;
 * beside a ground truth or other patterns scaled to its maximum so they compare. Beside a refined
 * pattern the raw trace is the model input the refiner saw (on the models' grid, background removed,
 * max 1), so raw and refined compare point by point. The refined trace is the live preview while one
 * is shown (named "preview"), else the accepted refinement; the difference trace follows it. The d
 * and Q axes use the file's wavelength, or the one the user entered for a file that states none.
 */
public final class SpectraViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<AxisKind> axis = new SimpleObjectProperty<>(this, "axis", AxisKind.TWO_THETA);
    private final BooleanProperty logIntensity = new SimpleBooleanProperty(this, "logIntensity");
    private final ObservableList<SpectrumSeries> series = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper yLabel = new ReadOnlyStringWrapper(this, "yLabel", "intensity");
    private final InvalidationListener refresh = o -> refresh();
    private PatternEntry watched;
    /** The wavelength of what is drawn, for the crosshair's d and 2θ. */
    private double shownWavelength = Double.NaN;

    public SpectraViewModel(WorkbenchModel model) {
        this.model = model;
        axis.set(parseAxis(model.settings().spectraAxis));
        logIntensity.set(model.settings().logIntensity);
        model.currentProperty().addListener((obs, old, now) -> watch(now));
        model.selection().addListener(refresh);
        axis.addListener(o -> {
            model.settings().spectraAxis = axis.get().name();
            refresh();
        });
        logIntensity.addListener(o -> {
            model.settings().logIntensity = logIntensity.get();
            refresh();
        });
        watch(model.current());
    }

    private static AxisKind parseAxis(String name) {
        try {
            return AxisKind.valueOf(name);
        } catch (RuntimeException e) {
            return AxisKind.TWO_THETA;
        }
    }

    /** Follows the current entry, so a refined pattern or ground truth arriving later is drawn. */
    private void watch(PatternEntry entry) {
        if (watched != null) {
            watched.refinedProperty().removeListener(refresh);
            watched.previewProperty().removeListener(refresh);
            watched.groundTruthProperty().removeListener(refresh);
            watched.enteredWavelengthProperty().removeListener(refresh);
            watched.modelInputProperty().removeListener(refresh);
        }
        watched = entry;
        if (entry != null) {
            entry.refinedProperty().addListener(refresh);
            entry.previewProperty().addListener(refresh);
            entry.groundTruthProperty().addListener(refresh);
            // a wavelength entered for a file that states none changes the d and Q axes at once
            entry.enteredWavelengthProperty().addListener(refresh);
            entry.modelInputProperty().addListener(refresh);
        }
        refresh();
    }

    /** Rebuilds the traces from the current state. */
    public void refresh() {
        shownWavelength = Double.NaN;
        List<PatternEntry> compared = model.selection().stream().filter(PatternEntry::isReadable).toList();
        if (compared.size() >= 2) {
            shownWavelength = wavelength(compared.get(0).raw().orElseThrow());
            series.setAll(comparison(compared));
            title.set("Comparing " + compared.size() + " patterns");
            yLabel.set("intensity, each scaled to its maximum");
            return;
        }
        PatternEntry entry = model.current();
        if (entry == null || !entry.isReadable()) {
            series.clear();
            title.set(entry == null ? "No pattern selected" : entry.name() + ": " + entry.error().orElse("unreadable"));
            return;
        }
        shownWavelength = wavelength(entry.raw().orElseThrow());
        series.setAll(single(entry));
        title.set(entry.name());
    }

    private List<SpectrumSeries> single(PatternEntry entry) {
        Pattern refined = entry.preview() != null ? entry.preview() : entry.refined();
        String refinedName = entry.preview() != null ? " preview" : " refined";
        Pattern truth = entry.groundTruth();
        List<SpectrumSeries> out = new ArrayList<>();
        if (refined == null && truth == null) {
            Pattern raw = entry.raw().orElseThrow();
            out.add(trace(entry.name() + " raw", SeriesKind.RAW, raw));
            yLabel.set("intensity (counts)");
            return out;
        }
        yLabel.set("normalised intensity");
        // beside a refined pattern the raw one is shown as the refiner saw it (background removed, max 1, measured cells only);
        // beside a ground truth alone, as measured on its own axis, scaled to its maximum
        Pattern raw = refined != null && entry.modelInput() != null ? entry.modelInput() : Normalisation.MAX.apply(entry.raw().orElseThrow());
        out.add(trace(entry.name() + (raw == entry.modelInput() ? " raw (model input)" : " raw"), SeriesKind.RAW, raw));
        if (refined != null) {
            out.add(trace(entry.preview() != null ? entry.name() + refinedName : refinedName(entry), SeriesKind.REFINED, refined));
        }
        Pattern truthOnGrid = null;
        if (truth != null) {
            truthOnGrid = Normalisation.MAX.apply(irw.core.Resampler.resample(truth, model.grid()));
            out.add(trace(entry.name() + " ground truth", SeriesKind.GROUND_TRUTH, truthOnGrid));
        }
        if (!logIntensity.get()) {
            // What refinement still misses (refined − truth), what it changed (raw − refined), or,
            // before refinement, what the defects did (raw − truth); on the cells of the first pattern.
            Pattern a = refined != null ? (truthOnGrid != null ? refined : raw) : raw;
            Pattern b = refined != null ? (truthOnGrid != null ? truthOnGrid : refined) : truthOnGrid;
            String label = refined != null ? (truthOnGrid != null ? refinedName + " − truth" : " raw −" + refinedName) : " raw − truth";
            // only where both have a value: a measured point beyond the grid has nothing to be compared with
            double[] bOnGrid = GridValues.of(b, model.grid(), 0);
            double[] x = new double[a.size()];
            double[] diff = new double[a.size()];
            int n = 0;
            for (int i = 0; i < a.size(); i++) {
                int cell = (int) Math.round(model.grid().indexOf(a.twoTheta(i)));
                if (cell >= 0 && cell < bOnGrid.length) {
                    x[n] = a.twoTheta(i);
                    diff[n++] = a.intensity(i) - bOnGrid[cell];
                }
            }
            if (n > 1) {
                Pattern d = new Pattern(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(diff, n), a.metadata());
                out.add(trace(entry.name() + label, SeriesKind.DIFFERENCE, d));
            }
        }
        return out;
    }

    /** "X refined (trained U-Net refiner …)": the legend says which refiner produced the trace. */
    private static String refinedName(PatternEntry e) {
        return e.name() + " refined" + (e.refinedBy().isBlank() ? "" : " (" + e.refinedBy() + ")");
    }

    private List<SpectrumSeries> comparison(List<PatternEntry> entries) {
        List<SpectrumSeries> out = new ArrayList<>();
        for (PatternEntry e : entries) {
            // each on its own measured axis, scaled to its maximum: nothing cut at 80° or padded below 10°
            out.add(trace(e.name() + " raw", SeriesKind.RAW, Normalisation.MAX.apply(e.raw().orElseThrow())));
            if (e.refined() != null) {
                out.add(trace(refinedName(e), SeriesKind.REFINED, e.refined()));
            }
        }
        return out;
    }

    /** The pattern's mean wavelength in Å, or the models' grid's (Cu Kα) when the file gives none. */
    private double wavelength(Pattern p) {
        return p.metadata().wavelength().map(Wavelength::weightedMean).orElse(model.grid().wavelength().weightedMean());
    }

    /**
     * The crosshair's text at a point of the chart (x on the current axis, y the intensity): 2θ to
     * 3 decimals, d in Å and the intensity to 4 significant digits; "" where the point has no
     * meaning (no pattern shown, not a number, or beyond the angles the wavelength reaches).
     */
    public String crosshairText(double x, double y) {
        double lambda = shownWavelength;
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(lambda)) {
            return "";
        }
        double twoTheta = axis.get().toTwoTheta(x, lambda);
        if (!(twoTheta > 0 && twoTheta < 180)) {
            return "";
        }
        double d = AxisKind.D_SPACING.fromTwoTheta(twoTheta, lambda);
        String intensity = new BigDecimal(y).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
        return String.format(Locale.ROOT, "2θ %.3f°   d %.4f Å   I %s", twoTheta, d, intensity);
    }

    private SpectrumSeries trace(String name, SeriesKind kind, Pattern p) {
        double lambda = wavelength(p);
        AxisKind a = axis.get();
        int n = p.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double floor = Math.max(p.maxIntensity(), 1e-12) * 1e-4;
        for (int i = 0; i < n; i++) {
            int j = a.reversesOrder() ? n - 1 - i : i;
            x[i] = a.fromTwoTheta(p.twoTheta(j), lambda);
            double v = p.intensity(j);
            // A log axis cannot show zero or negative counts: clip them to a small floor.
            y[i] = logIntensity.get() ? Math.max(v, floor) : v;
        }
        return new SpectrumSeries(name, kind, x, y);
    }

    public ObservableList<SpectrumSeries> series() {
        return series;
    }

    public ObjectProperty<AxisKind> axisProperty() {
        return axis;
    }

    public BooleanProperty logIntensityProperty() {
        return logIntensity;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yLabelProperty() {
        return yLabel.getReadOnlyProperty();
    }
}
