package irw.ui;

import irw.app.task.BackgroundTask;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.NodeIds;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: compute backend, training-service state, and the running jobs with cancel. */
public final class StatusBar extends HBox {
    private final WorkbenchModel model;
    private final Label jobs = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("✕");

    public StatusBar(WorkbenchModel model) {
        super(8);
        this.model = model;
        setId("statusBar");
        getStyleClass().add("status-bar");
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        Label backend = new Label();
        backend.setId(NodeIds.STATUS_BACKEND);
        backend.textProperty().bind(Bindings.concat("backend: ", model.backendProperty()));
        Label service = new Label();
        service.setId(NodeIds.STATUS_SERVICE);
        service.textProperty().bind(Bindings.concat("service: ", model.serviceStateProperty()));
        jobs.setId(NodeIds.STATUS_JOBS);
        progress.setId("statusProgress");
        progress.setPrefWidth(140);
        cancel.setId("statusCancel");
        cancel.setOnAction(e -> model.executor().runningTasks().stream().reduce((a, b) -> b).ifPresent(BackgroundTask::cancel));
        cancel.setTooltip(new javafx.scene.control.Tooltip("cancel the newest running job"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(backend, new Separator(javafx.geometry.Orientation.VERTICAL), service, spacer, jobs, progress, cancel);
        model.executor().runningTasks().addListener((ListChangeListener<BackgroundTask<?>>) c -> update());
        update();
    }

    private void update() {
        var running = model.executor().runningTasks();
        progress.progressProperty().unbind();
        if (running.isEmpty()) {
            jobs.setText("no running jobs");
            progress.setVisible(false);
            cancel.setVisible(false);
            return;
        }
        BackgroundTask<?> newest = running.get(running.size() - 1);
        jobs.setText(running.size() == 1 ? newest.title() : newest.title() + " (+" + (running.size() - 1) + " more)");
        progress.progressProperty().bind(newest.progressProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
    }
}
