package irw.ui.heatmap;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.ColorGradientAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import irw.app.heatmap.HeatmapKind;
import irw.app.heatmap.HeatmapMatrix;
import irw.app.heatmap.HeatmapViewModel;
import irw.ui.common.NodeIds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * The Heatmaps tab: batch × 2θ as a ChartFX heatmap (ContourDataSetRenderer, HEATMAP) with a
 * colour axis. A click (not a zoom drag) on a row opens that pattern in the Spectra view.
 */
public final class HeatmapView extends BorderPane {
    private final HeatmapViewModel viewModel;
    private final XYChart chart;
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("2θ", "°");
    private final RowAxis yAxis = new RowAxis();
    private final ColorGradientAxis zAxis = new ColorGradientAxis("intensity", ColorGradient.VIRIDIS);
    private final ContourDataSetRenderer renderer = new ContourDataSetRenderer();

    public HeatmapView(HeatmapViewModel viewModel) {
        this.viewModel = viewModel;
        setId("heatmapView");
        xAxis.setAutoRangeRounding(false);
        yAxis.invertAxis(true); // row 0 at the top, as in the Data table
        zAxis.setSide(Side.RIGHT);
        zAxis.setUnit(null);
        zAxis.setAutoRanging(true);
        zAxis.setGradientWidth(20);
        chart = new XYChart(xAxis, yAxis);
        chart.setId(NodeIds.HEATMAP_CHART);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getAxes().add(zAxis);
        renderer.setContourType(ContourType.HEATMAP);
        renderer.setColorGradient(ColorGradient.VIRIDIS);
        renderer.setSmooth(false);
        renderer.setComputeLocalRange(false);
        renderer.getAxes().addAll(xAxis, yAxis, zAxis);
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().addAll(new Zoomer(), new EditAxis());
        chart.getCanvas().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                viewModel.openRow(rowAt(e.getX(), e.getY()));
            }
        });
        setTop(toolbar());
        setCenter(chart);
        viewModel.matrixProperty().addListener((o, old, m) -> show(m));
        show(viewModel.matrixProperty().get());
    }

    private ToolBar toolbar() {
        ComboBox<HeatmapKind> kind = new ComboBox<>();
        kind.setId(NodeIds.HEATMAP_KIND);
        kind.getItems().setAll(HeatmapKind.values());
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        Label status = new Label();
        status.setId(NodeIds.HEATMAP_STATUS);
        status.textProperty().bind(viewModel.statusProperty());
        Label hint = new Label("click a row to open it in Spectra · drag to zoom");
        hint.getStyleClass().add("hint");
        return new ToolBar(new Label("show"), kind, status, hint);
    }

    /** The row under a point of the chart canvas. */
    public int rowAt(double canvasX, double canvasY) {
        return (int) Math.round(yAxis.getValueForDisplay(canvasY));
    }

    /** Puts a matrix on the chart (FX thread); the grid data set wraps the arrays without copying. */
    public void show(HeatmapMatrix m) {
        if (m == null || m.rowCount() == 0) {
            renderer.getDatasets().clear();
            return;
        }
        // ChartFX spreads n cells evenly over [first, last] coordinate; these coordinates make cell
        // r span [r - 0.5, r + 0.5], so whole-row ticks and clicks fall on cell centres
        int n = m.rowCount();
        double[] rows = new double[n];
        for (int r = 0; r < n; r++) {
            rows[r] = n == 1 ? 0 : -0.5 + r * (double) n / (n - 1);
        }
        DoubleGridDataSet ds = new DoubleGridDataSet(m.kind().toString(), false, new double[][] {m.twoTheta(), rows}, m.z());
        zAxis.setName(m.kind().toString());
        yAxis.setNames(m.rows().stream().map(irw.app.workbench.PatternEntry::name).toList());
        renderer.getDatasets().setAll(ds);
        xAxis.setAutoRanging(true);
        yAxis.setAutoRanging(true);
    }

    /** The row axis (for tests reading its ticks). */
    public DefaultNumericAxis rowAxis() {
        return yAxis;
    }

    public XYChart chart() {
        return chart;
    }

    /** Where a row's centre is in scene coordinates (for tests clicking a row). */
    public Point2D rowCentreInScene(int row) {
        double y = yAxis.getDisplayPosition(row);
        double x = chart.getCanvas().getWidth() / 2;
        return chart.getCanvas().localToScene(x, y);
    }
}
