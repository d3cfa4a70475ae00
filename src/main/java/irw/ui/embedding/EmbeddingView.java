package irw.ui.embedding;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.marker.DefaultMarker;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.embedding.EmbeddingPoint;
import irw.app.embedding.EmbeddingViewModel;
import irw.app.embedding.PointKind;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.FxmlLayout;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Embedding tab (EmbeddingView.fxml): the t-SNE map, colour by class, marker shape by kind (ideal ◆, raw ●,
 * refined ■, prototypes large ✚), lines from raw to refined for the patterns selected in the
 * Data table; hovering names a point, clicking opens it in Spectra.
 */
public final class EmbeddingView extends BorderPane {
    private static final String[] CLASS_COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private final EmbeddingViewModel viewModel;
    private final ErrorDataSetRenderer points = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer arrows = new ErrorDataSetRenderer();
    private final Tooltip tooltip = new Tooltip();
    @FXML
    private XYChart embeddingChart;
    @FXML
    private DefaultNumericAxis embeddingXAxis;
    @FXML
    private DefaultNumericAxis embeddingYAxis;
    @FXML
    private Label embeddingStatus;
    @FXML
    private Label embeddingHover;
    @FXML
    private FlowPane embeddingLegend;

    public EmbeddingView(WorkbenchModel model, EmbeddingViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlLayout.load(this);
        embeddingXAxis.setUnit(null);
        embeddingYAxis.setUnit(null);
        for (ErrorDataSetRenderer r : List.of(points, arrows)) {
            r.setErrorStyle(ErrorStyle.NONE);
            r.setPointReduction(false);
        }
        points.setPolyLineStyle(LineStyle.NONE);
        points.setDrawMarker(true);
        arrows.setDrawMarker(false);
        arrows.setShowInLegend(false);
        embeddingChart.getRenderers().setAll(arrows, points);
        embeddingChart.setLegendVisible(false);
        embeddingChart.getCanvas().setOnMouseMoved(e -> {
            EmbeddingPoint p = nearest(e.getX(), e.getY());
            embeddingHover.setText(p == null ? "" : p.name() + " · " + p.kind().name().toLowerCase() + " · " + p.className());
            if (p == null) {
                Tooltip.uninstall(embeddingChart.getCanvas(), tooltip);
            } else {
                tooltip.setText(p.name());
                Tooltip.install(embeddingChart.getCanvas(), tooltip);
            }
        });
        embeddingChart.getCanvas().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                viewModel.open(nearest(e.getX(), e.getY()));
            }
        });
        embeddingStatus.textProperty().bind(viewModel.statusProperty());
        viewModel.points().addListener((ListChangeListener<EmbeddingPoint>) c -> redraw());
        model.selection().addListener((ListChangeListener<Object>) c -> redraw());
    }

    @FXML
    private void compute() {
        viewModel.compute();
    }

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("embedding.csv");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            viewModel.exportCsv(f.toPath());
        }
    }

    private void redraw() {
        List<String> classes = new ArrayList<>(new TreeSet<>(viewModel.points().stream().map(EmbeddingPoint::className).toList()));
        Map<String, DoubleDataSet> sets = new LinkedHashMap<>();
        for (EmbeddingPoint p : viewModel.points()) {
            String key = p.kind().name().toLowerCase() + " · " + p.className();
            DoubleDataSet ds = sets.computeIfAbsent(key, k -> {
                DoubleDataSet d = new DoubleDataSet(k);
                String colour = CLASS_COLOURS[classes.indexOf(p.className()) % CLASS_COLOURS.length];
                d.setStyle("-fx-marker-color: " + colour + "; -fx-line-color: " + colour + "; -fx-marker-type: "
                        + marker(p.kind()).name().toLowerCase(Locale.ROOT) + "; -fx-marker-size: " + markerSize(p.kind()) + ";");
                return d;
            });
            ds.add(p.x(), p.y(), p.name());
        }
        points.getDatasets().setAll(new ArrayList<DataSet>(sets.values()));
        drawLegend(classes);
        List<DataSet> lines = new ArrayList<>();
        for (EmbeddingPoint[] pair : viewModel.arrowsForSelection()) {
            DoubleDataSet line = new DoubleDataSet(pair[0].name() + " raw → refined");
            line.add(pair[0].x(), pair[0].y());
            line.add(pair[1].x(), pair[1].y());
            line.setStyle("-fx-line-color: #333333; -fx-line-width: 1.5;");
            lines.add(line);
        }
        arrows.getDatasets().setAll(lines);
    }

    private static DefaultMarker marker(PointKind kind) {
        return switch (kind) {
            case IDEAL -> DefaultMarker.DIAMOND;
            case RAW -> DefaultMarker.CIRCLE;
            case REFINED -> DefaultMarker.RECTANGLE;
            case PROTOTYPE -> DefaultMarker.PLUS;
        };
    }

    private static double markerSize(PointKind kind) {
        return kind == PointKind.PROTOTYPE ? 9 : 3;
    }

    /** One entry per kind on the map (its marker shape, drawn by ChartFX's own marker code) and one per class (its colour). */
    private void drawLegend(List<String> classes) {
        embeddingLegend.getChildren().clear();
        for (PointKind kind : PointKind.values()) {
            if (viewModel.points().stream().anyMatch(p -> p.kind() == kind)) {
                Canvas icon = new Canvas(16, 16);
                GraphicsContext g = icon.getGraphicsContext2D();
                g.setFill(Color.web("#333333"));
                g.setStroke(Color.web("#333333"));
                g.setLineWidth(1.5);
                marker(kind).draw(g, 8, 8, kind == PointKind.PROTOTYPE ? 6 : 4);
                Label entry = new Label(kind.name().toLowerCase(Locale.ROOT), icon);
                entry.setUserData(kind);
                embeddingLegend.getChildren().add(entry);
            }
        }
        for (String cls : classes) {
            Rectangle swatch = new Rectangle(12, 12, Color.web(CLASS_COLOURS[classes.indexOf(cls) % CLASS_COLOURS.length]));
            Label entry = new Label(cls, swatch);
            entry.setUserData(cls);
            embeddingLegend.getChildren().add(entry);
        }
    }

    /** The legend's entries: labels whose graphic is the marker (kinds) or the colour (classes); user data says which. */
    public List<Label> legendEntries() {
        return embeddingLegend.getChildren().stream().map(Label.class::cast).toList();
    }

    /** The point within 8 pixels of a canvas position, or null. */
    public EmbeddingPoint nearest(double canvasX, double canvasY) {
        EmbeddingPoint best = null;
        double bestDistance = 8;
        for (EmbeddingPoint p : viewModel.points()) {
            double d = Math.hypot(embeddingXAxis.getDisplayPosition(p.x()) - canvasX, embeddingYAxis.getDisplayPosition(p.y()) - canvasY);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best;
    }

    /** Where a point is in scene coordinates (for tests clicking it). */
    public javafx.geometry.Point2D sceneCentre(EmbeddingPoint p) {
        return embeddingChart.getCanvas().localToScene(embeddingXAxis.getDisplayPosition(p.x()), embeddingYAxis.getDisplayPosition(p.y()));
    }

    public int dataSetCount() {
        return points.getDatasets().size();
    }
}
