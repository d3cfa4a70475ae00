package irw.ui.identify;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.identify.IdentifyViewModel;
import irw.app.identify.CandidateRow;
import irw.app.identify.PatternTreatment;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import irw.ui.common.FxmlLayout;
import irw.xrd.peaks.Peak;
import irw.xrd.physics.Stick;
import irw.xrd.search.MatchedPhase;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Identify tab (IdentifyView.fxml): the pattern as measured (its axis, its counts) with the
 * background curve, the toolkit's switches, the ranked candidates with the selected one's sticks and hkl
 * labels, and the peak list (click a row to go to the peak).
 */
public final class IdentifyView extends BorderPane {
    /** hkl labels are written over this many of the strongest sticks; more would overlap. */
    private static final int LABELLED_STICKS = 14;

    private final IdentifyViewModel viewModel;
    private final WorkbenchModel model;
    private final ErrorDataSetRenderer traces = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer stickRenderer = new ErrorDataSetRenderer();
    private final Pane labels = new Pane();
    private final List<Stick> labelled = new ArrayList<>();
    private double stickScale = 1;
    @FXML
    private XYChart identifyChart;
    @FXML
    private DefaultNumericAxis identifyXAxis;
    @FXML
    private DefaultNumericAxis identifyYAxis;
    @FXML
    private Button identifyButton;
    @FXML
    private Button identifyAllButton;
    @FXML
    private Button identifyCancelButton;
    @FXML
    private TextField wavelengthField;
    @FXML
    private Button setWavelengthButton;
    @FXML
    private Spinner<Double> backgroundWidth;
    @FXML
    private CheckBox subtractBackground;
    @FXML
    private CheckBox stripKAlpha2;
    @FXML
    private CheckBox smoothToggle;
    @FXML
    private TableView<CandidateRow> candidateTable;
    @FXML
    private TableColumn<CandidateRow, String> candidatePhaseColumn;
    @FXML
    private TableColumn<CandidateRow, String> candidateRankColumn;
    @FXML
    private TableColumn<CandidateRow, String> candidateMineralColumn;
    @FXML
    private TableColumn<CandidateRow, String> candidateFormulaColumn;
    @FXML
    private TableColumn<CandidateRow, String> candidateSpaceGroupColumn;
    @FXML
    private TableColumn<CandidateRow, String> candidateSystemColumn;
    @FXML
    private TableColumn<CandidateRow, String> candidateScoreColumn;
    @FXML
    private Button useAsReferenceButton;
    @FXML
    private Label referenceMetrics;
    @FXML
    private Label peakTitle;
    @FXML
    private Spinner<Double> minPeakPercent;
    @FXML
    private Button exportPeaksButton;
    @FXML
    private TableView<Peak> peakTable;
    @FXML
    private TableColumn<Peak, String> peakTwoThetaColumn;
    @FXML
    private TableColumn<Peak, String> peakDColumn;
    @FXML
    private TableColumn<Peak, String> peakIntensityColumn;
    @FXML
    private TableColumn<Peak, String> peakFwhmColumn;
    @FXML
    private Label identifyStatus;

    public IdentifyView(WorkbenchModel model, IdentifyViewModel viewModel) {
        this.model = model;
        this.viewModel = viewModel;
        FxmlLayout.load(this);
        identifyYAxis.setUnit(null);
        identifyChart.setLegendVisible(true);
        for (ErrorDataSetRenderer r : List.of(traces, stickRenderer)) {
            r.setErrorStyle(ErrorStyle.NONE);
            r.setDrawMarker(false);
        }
        traces.setPointReduction(true);
        stickRenderer.setPointReduction(false); // every stick is three points: (x, 0), (x, h), (x, 0)
        identifyChart.getRenderers().setAll(traces, stickRenderer);
        labels.setMouseTransparent(true);
        labels.setManaged(false);
        identifyChart.getCanvasForeground().getChildren().add(labels);
        for (var p : List.of(identifyXAxis.minProperty(), identifyXAxis.maxProperty(), identifyYAxis.minProperty(), identifyYAxis.maxProperty())) {
            p.addListener(o -> Platform.runLater(this::placeLabels));
        }
        identifyChart.getCanvas().widthProperty().addListener(o -> Platform.runLater(this::placeLabels));
        identifyChart.getCanvas().heightProperty().addListener(o -> Platform.runLater(this::placeLabels));
        bindToolbar();
        bindSidePanel();
        identifyStatus.textProperty().bind(viewModel.statusProperty());

        viewModel.treatedProperty().addListener(o -> redraw());
        viewModel.sticks().addListener((ListChangeListener<Stick>) c -> redraw());
        redraw();
    }

    private void bindToolbar() {
        identifyButton.disableProperty().bind(viewModel.runningProperty().or(viewModel.entryProperty().isNull()));
        identifyAllButton.disableProperty().bind(viewModel.runningProperty());
        identifyCancelButton.disableProperty().bind(viewModel.runningProperty().not());
        wavelengthField.textProperty().bindBidirectional(viewModel.wavelengthInputProperty());
        wavelengthField.disableProperty().bind(viewModel.wavelengthEditableProperty().not());
        setWavelengthButton.disableProperty().bind(viewModel.wavelengthEditableProperty().not());
        backgroundWidth.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.2, 20,
                viewModel.treatment().backgroundWidthProperty().get(), 0.1));
        backgroundWidth.valueProperty().addListener((o, a, b) -> viewModel.treatment().backgroundWidthProperty().set(b));
        subtractBackground.selectedProperty().bindBidirectional(viewModel.treatment().subtractBackgroundProperty());
        stripKAlpha2.selectedProperty().bindBidirectional(viewModel.treatment().stripKAlpha2Property());
        stripKAlpha2.disableProperty().bind(viewModel.kAlpha2AvailableProperty().not());
        smoothToggle.selectedProperty().bindBidirectional(viewModel.treatment().smoothProperty());
    }

    private void bindSidePanel() {
        candidateTable.setItems(viewModel.candidates());
        cells(candidatePhaseColumn, r -> r.phase() + (r.close() ? "" : "?"));
        cells(candidateRankColumn, r -> String.valueOf(r.rank()));
        cells(candidateMineralColumn, CandidateRow::mineral);
        cells(candidateFormulaColumn, CandidateRow::formula);
        cells(candidateSpaceGroupColumn, CandidateRow::spaceGroup);
        cells(candidateSystemColumn, CandidateRow::crystalSystem);
        cells(candidateScoreColumn, r -> String.format(Locale.ROOT, "%.2f", r.candidate().score()));
        candidateTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                viewModel.selectedProperty().set(b);
            }
        });
        viewModel.selectedProperty().addListener((o, a, b) -> {
            if (b != null && candidateTable.getSelectionModel().getSelectedItem() != b) {
                candidateTable.getSelectionModel().select(b);
            }
        });
        useAsReferenceButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        referenceMetrics.textProperty().bind(viewModel.referenceMetricsProperty());

        peakTable.setItems(viewModel.peaks());
        cells(peakTwoThetaColumn, p -> String.format(Locale.ROOT, "%.3f", p.twoTheta()));
        cells(peakDColumn, p -> String.format(Locale.ROOT, "%.4f", p.d()));
        cells(peakIntensityColumn, p -> intensity(p.height()));
        cells(peakFwhmColumn, p -> String.format(Locale.ROOT, "%.3f", p.fwhm()));
        peakTable.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                goTo(p);
            }
        });
        minPeakPercent.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 50,
                viewModel.treatment().minPeakPercentProperty().get(), 0.5));
        minPeakPercent.valueProperty().addListener((o, a, b) -> viewModel.treatment().minPeakPercentProperty().set(b));
        exportPeaksButton.disableProperty().bind(viewModel.entryProperty().isNull());
        peakTitle.textProperty().bind(javafx.beans.binding.Bindings.size(viewModel.peaks()).asString("Peaks (%d)"));
    }

    @FXML
    private void identify() {
        viewModel.identify();
    }

    @FXML
    private void identifyAll() {
        viewModel.identifyAll();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void applyWavelength() {
        viewModel.applyWavelength();
    }

    @FXML
    private void useAsReference() {
        viewModel.useAsReference();
    }

    @FXML
    private void fullRange() {
        identifyXAxis.setAutoRanging(true);
        identifyYAxis.setAutoRanging(true);
    }

    private static <T> void cells(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /** Zooms the chart onto a peak: ±6 FWHM, at least ±0.5°. */
    public void goTo(Peak p) {
        double half = Math.max(0.5, 6 * p.fwhm());
        identifyXAxis.setAutoRanging(false);
        identifyXAxis.set(p.twoTheta() - half, p.twoTheta() + half);
        Platform.runLater(this::placeLabels);
    }

    @FXML
    private void exportPeaks() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the peak list");
        chooser.setInitialFileName(viewModel.entryProperty().get() == null ? "peaks.csv" : viewModel.entryProperty().get().name() + "-peaks.csv");
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                viewModel.exportPeaks(f.toPath());
            } catch (java.io.IOException e) {
                model.notifications().error(f.toString(), e);
            }
        }
    }

    /** Puts the pattern, its background and the selected candidate's sticks on the chart. */
    public void redraw() {
        PatternTreatment.Result r = viewModel.treatedProperty().get();
        List<DataSet> sets = new ArrayList<>();
        labelled.clear();
        if (r != null) {
            Pattern raw = viewModel.entryProperty().get().raw().orElseThrow();
            Pattern shown = r.shown();
            DoubleDataSet measured = new DoubleDataSet(viewModel.entryProperty().get().name() + " (" + r.steps() + ")",
                    shown.twoThetaValues(), shown.intensityValues(), shown.size(), true);
            measured.setStyle("-fx-line-color: #1f77b4; -fx-line-width: 1.2;");
            sets.add(measured);
            if (!viewModel.treatment().subtractBackgroundProperty().get()) {
                DoubleDataSet bg = new DoubleDataSet("background (SNIP)", raw.twoThetaValues(), r.background(), raw.size(), true);
                bg.setStyle("-fx-line-color: #7f7f7f; -fx-line-width: 1.0; -fx-stroke-dash-array: 6 4;");
                sets.add(bg);
            }
            traces.getDatasets().setAll(sets);
            drawSticks(shown);
        } else {
            traces.getDatasets().clear();
            stickRenderer.getDatasets().clear();
        }
        identifyXAxis.setAutoRanging(true);
        identifyYAxis.setAutoRanging(true);
        Platform.runLater(this::placeLabels);
    }

    private void drawSticks(Pattern shown) {
        List<Stick> sticks = viewModel.sticks();
        CandidateRow row = viewModel.selectedProperty().get();
        if (sticks.isEmpty() || row == null) {
            stickRenderer.getDatasets().clear();
            return;
        }
        // the strongest stick reaches the strongest net peak, so the overlay reads against the data
        double top = viewModel.peaks().stream().mapToDouble(Peak::height).max().orElse(shown.maxIntensity());
        PatternTreatment.Result treated = viewModel.treatedProperty().get();
        boolean onBackground = !viewModel.treatment().subtractBackgroundProperty().get();
        double strongest = sticks.stream().mapToDouble(Stick::intensity).max().orElse(1);
        stickScale = top / strongest;
        double[] axis = shown.twoThetaValues();
        double[] x = new double[3 * sticks.size()];
        double[] y = new double[3 * sticks.size()];
        for (int i = 0; i < sticks.size(); i++) {
            Stick s = sticks.get(i);
            x[3 * i] = x[3 * i + 1] = x[3 * i + 2] = s.twoTheta();
            // a stick rises from zero through the background to the background plus its scaled intensity,
            // so its top reads against the measured peak it stands for
            y[3 * i + 1] = (onBackground ? backgroundAt(axis, treated.background(), s.twoTheta()) : 0) + s.intensity() * stickScale;
        }
        String name = row.mineral().isBlank() ? row.formula() : row.mineral();
        DoubleDataSet ds = new DoubleDataSet(name + " " + row.spaceGroup() + " (sticks)", x, y, x.length, true);
        ds.setStyle("-fx-line-color: #d62728; -fx-line-width: 1.6;");
        stickRenderer.getDatasets().setAll(ds);
        sticks.stream().sorted(Comparator.comparingDouble(Stick::intensity).reversed()).limit(LABELLED_STICKS).forEach(labelled::add);
        stickTops.clear();
        for (int i = 0; i < sticks.size(); i++) {
            stickTops.put(sticks.get(i), y[3 * i + 1]);
        }
    }

    private final java.util.Map<Stick, Double> stickTops = new java.util.IdentityHashMap<>();

    private static double backgroundAt(double[] axis, double[] background, double twoTheta) {
        int i = java.util.Arrays.binarySearch(axis, twoTheta);
        i = i >= 0 ? i : Math.min(background.length - 1, -i - 1);
        return background[i];
    }

    private void placeLabels() {
        labels.getChildren().clear();
        double w = identifyChart.getCanvas().getWidth();
        for (Stick s : labelled) {
            double px = identifyXAxis.getDisplayPosition(s.twoTheta());
            double py = identifyYAxis.getDisplayPosition(stickTops.getOrDefault(s, 0.0));
            if (px < 0 || px > w || !Double.isFinite(py)) {
                continue;
            }
            Text t = new Text(MatchedPhase.hkl(s));
            t.setStyle("-fx-fill: #d62728; -fx-font-size: 10px;");
            t.setX(px + 2);
            t.setY(Math.max(10, py - 2));
            labels.getChildren().add(t);
        }
    }

    /** The data sets on the chart now: the traces, then the sticks (for tests). */
    public List<DataSet> dataSets() {
        List<DataSet> all = new ArrayList<>(traces.getDatasets());
        all.addAll(stickRenderer.getDatasets());
        return all;
    }

    /** The hkl labels shown now (for tests). */
    public List<String> hklLabels() {
        return labels.getChildren().stream().map(n -> ((Text) n).getText()).toList();
    }

    /** Counts as whole numbers; a scaled pattern's heights (at most 1) to 4 significant digits, not rounded to 0 or 1. */
    static String intensity(double v) {
        return Math.abs(v) >= 1000 || v == 0 ? String.format(Locale.ROOT, "%.0f", v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
