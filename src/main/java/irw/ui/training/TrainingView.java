package irw.ui.training;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.training.RunRow;
import irw.app.training.TrainingViewModel;
import irw.app.workbench.WorkbenchModel;
import irw.service.api.MetricsPoint;
import irw.ui.common.WeightControls;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The Training tab: the run form, the run list and live loss/accuracy curves of the selected run. */
public final class TrainingView extends SplitPane {
    private final TrainingViewModel viewModel;
    private final ErrorDataSetRenderer lossRenderer = renderer();
    private final ErrorDataSetRenderer accuracyRenderer = renderer();
    private final ListChangeListener<MetricsPoint> historyListener = c -> redrawCurves();
    private RunRow shown;

    public TrainingView(WorkbenchModel model, TrainingViewModel viewModel, Consumer<java.nio.file.Path> openModel) {
        this.viewModel = viewModel;
        setId("trainingView");
        ScrollPane form = new ScrollPane(form(model));
        form.setFitToWidth(true);
        form.setMinWidth(380);
        getItems().addAll(form, runsAndCurves(openModel));
        setDividerPositions(0.3);
        viewModel.selectedRunProperty().addListener((o, old, row) -> show(row));
    }

    private VBox form(WorkbenchModel model) {
        Button connect = new Button("Connect");
        connect.setId("connectServiceButton");
        connect.setOnAction(e -> viewModel.connect());
        Label state = new Label();
        state.textProperty().bind(model.serviceStateProperty());
        Label backend = new Label();
        backend.setId("trainingBackend");
        backend.textProperty().bind(Bindings.concat("backend: ", model.backendProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        ComboBox<TrainingViewModel.Kind> kind = new ComboBox<>();
        kind.setId("runKind");
        kind.getItems().setAll(TrainingViewModel.Kind.values());
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        TextField name = field("runName", viewModel.nameProperty());
        TextField data = field("runTrainData", viewModel.trainDataProperty());
        TextField classifier = field("runClassifier", viewModel.classifierModelProperty());
        classifier.disableProperty().bind(viewModel.kindProperty().isNotEqualTo(TrainingViewModel.Kind.REFINER));
        CheckBox targeted = new CheckBox("targeted");
        targeted.setId("runTargeted");
        targeted.selectedProperty().bindBidirectional(viewModel.targetedProperty());
        targeted.disableProperty().bind(classifier.disableProperty());
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, viewModel.seedProperty().get());
        seed.setId("runSeed");
        seed.setEditable(true);
        seed.valueProperty().addListener((o, a, b) -> viewModel.seedProperty().set(b));
        viewModel.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> epochs = new Spinner<>(1, 10_000, viewModel.epochsProperty().get());
        epochs.setId("runEpochs");
        epochs.setEditable(true);
        epochs.valueProperty().addListener((o, a, b) -> viewModel.epochsProperty().set(b));
        viewModel.epochsProperty().addListener((o, a, b) -> epochs.getValueFactory().setValue(b.intValue()));
        epochs.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.kindProperty().get().usesEpochs(), viewModel.kindProperty()));
        ComboBox<String> size = new ComboBox<>();
        size.setId("runModelSize");
        size.getItems().setAll("small", "vgg19", "densenet121");
        size.valueProperty().bindBidirectional(viewModel.modelSizeProperty());
        size.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.kindProperty().get().usesModelSize(), viewModel.kindProperty()));
        int r = 0;
        grid.addRow(r++, new Label("Kind"), kind);
        grid.addRow(r++, new Label("Name"), name);
        grid.addRow(r++, new Label("Data set"), new HBox(4, data, browse(data)));
        grid.addRow(r++, new Label("Classifier"), new HBox(4, classifier, browse(classifier)));
        grid.addRow(r++, new Label(""), targeted);
        grid.addRow(r++, new Label("Seed"), seed);
        grid.addRow(r++, new Label("Epochs"), epochs);
        grid.addRow(r++, new Label("Model size"), size);
        // the labels keep their text; the fields give up width instead
        grid.getChildren().stream().filter(Label.class::isInstance)
                .forEach(l -> ((Label) l).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        Button submit = new Button("Submit run");
        submit.setId("submitRunButton");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.connectedProperty().not());
        submit.setOnAction(e -> viewModel.submit());
        VBox box = new VBox(8, new HBox(8, connect, state), backend, grid, new Label("Loss weights"),
                new WeightControls(model, "training"), submit);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(20);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private Button browse(TextField target) {
        Button b = new Button("…");
        b.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                target.setText(dir.getPath());
            }
        });
        return b;
    }

    private SplitPane runsAndCurves(Consumer<java.nio.file.Path> openModel) {
        TableView<RunRow> table = new TableView<>(viewModel.runs());
        table.setId("runTable");
        table.setPlaceholder(new Label("No runs: connect to the service, then submit one"));
        TableColumn<RunRow, String> id = new TableColumn<>("Run");
        id.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().id()));
        TableColumn<RunRow, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().kind()));
        TableColumn<RunRow, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> String.valueOf(c.getValue().state()), c.getValue().stateProperty()));
        TableColumn<RunRow, Number> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().progressProperty());
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                bar.setProgress(v == null ? 0 : v.doubleValue());
                setGraphic(empty ? null : bar);
            }
        });
        TableColumn<RunRow, String> reason = new TableColumn<>("Reason");
        reason.setPrefWidth(260);
        reason.setCellValueFactory(c -> c.getValue().reasonProperty());
        table.getColumns().setAll(List.of(id, kind, state, progress, reason));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.selectedRunProperty().set(b));
        viewModel.selectedRunProperty().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("refreshRunsButton");
        refresh.setOnAction(e -> viewModel.refreshRuns());
        Button cancel = new Button("Cancel run");
        cancel.setId("cancelRunButton");
        cancel.setOnAction(e -> viewModel.cancel(viewModel.selectedRunProperty().get()));
        Button open = new Button("Open model");
        open.setId("openModelButton");
        open.setOnAction(e -> viewModel.openModel(viewModel.selectedRunProperty().get(), openModel));
        BorderPane top = new BorderPane(table);
        top.setTop(new HBox(6, refresh, cancel, open));
        XYChart loss = chart("trainingLossChart", "loss", lossRenderer);
        XYChart accuracy = chart("trainingAccuracyChart", "accuracy", accuracyRenderer);
        SplitPane curves = new SplitPane(loss, accuracy);
        SplitPane right = new SplitPane(top, curves);
        right.setOrientation(Orientation.VERTICAL);
        return right;
    }

    private static ErrorDataSetRenderer renderer() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDrawMarker(false);
        return r;
    }

    private static XYChart chart(String id, String yName, ErrorDataSetRenderer renderer) {
        DefaultNumericAxis x = new DefaultNumericAxis("step");
        DefaultNumericAxis y = new DefaultNumericAxis(yName);
        x.setUnit(null);
        y.setUnit(null);
        y.setForceZeroInRange(false);
        XYChart chart = new XYChart(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().addAll(new Zoomer(), new DataPointTooltip());
        return chart;
    }

    private void show(RunRow row) {
        if (shown != null) {
            shown.history().removeListener(historyListener);
        }
        shown = row;
        if (row != null) {
            row.history().addListener(historyListener);
        }
        redrawCurves();
    }

    /** One trace per reported metric; names containing "acc" go to the accuracy chart. */
    private void redrawCurves() {
        // a fixed order (the total loss first), so a metric keeps its colour from run to run
        Map<String, DoubleDataSet> byName = new java.util.TreeMap<>(
                java.util.Comparator.comparing((String k) -> !k.equals("loss")).thenComparing(k -> k));
        if (shown != null) {
            for (MetricsPoint p : shown.history()) {
                if (p.isResumeMarker()) {
                    continue;
                }
                p.values().forEach((k, v) -> {
                    if (Double.isFinite(v) && !MetricsPoint.isCounter(k)) {
                        byName.computeIfAbsent(k, DoubleDataSet::new).add(p.step(), v);
                    }
                });
            }
        }
        List<DataSet> loss = new ArrayList<>();
        List<DataSet> accuracy = new ArrayList<>();
        byName.forEach((k, ds) -> (k.toLowerCase().contains("acc") ? accuracy : loss).add(ds));
        lossRenderer.getDatasets().setAll(loss);
        accuracyRenderer.getDatasets().setAll(accuracy);
    }

    /** The traces on the loss and accuracy charts (for tests). */
    public List<DataSet> curves() {
        List<DataSet> all = new ArrayList<>(lossRenderer.getDatasets());
        all.addAll(accuracyRenderer.getDatasets());
        return all;
    }
}
