package irw.ui.export;

import irw.app.export.ExportFormat;
import irw.app.export.ExportScope;
import irw.app.export.ExportViewModel;
import irw.ui.common.FxmlLayout;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The Export tab (ExportView.fxml): what to write (scope, raw, truth), how (CSV wide/long, .xy) and where. */
public final class ExportView extends GridPane {
    private final ExportViewModel viewModel;
    private final Supplier<Path> defaultFolder;
    @FXML
    private ComboBox<ExportScope> exportScope;
    @FXML
    private ComboBox<ExportFormat> exportFormat;
    @FXML
    private CheckBox exportIncludeRaw;
    @FXML
    private CheckBox exportIncludeTruth;
    @FXML
    private TextField exportTarget;
    @FXML
    private Label exportStatus;

    public ExportView(ExportViewModel viewModel, Supplier<Path> defaultFolder) {
        this.viewModel = viewModel;
        this.defaultFolder = defaultFolder;
        FxmlLayout.load(this);
        exportScope.getItems().setAll(ExportScope.values());
        exportScope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        exportFormat.getItems().setAll(ExportFormat.values());
        exportFormat.valueProperty().bindBidirectional(viewModel.formatProperty());
        exportIncludeRaw.selectedProperty().bindBidirectional(viewModel.includeRawProperty());
        exportIncludeTruth.selectedProperty().bindBidirectional(viewModel.includeGroundTruthProperty());
        exportStatus.textProperty().bind(viewModel.statusProperty());
        exportScope.valueProperty().addListener(o -> suggest());
        exportFormat.valueProperty().addListener(o -> suggest());
        suggest();
    }

    private void suggest() {
        exportTarget.setText(defaultFolder.get().resolve(viewModel.suggestedFileName()).toString());
    }

    @FXML
    private void browse() {
        Path current = Path.of(exportTarget.getText().isBlank() ? viewModel.suggestedFileName() : exportTarget.getText());
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
            exportTarget.setText(chosen.getPath());
        }
    }

    /** Exports to the path in the target field (the Export button, and Ctrl+E after a first choice). */
    @FXML
    public void exportNow() {
        if (exportTarget.getText().isBlank()) {
            browse();
        }
        if (!exportTarget.getText().isBlank()) {
            viewModel.export(Path.of(exportTarget.getText().strip()));
        }
    }
}
