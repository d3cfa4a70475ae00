package irw.ui.identify;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.identify.IdentifyViewModel;
import irw.app.identify.IdentifyViewModel.CandidateRow;
import irw.app.identify.PatternTreatment;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import irw.xrd.peaks.Peak;
import irw.xrd.physics.Stick;
import irw.xrd.search.MatchedPhase;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Identify tab: the pattern as measured (its axis, its counts) with the background curve, the
 * toolkit's switches, the ranked candidates with the selected one's sticks and hkl labels, and the peak
 * list (click a row to go to the peak).
 */
public final class IdentifyView extends BorderPane {
    /** hkl labels are written over this many of the strongest sticks; more would overlap. */
    private static final int LABELLED_STICKS = 14;

    private final IdentifyViewModel viewModel;
    private final WorkbenchModel model;
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("2θ", "°");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis("intensity (counts)");
    private final XYChart chart;
    private final ErrorDataSetRenderer traces = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer stickRenderer = new ErrorDataSetRenderer();
    private final Pane labels = new Pane();
    private final List<Stick> labelled = new ArrayList<>();
    private double stickScale = 1;

    public IdentifyView(WorkbenchModel model, IdentifyViewModel viewModel) {
        this.model = model;
        this.viewModel = viewModel;
        setId("identifyView");
        xAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangeRounding(false);
        yAxis.setForceZeroInRange(true);
        chart = new XYChart(xAxis, yAxis);
        chart.setId("identifyChart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        for (ErrorDataSetRenderer r : List.of(traces, stickRenderer)) {
            r.setErrorStyle(ErrorStyle.NONE);
            r.setDrawMarker(false);
        }
        traces.setPointReduction(true);
        stickRenderer.setPointReduction(false); // every stick is three points: (x, 0), (x, h), (x, 0)
        chart.getRenderers().setAll(traces, stickRenderer);
        chart.getPlugins().addAll(new Zoomer(), new EditAxis(), new DataPointTooltip(), new CrosshairIndicator());
        labels.setMouseTransparent(true);
        labels.setManaged(false);
        chart.getCanvasForeground().getChildren().add(labels);
        for (var p : List.of(xAxis.minProperty(), xAxis.maxProperty(), yAxis.minProperty(), yAxis.maxProperty())) {
            p.addListener(o -> Platform.runLater(this::placeLabels));
        }
        chart.getCanvas().widthProperty().addListener(o -> Platform.runLater(this::placeLabels));
        chart.getCanvas().heightProperty().addListener(o -> Platform.runLater(this::placeLabels));

        SplitPane split = new SplitPane(chart, sidePanel());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        setTop(toolbar());
        setCenter(split);
        Label status = new Label();
        status.setId("identifyStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setPadding(new Insets(2, 6, 2, 6));
        setBottom(status);

        viewModel.treatedProperty().addListener(o -> redraw());
        viewModel.sticks().addListener((ListChangeListener<Stick>) c -> redraw());
        redraw();
    }

    private ToolBar toolbar() {
        Button identify = new Button("Identify");
        identify.setId("identifyButton");
        identify.setTooltip(new Tooltip("search-match the pattern against the AMCSD library and reference-structures"));
        identify.setOnAction(e -> viewModel.identify());
        identify.disableProperty().bind(viewModel.runningProperty().or(viewModel.entryProperty().isNull()));
        Button all = new Button("Identify all");
        all.setId("identifyAllButton");
        all.setTooltip(new Tooltip("identify every loaded pattern: fills the Data table's best match column"));
        all.setOnAction(e -> viewModel.identifyAll());
        all.disableProperty().bind(viewModel.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("identifyCancelButton");
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.disableProperty().bind(viewModel.runningProperty().not());

        TextField wavelength = new TextField();
        wavelength.setId("wavelengthField");
        wavelength.setPrefColumnCount(7);
        wavelength.setPromptText("Cu, Co, … or Å");
        wavelength.textProperty().bindBidirectional(viewModel.wavelengthInputProperty());
        wavelength.disableProperty().bind(viewModel.wavelengthEditableProperty().not());
        wavelength.setTooltip(new Tooltip("the wavelength of a file that states none: an anode (Cu, Co, Fe, Cr, Mo, Ag) or ångström"));
        wavelength.setOnAction(e -> viewModel.applyWavelength());
        Button setWavelength = new Button("Set");
        setWavelength.setId("setWavelengthButton");
        setWavelength.setOnAction(e -> viewModel.applyWavelength());
        setWavelength.disableProperty().bind(viewModel.wavelengthEditableProperty().not());

        Spinner<Double> width = new Spinner<>(0.2, 20, viewModel.treatment().backgroundWidthProperty().get(), 0.1);
        width.setId("backgroundWidth");
        width.setEditable(true);
        width.setPrefWidth(80);
        width.setTooltip(new Tooltip("SNIP background clipping half-width, degrees 2θ"));
        width.valueProperty().addListener((o, a, b) -> viewModel.treatment().backgroundWidthProperty().set(b));
        CheckBox subtract = new CheckBox("subtract");
        subtract.setId("subtractBackground");
        subtract.selectedProperty().bindBidirectional(viewModel.treatment().subtractBackgroundProperty());
        CheckBox kAlpha2 = new CheckBox("strip Kα2");
        kAlpha2.setId("stripKAlpha2");
        kAlpha2.selectedProperty().bindBidirectional(viewModel.treatment().stripKAlpha2Property());
        kAlpha2.disableProperty().bind(viewModel.kAlpha2AvailableProperty().not());
        kAlpha2.setTooltip(new Tooltip("Rachinger stripping; only when the wavelength states Kα1 and Kα2"));
        CheckBox smooth = new CheckBox("smooth");
        smooth.setId("smoothToggle");
        smooth.selectedProperty().bindBidirectional(viewModel.treatment().smoothProperty());
        Button full = new Button("Full range");
        full.setOnAction(e -> {
            xAxis.setAutoRanging(true);
            yAxis.setAutoRanging(true);
        });
        return new ToolBar(identify, all, cancel, new Separator(), new Label("λ"), wavelength, setWavelength, new Separator(),
                new Label("background"), width, subtract, kAlpha2, smooth, new Separator(), full);
    }

    private VBox sidePanel() {
        TableView<CandidateRow> table = new TableView<>(viewModel.candidates());
        table.setId("candidateTable");
        table.getColumns().setAll(List.of(
                column("phase", 45, r -> r.phase() + (r.close() ? "" : "?")),
                column("#", 30, r -> String.valueOf(r.rank())),
                column("mineral", 110, CandidateRow::mineral),
                column("formula", 110, CandidateRow::formula),
                column("space group", 80, CandidateRow::spaceGroup),
                column("system", 85, CandidateRow::crystalSystem),
                column("score", 50, r -> String.format(Locale.ROOT, "%.2f", r.candidate().score()))));
        table.setPlaceholder(new Label("Press Identify to search the library"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                viewModel.selectedProperty().set(b);
            }
        });
        viewModel.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        Button reference = new Button("Use as reference");
        reference.setId("useAsReferenceButton");
        reference.setTooltip(new Tooltip("the selected candidate's simulated pattern becomes this measurement's ground truth"));
        reference.setOnAction(e -> viewModel.useAsReference());
        reference.disableProperty().bind(viewModel.selectedProperty().isNull());
        Label metrics = new Label();
        metrics.setId("referenceMetrics");
        metrics.setWrapText(true);
        metrics.textProperty().bind(viewModel.referenceMetricsProperty());

        TableView<Peak> peaks = new TableView<>(viewModel.peaks());
        peaks.setId("peakTable");
        peaks.getColumns().setAll(List.of(
                peakColumn("2θ (°)", p -> String.format(Locale.ROOT, "%.3f", p.twoTheta())),
                peakColumn("d (Å)", p -> String.format(Locale.ROOT, "%.4f", p.d())),
                peakColumn("intensity", p -> intensity(p.height())),
                peakColumn("FWHM (°)", p -> String.format(Locale.ROOT, "%.3f", p.fwhm()))));
        peaks.setPlaceholder(new Label("No peaks above the noise"));
        peaks.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                goTo(p);
            }
        });
        Spinner<Double> minPercent = new Spinner<>(0, 50, viewModel.treatment().minPeakPercentProperty().get(), 0.5);
        minPercent.setId("minPeakPercent");
        minPercent.setEditable(true);
        minPercent.setPrefWidth(75);
        minPercent.setTooltip(new Tooltip("list peaks of at least this many percent of the strongest"));
        minPercent.valueProperty().addListener((o, a, b) -> viewModel.treatment().minPeakPercentProperty().set(b));
        Button export = new Button("Export peaks…");
        export.setId("exportPeaksButton");
        export.setOnAction(e -> exportPeaks());
        export.disableProperty().bind(viewModel.entryProperty().isNull());
        Label peakTitle = new Label();
        peakTitle.textProperty().bind(javafx.beans.binding.Bindings.size(viewModel.peaks()).asString("Peaks (%d)"));
        HBox candidateBar = new HBox(8, reference);
        HBox peakBar = new HBox(8, peakTitle, new Label("≥ %"), minPercent, export);
        peakBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(peaks, Priority.ALWAYS);
        VBox box = new VBox(6, new Label("Candidates (phase 1 first; '?' = no close match)"), table, candidateBar, metrics, peakBar, peaks);
        box.setPadding(new Insets(6));
        return box;
    }

    private static TableColumn<CandidateRow, String> column(String title, double width, Function<CandidateRow, String> value) {
        TableColumn<CandidateRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<Peak, String> peakColumn(String title, Function<Peak, String> value) {
        TableColumn<Peak, String> c = new TableColumn<>(title);
        c.setPrefWidth(80);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** Zooms the chart onto a peak: ±6 FWHM, at least ±0.5°. */
    public void goTo(Peak p) {
        double half = Math.max(0.5, 6 * p.fwhm());
        xAxis.setAutoRanging(false);
        xAxis.set(p.twoTheta() - half, p.twoTheta() + half);
        Platform.runLater(this::placeLabels);
    }

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
        xAxis.setAutoRanging(true);
        yAxis.setAutoRanging(true);
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
        double w = chart.getCanvas().getWidth();
        for (Stick s : labelled) {
            double px = xAxis.getDisplayPosition(s.twoTheta());
            double py = yAxis.getDisplayPosition(stickTops.getOrDefault(s, 0.0));
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
