package irw.app.heatmap;

import irw.app.data.GridValues;
import irw.app.task.LatestRequestRunner;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
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

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The Heatmaps view: builds the batch × 2θ matrix off the FX thread. While a batch is loading the
 * rows change in chunks; the newest request wins, so only the last matrix is ever drawn.
 */
public final class HeatmapViewModel {
    private record Request(HeatmapKind kind, List<PatternEntry> rows) {
    }

    private final WorkbenchModel model;
    private final ObjectProperty<HeatmapKind> kind = new SimpleObjectProperty<>(this, "kind", HeatmapKind.RAW);
    private final ReadOnlyObjectWrapper<HeatmapMatrix> matrix = new ReadOnlyObjectWrapper<>(this, "matrix");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final LatestRequestRunner<Request, HeatmapMatrix> runner;
    private final javafx.beans.property.BooleanProperty active = new javafx.beans.property.SimpleBooleanProperty(this, "active", true);
    private boolean stale;

    public HeatmapViewModel(WorkbenchModel model) {
        this.model = model;
        this.runner = new LatestRequestRunner<>(model.executor().newSerialWorker("heatmap"), model.executor().uiThread(),
                (request, obsolete) -> build(request.kind(), request.rows(), model.grid(), obsolete),
                this::show, e -> model.notifications().error("heatmap", e));
        kind.addListener(o -> rebuildWhenActive());
        model.refinedRevisionProperty().addListener(o -> rebuildWhenActive());
        model.patterns().addListener((javafx.collections.ListChangeListener<PatternEntry>) c -> rebuildWhenActive());
        active.addListener((o, was, now) -> {
            if (now && stale) {
                rebuild();
            }
        });
    }

    /**
     * While the heatmap is not on screen, changes only mark it stale: a batch that loads in chunks
     * would otherwise rebuild (and redraw) a hidden 1,000 × 2,000 image once per chunk.
     */
    private void rebuildWhenActive() {
        if (active.get()) {
            rebuild();
        } else {
            stale = true;
        }
    }

    /** Whether the heatmap is on screen (the view binds this to its tab). */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    /** Requests a new matrix for the current rows and kind; an older pending request is dropped. */
    public void rebuild() {
        stale = false;
        List<PatternEntry> rows = model.patterns().stream().filter(PatternEntry::isReadable).toList();
        runner.submit(new Request(kind.get(), rows));
    }

    private void show(HeatmapMatrix m) {
        matrix.set(m);
        String missing = m == null || m.missing() == 0 ? "" : " (" + m.missing() + " rows have no " + m.kind() + " yet)";
        status.set(m == null ? "" : m.rowCount() + " patterns × " + m.columns() + " points, " + m.kind() + missing);
    }

    /** Builds the matrix; returns null when obsolete (a newer request supersedes it). */
    public static HeatmapMatrix build(HeatmapKind kind, List<PatternEntry> rows, TwoThetaGrid grid, BooleanSupplier obsolete) {
        int cols = grid.points();
        double[] z = new double[rows.size() * cols];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int missing = 0;
        for (int r = 0; r < rows.size(); r++) {
            if ((r & 63) == 0 && obsolete.getAsBoolean()) {
                return null;
            }
            double[] row = rowValues(kind, rows.get(r), grid);
            if (row == null) {
                missing++;
                continue;
            }
            System.arraycopy(row, 0, z, r * cols, cols);
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (missing > 0 || rows.isEmpty()) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (!(max > min)) {
            max = min + 1;
        }
        return new HeatmapMatrix(kind, grid.axis(), rows, z, min, max, missing);
    }

    private static double[] rowValues(HeatmapKind kind, PatternEntry e, TwoThetaGrid grid) {
        Pattern raw = e.rawOnGrid(grid);
        Pattern refined = e.refined();
        return switch (kind) {
            case RAW -> raw.intensityValues();
            // refined patterns keep to the measured cells; the heatmap shows 0 (no intensity) elsewhere
            case REFINED -> refined == null ? null : GridValues.of(refined, grid, 0);
            case GROUND_TRUTH -> e.groundTruth() == null ? null
                    : Normalisation.MAX.apply(Resampler.resample(e.groundTruth(), grid)).intensityValues();
            case RAW_MINUS_REFINED -> {
                if (refined == null) {
                    yield null;
                }
                // what the refiner changed: its own input minus its output, cell by cell
                double[] d = e.modelInput() != null ? GridValues.of(e.modelInput(), grid, 0) : raw.intensityValues();
                double[] r = GridValues.of(refined, grid, 0);
                for (int i = 0; i < d.length; i++) {
                    d[i] -= r[i];
                }
                yield d;
            }
        };
    }

    /** Opens row {@code r} in the Spectra view (a click on the heatmap). */
    public void openRow(int r) {
        HeatmapMatrix m = matrix.get();
        if (m != null && r >= 0 && r < m.rowCount()) {
            model.selection().clear();
            model.openInSpectra(m.rows().get(r));
        }
    }

    public ObjectProperty<HeatmapKind> kindProperty() {
        return kind;
    }

    public ReadOnlyObjectProperty<HeatmapMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
