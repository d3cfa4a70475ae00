package irw.ui.spectra;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.spectra.AxisKind;
import irw.app.spectra.SeriesKind;
import irw.app.spectra.SpectraViewModel;
import irw.app.spectra.SpectrumSeries;
import irw.ui.common.FxmlLayout;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The Spectra tab (SpectraView.fxml): a ChartFX chart of the traces the view model prepares. Zoomer
 * (drag to zoom, pans too), EditAxis, DataPointTooltip and the crosshair are the plugins users expect.
 */
public final class SpectraView extends BorderPane {
    /** Compare mode cycles through these for the raw traces of different patterns. */
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"};

    private final SpectraViewModel viewModel;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    @FXML
    private XYChart spectraChart;
    @FXML
    private DefaultNumericAxis spectraXAxis;
    @FXML
    private DefaultNumericAxis spectraYAxis;
    @FXML
    private ComboBox<AxisKind> axisChoice;
    @FXML
    private CheckBox logIntensityToggle;
    @FXML
    private Label spectraTitle;
    private final SpectraCrosshair crosshair;
    private boolean stale;

    public SpectraView(SpectraViewModel viewModel, Node sidePanel) {
        this.viewModel = viewModel;
        FxmlLayout.load(this);
        spectraYAxis.setUnit(null);
        spectraChart.setLegendVisible(true);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(true);
        spectraChart.getRenderers().setAll(renderer);
        crosshair = new SpectraCrosshair(viewModel::crosshairText);
        spectraChart.getPlugins().add(crosshair);
        if (sidePanel != null) {
            setRight(sidePanel);
        }
        axisChoice.getItems().setAll(AxisKind.values());
        axisChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(AxisKind k) {
                return k == null ? "" : k.label() + " (" + k.unit() + ")";
            }

            @Override
            public AxisKind fromString(String s) {
                return null;
            }
        });
        axisChoice.valueProperty().bindBidirectional(viewModel.axisProperty());
        logIntensityToggle.selectedProperty().bindBidirectional(viewModel.logIntensityProperty());
        spectraTitle.textProperty().bind(viewModel.titleProperty());
        viewModel.series().addListener((ListChangeListener<SpectrumSeries>) c -> redrawWhenShown());
        shown.addListener((o, was, now) -> {
            if (now && stale) {
                redraw();
            }
        });
        viewModel.yLabelProperty().addListener((o, a, b) -> spectraYAxis.setName(b));
        redraw();
    }

    /**
     * ChartFX lays out and draws a chart even in a hidden tab; while the Spectra tab is hidden the
     * chart is only marked stale (a batch loading in the background changes the current pattern).
     */
    private void redrawWhenShown() {
        if (shown.get()) {
            redraw();
        } else {
            stale = true;
        }
    }

    /** Whether the view is on screen (the window binds this to its tab). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /**
     * Puts the view model's traces on the chart (FX thread). When only the values changed (a new
     * preview of the same pattern), the existing data sets are refilled in place: no new chart
     * nodes, no legend rebuild, so a slider move costs one canvas redraw.
     */
    public void redraw() {
        stale = false;
        AxisKind kind = viewModel.axisProperty().get();
        spectraXAxis.setName(kind.label());
        spectraXAxis.setUnit(kind.unit());
        spectraYAxis.setLogAxis(viewModel.logIntensityProperty().get());
        if (sameTraces()) {
            for (int i = 0; i < viewModel.series().size(); i++) {
                SpectrumSeries s = viewModel.series().get(i);
                ((DoubleDataSet) renderer.getDatasets().get(i)).set(s.x(), s.y(), true);
            }
            return;
        }
        List<DataSet> sets = new ArrayList<>();
        int rawIndex = 0;
        for (SpectrumSeries s : viewModel.series()) {
            DoubleDataSet ds = new DoubleDataSet(s.name(), s.x(), s.y(), s.size(), true);
            String colour = switch (s.kind()) {
                case RAW -> PALETTE[rawIndex++ % PALETTE.length];
                case REFINED -> "#d62728";
                case GROUND_TRUTH -> "#2ca02c";
                case DIFFERENCE -> "#7f7f7f";
            };
            double width = s.kind() == SeriesKind.DIFFERENCE ? 0.8 : 1.3;
            ds.setStyle("-fx-line-color: " + colour + "; -fx-marker-color: " + colour + "; -fx-line-width: " + width + ";");
            sets.add(ds);
        }
        renderer.getDatasets().setAll(sets);
        spectraXAxis.setAutoRanging(true);
        spectraYAxis.setAutoRanging(true);
    }

    private boolean sameTraces() {
        List<DataSet> current = renderer.getDatasets();
        if (current.size() != viewModel.series().size() || current.isEmpty()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            if (!current.get(i).getName().equals(viewModel.series().get(i).name())) {
                return false;
            }
        }
        return true;
    }

    public XYChart chart() {
        return spectraChart;
    }

    /** The crosshair's lines (for tests). */
    public javafx.scene.shape.Path crosshairLines() {
        return crosshair.lines();
    }

    /** The crosshair's coordinates text (for tests: it shows only while the mouse is over the plot). */
    public javafx.scene.control.Label crosshairLabel() {
        return crosshair.label();
    }

    /** The data sets on the chart now (for tests and the benchmark). */
    public List<DataSet> dataSets() {
        return List.copyOf(renderer.getDatasets());
    }
}
