package irw.ui.export;

import irw.app.export.ExportFormat;
import irw.app.export.ExportScope;
import irw.app.export.ExportViewModel;
import irw.ui.common.NodeIds;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The Export tab: what to write (scope, raw, truth), how (CSV wide/long, .xy) and where. */
public final class ExportView extends GridPane {
    private final ExportViewModel viewModel;
    private final TextField target = new TextField();
    private final Supplier<Path> defaultFolder;

    public ExportView(ExportViewModel viewModel, Supplier<Path> defaultFolder) {
        this.viewModel = viewModel;
        this.defaultFolder = defaultFolder;
        setId("exportView");
        setPadding(new Insets(16));
        setHgap(10);
        setVgap(10);
        ComboBox<ExportScope> scope = new ComboBox<>();
        scope.setId(NodeIds.EXPORT_SCOPE);
        scope.getItems().setAll(ExportScope.values());
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.setId(NodeIds.EXPORT_FORMAT);
        format.getItems().setAll(ExportFormat.values());
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        CheckBox raw = new CheckBox("include the raw patterns");
        raw.setId(NodeIds.EXPORT_RAW);
        raw.selectedProperty().bindBidirectional(viewModel.includeRawProperty());
        CheckBox truth = new CheckBox("include the ground truth, where known");
        truth.setId(NodeIds.EXPORT_TRUTH);
        truth.selectedProperty().bindBidirectional(viewModel.includeGroundTruthProperty());
        target.setId("exportTarget");
        target.setPromptText("file (.csv) or folder (.xy)");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId("exportBrowse");
        browse.setOnAction(e -> browse());
        Button export = new Button("Export");
        export.setId(NodeIds.EXPORT_BUTTON);
        export.setDefaultButton(true);
        export.setOnAction(e -> exportNow());
        Label status = new Label();
        status.setId(NodeIds.EXPORT_STATUS);
        status.textProperty().bind(viewModel.statusProperty());
        Label note = new Label("Refined, raw and ground-truth patterns are written on the models' 2θ grid "
                + "(2,000 points, 5–80°), scaled to a maximum of 1. The embedding is exported from the Embedding tab.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        addRow(0, new Label("Patterns"), scope);
        addRow(1, new Label("Format"), format);
        add(raw, 1, 2);
        add(truth, 1, 3);
        HBox where = new HBox(6, target, browse);
        addRow(4, new Label("Write to"), where);
        add(export, 1, 5);
        add(status, 1, 6);
        add(note, 0, 7, 2, 1);
        GridPane.setHgrow(where, Priority.ALWAYS);
        scope.valueProperty().addListener(o -> suggest());
        format.valueProperty().addListener(o -> suggest());
        suggest();
    }

    private void suggest() {
        target.setText(defaultFolder.get().resolve(viewModel.suggestedFileName()).toString());
    }

    private void browse() {
        Path current = Path.of(target.getText().isBlank() ? viewModel.suggestedFileName() : target.getText());
        File initialDir = current.toAbsolutePath().getParent() == null ? null : current.toAbsolutePath().getParent().toFile();
        File chosen;
        if (viewModel.formatProperty().get() == ExportFormat.XY) {
            DirectoryChooser chooser = new DirectoryChooser();
            if (initialDir != null && initialDir.isDirectory()) {
                chooser.setInitialDirectory(initialDir);
            }
            chosen = chooser.showDialog(getScene().getWindow());
        } else {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            chooser.setInitialFileName(current.getFileName().toString());
            if (initialDir != null && initialDir.isDirectory()) {
                chooser.setInitialDirectory(initialDir);
            }
            chosen = chooser.showSaveDialog(getScene().getWindow());
        }
        if (chosen != null) {
            target.setText(chosen.getPath());
        }
    }

    /** Exports to the path in the target field (the Export button, and Ctrl+E after a first choice). */
    public void exportNow() {
        if (target.getText().isBlank()) {
            browse();
        }
        if (!target.getText().isBlank()) {
            viewModel.export(Path.of(target.getText().strip()));
        }
    }
}
