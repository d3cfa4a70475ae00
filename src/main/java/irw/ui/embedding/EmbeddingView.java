package irw.ui.embedding;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.embedding.EmbeddingPoint;
import irw.app.embedding.EmbeddingViewModel;
import irw.app.embedding.PointKind;
import irw.app.workbench.WorkbenchModel;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Embedding tab: the t-SNE map, colour by class, marker shape by kind (ideal ◆, raw ●,
 * refined ■, prototypes large ✚), lines from raw to refined for the patterns selected in the
 * Data table; hovering names a point, clicking opens it in Spectra.
 */
public final class EmbeddingView extends BorderPane {
    private static final String[] CLASS_COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private final EmbeddingViewModel viewModel;
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("t-SNE 1");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis("t-SNE 2");
    private final ErrorDataSetRenderer points = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer arrows = new ErrorDataSetRenderer();
    private final XYChart chart;
    private final Label hover = new Label();
    private final Tooltip tooltip = new Tooltip();

    public EmbeddingView(WorkbenchModel model, EmbeddingViewModel viewModel) {
        this.viewModel = viewModel;
        setId("embeddingView");
        xAxis.setUnit(null);
        yAxis.setUnit(null);
        xAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangeRounding(false);
        xAxis.setAutoRangePadding(0.06); // markers at the extremes stay whole
        yAxis.setAutoRangePadding(0.06);
        chart = new XYChart(xAxis, yAxis);
        chart.setId("embeddingChart");
        chart.setAnimated(false);
        for (ErrorDataSetRenderer r : List.of(points, arrows)) {
            r.setErrorStyle(ErrorStyle.NONE);
            r.setPointReduction(false);
        }
        points.setPolyLineStyle(LineStyle.NONE);
        points.setDrawMarker(true);
        arrows.setDrawMarker(false);
        arrows.setShowInLegend(false);
        chart.getRenderers().setAll(arrows, points);
        chart.getPlugins().add(new Zoomer());
        chart.getCanvas().setOnMouseMoved(e -> {
            EmbeddingPoint p = nearest(e.getX(), e.getY());
            hover.setText(p == null ? "" : p.name() + " · " + p.kind().name().toLowerCase() + " · " + p.className());
            if (p == null) {
                Tooltip.uninstall(chart.getCanvas(), tooltip);
            } else {
                tooltip.setText(p.name());
                Tooltip.install(chart.getCanvas(), tooltip);
            }
        });
        chart.getCanvas().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                viewModel.open(nearest(e.getX(), e.getY()));
            }
        });
        Button compute = new Button("Compute");
        compute.setId("computeEmbeddingButton");
        compute.setOnAction(e -> viewModel.compute());
        Button export = new Button("Export CSV…");
        export.setId("exportEmbeddingButton");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("embedding.csv");
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                viewModel.exportCsv(f.toPath());
            }
        });
        Label status = new Label();
        status.setId("embeddingStatus");
        status.textProperty().bind(viewModel.statusProperty());
        hover.setId("embeddingHover");
        setTop(new ToolBar(compute, export, status, hover));
        setCenter(chart);
        viewModel.points().addListener((ListChangeListener<EmbeddingPoint>) c -> redraw());
        model.selection().addListener((ListChangeListener<Object>) c -> redraw());
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
                        + marker(p.kind()) + "; -fx-marker-size: " + (p.kind() == PointKind.PROTOTYPE ? 9 : 3) + ";");
                return d;
            });
            ds.add(p.x(), p.y(), p.name());
        }
        points.getDatasets().setAll(new ArrayList<DataSet>(sets.values()));
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

    private static String marker(PointKind kind) {
        return switch (kind) {
            case IDEAL -> "diamond";
            case RAW -> "circle";
            case REFINED -> "rectangle";
            case PROTOTYPE -> "plus";
        };
    }

    /** The point within 8 pixels of a canvas position, or null. */
    public EmbeddingPoint nearest(double canvasX, double canvasY) {
        EmbeddingPoint best = null;
        double bestDistance = 8;
        for (EmbeddingPoint p : viewModel.points()) {
            double d = Math.hypot(xAxis.getDisplayPosition(p.x()) - canvasX, yAxis.getDisplayPosition(p.y()) - canvasY);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best;
    }

    /** Where a point is in scene coordinates (for tests clicking it). */
    public javafx.geometry.Point2D sceneCentre(EmbeddingPoint p) {
        return chart.getCanvas().localToScene(xAxis.getDisplayPosition(p.x()), yAxis.getDisplayPosition(p.y()));
    }

    public int dataSetCount() {
        return points.getDatasets().size();
    }
}
