package irw.ui;

import irw.app.models.LoadedModels;
import irw.app.task.BackgroundTask;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.FxmlLayout;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/** The bottom line (StatusBar.fxml): compute backend, training-service state, the active models, and the running jobs with cancel. */
public final class StatusBar extends HBox {
    private final WorkbenchModel model;
    @FXML
    private Label statusBackend;
    @FXML
    private Label statusService;
    @FXML
    private Label statusModels;
    @FXML
    private Label statusJobs;
    @FXML
    private ProgressBar statusProgress;
    @FXML
    private Button statusCancel;

    public StatusBar(WorkbenchModel model, LoadedModels models) {
        this.model = model;
        FxmlLayout.load(this);
        statusModels.textProperty().bind(models.summary());
        statusBackend.textProperty().bind(Bindings.concat("backend: ", model.backendProperty()));
        statusService.textProperty().bind(Bindings.concat("service: ", model.serviceStateProperty()));
        model.executor().runningTasks().addListener((ListChangeListener<BackgroundTask<?>>) c -> update());
        update();
    }

    @FXML
    private void cancelNewest() {
        model.executor().runningTasks().stream().reduce((a, b) -> b).ifPresent(BackgroundTask::cancel);
    }

    private void update() {
        var running = model.executor().runningTasks();
        statusProgress.progressProperty().unbind();
        if (running.isEmpty()) {
            statusJobs.setText("no running jobs");
            statusProgress.setVisible(false);
            statusCancel.setVisible(false);
            return;
        }
        BackgroundTask<?> newest = running.get(running.size() - 1);
        statusJobs.setText(running.size() == 1 ? newest.title() : newest.title() + " (+" + (running.size() - 1) + " more)");
        statusProgress.progressProperty().bind(newest.progressProperty());
        statusProgress.setVisible(true);
        statusCancel.setVisible(true);
    }
}
