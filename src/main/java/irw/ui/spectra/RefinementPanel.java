package irw.ui.spectra;

import irw.app.models.LoadedModels;
import irw.app.refine.RefinementViewModel;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.FxmlLayout;
import irw.ui.common.WeightSlider;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.VBox;

/** Beside the spectra (RefinementPanel.fxml): the live α/β/λ preview of the current pattern, accepting it, and batch refinement. */
public final class RefinementPanel extends VBox {
    private final RefinementViewModel viewModel;
    @FXML
    private Label refinementStatus;
    @FXML
    private CheckBox livePreviewToggle;
    @FXML
    private WeightSlider previewAlpha;
    @FXML
    private WeightSlider previewBeta;
    @FXML
    private Spinner<Integer> refinementSteps;
    @FXML
    private Button acceptPreviewButton;
    @FXML
    private Button refineBatchButton;

    public RefinementPanel(WorkbenchModel model, LoadedModels loaded, RefinementViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlLayout.load(this);
        refinementStatus.textProperty().bind(viewModel.statusProperty());
        livePreviewToggle.selectedProperty().bindBidirectional(viewModel.livePreviewProperty());
        previewAlpha.bindBidirectional(model.alphaProperty());
        previewBeta.bindBidirectional(model.betaProperty());
        refinementSteps.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 500, model.refinementStepsProperty().get()));
        refinementSteps.valueProperty().addListener((o, a, b) -> model.refinementStepsProperty().set(b));
        model.refinementStepsProperty().addListener((o, a, b) -> refinementSteps.getValueFactory().setValue(b.intValue()));
        acceptPreviewButton.disableProperty().bind(viewModel.previewOnScreenProperty().not());
        refineBatchButton.disableProperty().bind(loaded.xrdProperty().isNull());
    }

    @FXML
    private void acceptPreview() {
        viewModel.acceptPreview();
    }

    @FXML
    private void refineBatch() {
        viewModel.refineBatch();
    }
}
