package irw.ui.spectra;

import irw.app.models.LoadedModels;
import irw.app.refine.RefinementViewModel;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.WeightControls;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Beside the spectra: the live α/β/λ preview of the current pattern and batch refinement. */
public final class RefinementPanel extends VBox {
    public RefinementPanel(WorkbenchModel model, LoadedModels loaded, RefinementViewModel viewModel) {
        setId("refinementPanel");
        getStyleClass().add("refinement-panel");
        setPrefWidth(300);
        Label title = new Label("Refinement");
        title.getStyleClass().add("view-title");
        CheckBox live = new CheckBox("live preview of the current pattern");
        live.setId("livePreviewToggle");
        live.selectedProperty().bindBidirectional(viewModel.livePreviewProperty());
        Label hint = new Label("The preview minimises (1 − λ)·α·‖x′ − x‖² + λ·(ℓ_pred + β·ℓ_proto): α holds the pattern "
                + "close to the input, β weighs the prototype term, λ trades the two sides off (0 keeps the input).");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        javafx.scene.control.Spinner<Integer> steps = new javafx.scene.control.Spinner<>(1, 500, model.refinementStepsProperty().get());
        steps.setId("refinementSteps");
        steps.setEditable(true);
        steps.setPrefWidth(90);
        steps.valueProperty().addListener((o, a, b) -> model.refinementStepsProperty().set(b));
        model.refinementStepsProperty().addListener((o, a, b) -> steps.getValueFactory().setValue(b.intValue()));
        javafx.scene.layout.HBox stepsRow = new javafx.scene.layout.HBox(6, new Label("steps"), steps);
        Button batch = new Button("Refine batch");
        batch.setId("refineBatchButton");
        batch.disableProperty().bind(loaded.xrdProperty().isNull());
        batch.setOnAction(e -> viewModel.refineBatch());
        Label status = new Label();
        status.setId("refinementStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        getChildren().addAll(title, status, live, new WeightControls(model, "preview"), stepsRow, hint, batch);
    }
}
