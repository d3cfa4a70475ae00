package irw.ui.training;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.training.RunKind;
import irw.app.training.RunRow;
import irw.app.training.TrainingCurves;
import irw.app.training.TrainingViewModel;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.FxmlLayout;
import irw.ui.common.WeightSlider;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The Training tab (TrainingView.fxml): the run form, the run list and live loss/accuracy curves of the selected run. */
public final class TrainingView extends SplitPane {
    private final TrainingViewModel viewModel;
    private final Consumer<Path> openModel;
    private final ErrorDataSetRenderer lossRenderer = renderer();
    private final ErrorDataSetRenderer accuracyRenderer = renderer();
    /** The data set drawn for each curve of the view model; points are appended as they arrive. */
    private final Map<TrainingCurves.Curve, DoubleDataSet> drawn = new HashMap<>();
    @FXML
    private Label trainingServiceState;
    @FXML
    private Label trainingBackend;
    @FXML
    private ComboBox<RunKind> runKind;
    @FXML
    private TextField runName;
    @FXML
    private TextField runTrainData;
    @FXML
    private TextField runClassifier;
    @FXML
    private HBox runClassifierRow;
    @FXML
    private HBox runLabCifsRow;
    @FXML
    private TextField runLabCifs;
    @FXML
    private HBox runTargetedRow;
    @FXML
    private HBox runEpochsRow;
    @FXML
    private HBox runModelSizeRow;
    @FXML
    private Label runWeightsTitle;
    @FXML
    private Label runListHint;
    @FXML
    private CheckBox runTargeted;
    @FXML
    private Spinner<Integer> runSeed;
    @FXML
    private Spinner<Integer> runEpochs;
    @FXML
    private ComboBox<String> runModelSize;
    @FXML
    private HBox runMicTypesRow;
    @FXML
    private HBox runMicIterationsRow;
    @FXML
    private HBox runMicNoiseRow;
    @FXML
    private Spinner<Integer> runMicTypes;
    @FXML
    private ComboBox<String> runMicSelection;
    @FXML
    private Spinner<Integer> runMicIterations;
    @FXML
    private Spinner<Double> runMicNoiseIn;
    @FXML
    private Spinner<Double> runMicNoiseOut;
    @FXML
    private WeightSlider trainingAlpha;
    @FXML
    private WeightSlider trainingBeta;
    @FXML
    private WeightSlider trainingLambda;
    @FXML
    private javafx.scene.control.Button submitRunButton;
    @FXML
    private TableView<RunRow> runTable;
    @FXML
    private TableColumn<RunRow, String> runIdColumn;
    @FXML
    private TableColumn<RunRow, String> runNameColumn;
    @FXML
    private TableColumn<RunRow, String> runKindColumn;
    @FXML
    private TableColumn<RunRow, String> runStateColumn;
    @FXML
    private TableColumn<RunRow, Number> runProgressColumn;
    @FXML
    private TableColumn<RunRow, String> runReasonColumn;
    @FXML
    private XYChart trainingLossChart;
    @FXML
    private XYChart trainingAccuracyChart;
    @FXML
    private DefaultNumericAxis trainingLossStepAxis;
    @FXML
    private DefaultNumericAxis trainingLossAxis;
    @FXML
    private DefaultNumericAxis trainingAccuracyStepAxis;
    @FXML
    private DefaultNumericAxis trainingAccuracyAxis;

    public TrainingView(WorkbenchModel model, TrainingViewModel viewModel, Consumer<Path> openModel) {
        this.viewModel = viewModel;
        this.openModel = openModel;
        FxmlLayout.load(this);
        trainingServiceState.textProperty().bind(model.serviceStateProperty());
        trainingBackend.textProperty().bind(Bindings.concat("backend: ", model.backendProperty()));
        bindForm();
        bindRunTable();
        for (DefaultNumericAxis axis : List.of(trainingLossStepAxis, trainingLossAxis, trainingAccuracyStepAxis, trainingAccuracyAxis)) {
            axis.setUnit(null);
        }
        trainingLossChart.getRenderers().setAll(lossRenderer);
        trainingAccuracyChart.getRenderers().setAll(accuracyRenderer);
        viewModel.curves().curves().addListener((ListChangeListener<TrainingCurves.Curve>) c -> drawCurves());
        drawCurves();
    }

    private void bindForm() {
        runKind.getItems().setAll(RunKind.values());
        runKind.valueProperty().bindBidirectional(viewModel.kindProperty());
        runName.textProperty().bindBidirectional(viewModel.nameProperty());
        runTrainData.textProperty().bindBidirectional(viewModel.trainDataProperty());
        runClassifier.textProperty().bindBidirectional(viewModel.classifierModelProperty());
        runLabCifs.textProperty().bindBidirectional(viewModel.labCifsProperty());
        shownFor(runLabCifsRow, RunKind::usesLabCifs);
        runTargeted.selectedProperty().bindBidirectional(viewModel.targetedProperty());
        // each kind shows only the fields it takes
        shownFor(runClassifierRow, RunKind::usesRefinerFields);
        shownFor(runTargetedRow, RunKind::usesRefinerFields);
        shownFor(trainingAlpha, RunKind::usesRefinerFields);
        shownFor(trainingBeta, RunKind::usesRefinerFields);
        shownFor(trainingLambda, RunKind::usesLambda);
        shownFor(runWeightsTitle, k -> k.usesLambda() || k.usesRefinerFields());
        shownFor(runEpochsRow, RunKind::usesEpochs);
        shownFor(runModelSizeRow, RunKind::usesModelSize);
        runSeed.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, viewModel.seedProperty().get()));
        runSeed.valueProperty().addListener((o, a, b) -> viewModel.seedProperty().set(b));
        viewModel.seedProperty().addListener((o, a, b) -> runSeed.getValueFactory().setValue(b.intValue()));
        runEpochs.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, viewModel.epochsProperty().get()));
        runEpochs.valueProperty().addListener((o, a, b) -> viewModel.epochsProperty().set(b));
        viewModel.epochsProperty().addListener((o, a, b) -> runEpochs.getValueFactory().setValue(b.intValue()));
        runModelSize.getItems().setAll("small", "resnet1d", "vgg19", "densenet121");
        runModelSize.valueProperty().bindBidirectional(viewModel.modelSizeProperty());
        bindMicFields();
        trainingAlpha.bindBidirectional(viewModel.alphaProperty());
        trainingBeta.bindBidirectional(viewModel.betaProperty());
        trainingLambda.bindBidirectional(viewModel.lambdaProperty());
        submitRunButton.disableProperty().bind(viewModel.connectedProperty().not());
    }

    /** MIC's knobs, in the service's ranges (JobSettingsReader). */
    private void bindMicFields() {
        shownFor(runMicTypesRow, RunKind::usesMicFields);
        shownFor(runMicIterationsRow, RunKind::usesMicFields);
        shownFor(runMicNoiseRow, RunKind::usesMicFields);
        bindInteger(runMicTypes, new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, viewModel.mic().typesProperty().get()),
                viewModel.mic().typesProperty());
        bindInteger(runMicIterations, new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000_000, viewModel.mic().iterationsProperty().get(), 100),
                viewModel.mic().iterationsProperty());
        bindDouble(runMicNoiseIn, viewModel.mic().noiseInProperty());
        bindDouble(runMicNoiseOut, viewModel.mic().noiseOutProperty());
        runMicSelection.getItems().setAll("clustered", "random");
        runMicSelection.valueProperty().bindBidirectional(viewModel.mic().selectionProperty());
    }

    private static void bindInteger(Spinner<Integer> spinner, SpinnerValueFactory<Integer> values, javafx.beans.property.IntegerProperty property) {
        spinner.setValueFactory(values);
        spinner.valueProperty().addListener((o, a, b) -> property.set(b));
        property.addListener((o, a, b) -> values.setValue(b.intValue()));
    }

    /** A noise standard deviation, 0 to 10 in steps of 0.05. */
    private static void bindDouble(Spinner<Double> spinner, javafx.beans.property.DoubleProperty property) {
        SpinnerValueFactory.DoubleSpinnerValueFactory values = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 10, property.get(), 0.05);
        spinner.setValueFactory(values);
        spinner.valueProperty().addListener((o, a, b) -> property.set(b));
        property.addListener((o, a, b) -> values.setValue(b.doubleValue()));
    }

    /** A form row (or control) takes part in the layout only for the kinds that use it. */
    private void shownFor(Node node, Predicate<RunKind> uses) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> uses.test(viewModel.kindProperty().get()), viewModel.kindProperty()));
        node.managedProperty().bind(node.visibleProperty());
    }

    private void bindRunTable() {
        runTable.setItems(viewModel.runs());
        runListHint.textProperty().bind(viewModel.runListHintProperty());
        runIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        runNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        runKindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind()));
        runStateColumn.setCellValueFactory(c -> Bindings.createStringBinding(() -> String.valueOf(c.getValue().state()), c.getValue().stateProperty()));
        runProgressColumn.setCellValueFactory(c -> c.getValue().progressProperty());
        runProgressColumn.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                bar.setProgress(v == null ? 0 : v.doubleValue());
                setGraphic(empty ? null : bar);
            }
        });
        runReasonColumn.setCellValueFactory(c -> c.getValue().reasonProperty());
        runTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.selectedRunProperty().set(b));
        viewModel.selectedRunProperty().addListener((o, a, b) -> {
            if (b != runTable.getSelectionModel().getSelectedItem()) {
                runTable.getSelectionModel().select(b);
            }
        });
    }

    @FXML
    private void connect() {
        viewModel.connect();
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void refreshRuns() {
        viewModel.refreshRuns();
    }

    @FXML
    private void cancelRun() {
        viewModel.cancel(viewModel.selectedRunProperty().get());
    }

    @FXML
    private void openModel() {
        viewModel.openModel(viewModel.selectedRunProperty().get(), openModel);
    }

    @FXML
    private void browseTrainData() {
        browse(runTrainData);
    }

    @FXML
    private void browseClassifier() {
        browse(runClassifier);
    }

    @FXML
    private void browseLabCifs() {
        File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
        if (chosen != null) {
            runLabCifs.setText(chosen.getPath());
        }
    }

    /** A data folder for label-refinery and mic runs, a file (data set or model) otherwise. */
    private void browse(TextField target) {
        File chosen;
        if (target == runTrainData && viewModel.kindProperty().get().usesDataDirectory()) {
            chosen = new DirectoryChooser().showDialog(getScene().getWindow());
        } else {
            chosen = new FileChooser().showOpenDialog(getScene().getWindow());
        }
        if (chosen != null) {
            target.setText(chosen.getPath());
        }
    }

    private static ErrorDataSetRenderer renderer() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDrawMarker(false);
        return r;
    }

    /**
     * Puts the view model's curves on the charts: a data set per curve, kept while the curve lives
     * and appended to as points arrive (no rebuild per point).
     */
    private void drawCurves() {
        List<TrainingCurves.Curve> now = List.copyOf(viewModel.curves().curves());
        drawn.keySet().retainAll(now);
        List<DataSet> loss = new ArrayList<>();
        List<DataSet> accuracy = new ArrayList<>();
        for (TrainingCurves.Curve curve : now) {
            DoubleDataSet ds = drawn.computeIfAbsent(curve, this::dataSet);
            (curve.isAccuracy() ? accuracy : loss).add(ds);
        }
        lossRenderer.getDatasets().setAll(loss);
        accuracyRenderer.getDatasets().setAll(accuracy);
    }

    private DoubleDataSet dataSet(TrainingCurves.Curve curve) {
        DoubleDataSet ds = new DoubleDataSet(curve.metric());
        curve.points().forEach(p -> ds.add(p.step(), p.value()));
        curve.points().addListener((ListChangeListener<TrainingCurves.CurvePoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    ds.clearData();
                    curve.points().forEach(p -> ds.add(p.step(), p.value()));
                    return;
                }
                c.getAddedSubList().forEach(p -> ds.add(p.step(), p.value()));
            }
        });
        return ds;
    }

    /** The traces on the loss and accuracy charts (for tests). */
    public List<DataSet> curves() {
        List<DataSet> all = new ArrayList<>(lossRenderer.getDatasets());
        all.addAll(accuracyRenderer.getDatasets());
        return all;
    }
}
