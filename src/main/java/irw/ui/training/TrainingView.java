package irw.ui.training;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import irw.app.training.RunRow;
import irw.app.training.TrainingViewModel;
import irw.app.workbench.WorkbenchModel;
import irw.service.api.MetricsPoint;
import irw.ui.common.FxmlLayout;
import irw.ui.common.WeightSlider;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
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
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The Training tab (TrainingView.fxml): the run form, the run list and live loss/accuracy curves of the selected run. */
public final class TrainingView extends SplitPane {
    private final TrainingViewModel viewModel;
    private final Consumer<Path> openModel;
    private final ErrorDataSetRenderer lossRenderer = renderer();
    private final ErrorDataSetRenderer accuracyRenderer = renderer();
    private final ListChangeListener<MetricsPoint> historyListener = c -> redrawCurves();
    private RunRow shown;
    @FXML
    private Label trainingServiceState;
    @FXML
    private Label trainingBackend;
    @FXML
    private ComboBox<TrainingViewModel.Kind> runKind;
    @FXML
    private TextField runName;
    @FXML
    private TextField runTrainData;
    @FXML
    private TextField runClassifier;
    @FXML
    private javafx.scene.control.Button runClassifierBrowse;
    @FXML
    private CheckBox runTargeted;
    @FXML
    private Spinner<Integer> runSeed;
    @FXML
    private Spinner<Integer> runEpochs;
    @FXML
    private ComboBox<String> runModelSize;
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
        bindForm(model);
        bindRunTable();
        for (DefaultNumericAxis axis : List.of(trainingLossStepAxis, trainingLossAxis, trainingAccuracyStepAxis, trainingAccuracyAxis)) {
            axis.setUnit(null);
        }
        trainingLossChart.getRenderers().setAll(lossRenderer);
        trainingAccuracyChart.getRenderers().setAll(accuracyRenderer);
        viewModel.selectedRunProperty().addListener((o, old, row) -> show(row));
    }

    private void bindForm(WorkbenchModel model) {
        runKind.getItems().setAll(TrainingViewModel.Kind.values());
        runKind.valueProperty().bindBidirectional(viewModel.kindProperty());
        runName.textProperty().bindBidirectional(viewModel.nameProperty());
        runTrainData.textProperty().bindBidirectional(viewModel.trainDataProperty());
        runClassifier.textProperty().bindBidirectional(viewModel.classifierModelProperty());
        runClassifier.disableProperty().bind(viewModel.kindProperty().isNotEqualTo(TrainingViewModel.Kind.REFINER));
        runClassifierBrowse.disableProperty().bind(runClassifier.disableProperty());
        runTargeted.selectedProperty().bindBidirectional(viewModel.targetedProperty());
        runTargeted.disableProperty().bind(runClassifier.disableProperty());
        runSeed.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, viewModel.seedProperty().get()));
        runSeed.valueProperty().addListener((o, a, b) -> viewModel.seedProperty().set(b));
        viewModel.seedProperty().addListener((o, a, b) -> runSeed.getValueFactory().setValue(b.intValue()));
        runEpochs.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, viewModel.epochsProperty().get()));
        runEpochs.valueProperty().addListener((o, a, b) -> viewModel.epochsProperty().set(b));
        viewModel.epochsProperty().addListener((o, a, b) -> runEpochs.getValueFactory().setValue(b.intValue()));
        runEpochs.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.kindProperty().get().usesEpochs(), viewModel.kindProperty()));
        runModelSize.getItems().setAll("small", "vgg19", "densenet121");
        runModelSize.valueProperty().bindBidirectional(viewModel.modelSizeProperty());
        runModelSize.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.kindProperty().get().usesModelSize(), viewModel.kindProperty()));
        trainingAlpha.bindBidirectional(model.alphaProperty());
        trainingBeta.bindBidirectional(model.betaProperty());
        trainingLambda.bindBidirectional(model.lambdaProperty());
        submitRunButton.disableProperty().bind(viewModel.connectedProperty().not());
    }

    private void bindRunTable() {
        runTable.setItems(viewModel.runs());
        runTable.setPlaceholder(new Label("No runs: connect to the service, then submit one"));
        runIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
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

    private void browse(TextField target) {
        DirectoryChooser chooser = new DirectoryChooser();
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            target.setText(dir.getPath());
        }
    }

    private static ErrorDataSetRenderer renderer() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDrawMarker(false);
        return r;
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
        Map<String, DoubleDataSet> byName = new TreeMap<>(Comparator.comparing((String k) -> !k.equals("loss")).thenComparing(k -> k));
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
