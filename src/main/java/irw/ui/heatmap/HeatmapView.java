package irw.ui.heatmap;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.ColorGradientAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import irw.app.heatmap.HeatmapKind;
import irw.app.heatmap.HeatmapMatrix;
import irw.app.heatmap.HeatmapViewModel;
import irw.app.workbench.PatternEntry;
import irw.ui.common.FxmlLayout;
import javafx.fxml.FXML;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * The Heatmaps tab (HeatmapView.fxml): batch × 2θ as a ChartFX heatmap (ContourDataSetRenderer,
 * HEATMAP) with a colour axis. A click (not a zoom drag) on a row opens that pattern in the Spectra view.
 */
public final class HeatmapView extends BorderPane {
    private final HeatmapViewModel viewModel;
    private final ColorGradientAxis zAxis = new ColorGradientAxis("intensity", ColorGradient.VIRIDIS);
    private final ContourDataSetRenderer renderer = new ContourDataSetRenderer();
    @FXML
    private XYChart heatmapChart;
    @FXML
    private DefaultNumericAxis heatmapXAxis;
    @FXML
    private RowAxis heatmapRowAxis;
    @FXML
    private ComboBox<HeatmapKind> heatmapKind;
    @FXML
    private Label heatmapStatus;

    public HeatmapView(HeatmapViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlLayout.load(this);
        heatmapRowAxis.invertAxis(true); // row 0 at the top, as in the Data table
        zAxis.setSide(Side.RIGHT);
        zAxis.setUnit(null);
        zAxis.setAutoRanging(true);
        zAxis.setGradientWidth(20);
        heatmapChart.setLegendVisible(false);
        heatmapChart.getAxes().add(zAxis);
        renderer.setContourType(ContourType.HEATMAP);
        renderer.setColorGradient(ColorGradient.VIRIDIS);
        renderer.setSmooth(false);
        renderer.setComputeLocalRange(false);
        renderer.getAxes().addAll(heatmapXAxis, heatmapRowAxis, zAxis);
        heatmapChart.getRenderers().setAll(renderer);
        heatmapChart.getCanvas().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                viewModel.openRow(rowAt(e.getX(), e.getY()));
            }
        });
        heatmapKind.getItems().setAll(HeatmapKind.values());
        heatmapKind.valueProperty().bindBidirectional(viewModel.kindProperty());
        heatmapStatus.textProperty().bind(viewModel.statusProperty());
        viewModel.matrixProperty().addListener((o, old, m) -> show(m));
        show(viewModel.matrixProperty().get());
    }

    /** The row under a point of the chart canvas. */
    public int rowAt(double canvasX, double canvasY) {
        return (int) Math.round(heatmapRowAxis.getValueForDisplay(canvasY));
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
        heatmapRowAxis.setNames(m.rows().stream().map(PatternEntry::name).toList());
        renderer.getDatasets().setAll(ds);
        heatmapXAxis.setAutoRanging(true);
        heatmapRowAxis.setAutoRanging(true);
    }

    /** The row axis (for tests reading its ticks). */
    public DefaultNumericAxis rowAxis() {
        return heatmapRowAxis;
    }

    public XYChart chart() {
        return heatmapChart;
    }

    /** Where a row's centre is in scene coordinates (for tests clicking a row). */
    public Point2D rowCentreInScene(int row) {
        double y = heatmapRowAxis.getDisplayPosition(row);
        double x = heatmapChart.getCanvas().getWidth() / 2;
        return heatmapChart.getCanvas().localToScene(x, y);
    }
}
