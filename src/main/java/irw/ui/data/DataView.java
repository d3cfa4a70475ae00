package irw.ui.data;

import irw.app.data.DataViewModel;
import irw.app.refine.RefinementViewModel;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.Prediction;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.FxmlLayout;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Data tab (DataView.fxml): a table of loaded patterns, open by menu or drag and drop, progress
 * and cancel; a right click offers open in Spectra, refine, identify, export and remove.
 */
public final class DataView extends BorderPane {
    private final WorkbenchModel model;
    private final DataViewModel viewModel;
    private final RefinementViewModel refinement;
    private final Consumer<List<PatternEntry>> export;
    @FXML
    private TableView<PatternEntry> patternTable;
    @FXML
    private TableColumn<PatternEntry, String> nameColumn;
    @FXML
    private TableColumn<PatternEntry, String> formatColumn;
    @FXML
    private TableColumn<PatternEntry, String> rangeColumn;
    @FXML
    private TableColumn<PatternEntry, String> pointsColumn;
    @FXML
    private TableColumn<PatternEntry, String> wavelengthColumn;
    @FXML
    private TableColumn<PatternEntry, String> predictionColumn;
    @FXML
    private TableColumn<PatternEntry, String> bestMatchColumn;
    @FXML
    private TableColumn<PatternEntry, String> refinedColumn;
    @FXML
    private TableColumn<PatternEntry, String> errorColumn;
    @FXML
    private ProgressBar loadProgress;
    @FXML
    private Button cancelLoadButton;
    @FXML
    private Label dataStatus;
    private boolean syncing;

    /** @param export exports the given rows (the Export view with the selection as its scope) */
    public DataView(WorkbenchModel model, DataViewModel viewModel, RefinementViewModel refinement, Consumer<List<PatternEntry>> export) {
        this.model = model;
        this.viewModel = viewModel;
        this.refinement = refinement;
        this.export = export;
        FxmlLayout.load(this);
        loadProgress.progressProperty().bind(viewModel.progressProperty());
        loadProgress.visibleProperty().bind(viewModel.loadingProperty());
        cancelLoadButton.visibleProperty().bind(viewModel.loadingProperty());
        dataStatus.textProperty().bind(viewModel.statusProperty());
        patternTable.setItems(model.patterns());
        patternTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        text(nameColumn, PatternEntry::name);
        text(formatColumn, PatternEntry::format);
        text(rangeColumn, PatternEntry::rangeText);
        text(pointsColumn, e -> e.isReadable() ? Integer.toString(e.points()) : "");
        wavelengthColumn.setCellValueFactory(cell -> Bindings.createStringBinding(cell.getValue()::wavelengthText,
                cell.getValue().enteredWavelengthProperty()));
        text(errorColumn, e -> e.error().orElse(""));
        predictionColumn.setCellValueFactory(cell -> Bindings.createStringBinding(() -> {
            Prediction p = cell.getValue().predictionProperty().get();
            return p == null ? "" : p.text();
        }, cell.getValue().predictionProperty()));
        refinedColumn.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue().refined() == null ? "no" : cell.getValue().refinedBy(), cell.getValue().refinedByProperty()));
        bestMatch(bestMatchColumn);
        patternTable.setRowFactory(t -> row());
        bindSelection();
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                viewModel.load(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static void text(TableColumn<PatternEntry, String> column, Function<PatternEntry, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** Search-match's best phase; when it names another crystal system than the classifier, the cell says so in red. */
    private static void bestMatch(TableColumn<PatternEntry, String> c) {
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> {
            PatternEntry e = cell.getValue();
            irw.app.workbench.BestMatch m = e.bestMatchProperty().get();
            if (m == null) {
                return "";
            }
            return (m.disagreesWith(e.predictionProperty().get()) ? "≠ classifier: " : "") + m.text();
        }, cell.getValue().bestMatchProperty(), cell.getValue().predictionProperty()));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(!empty && item != null && item.startsWith("≠") ? "-fx-text-fill: #c0392b; -fx-font-weight: bold;" : "");
            }
        });
    }

    /** Unreadable rows stand out and explain themselves; a double click opens a row in Spectra. */
    private TableRow<PatternEntry> row() {
        TableRow<PatternEntry> row = new TableRow<>() {
            @Override
            protected void updateItem(PatternEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("unreadable");
                setTooltip(null);
                if (!empty && item != null && !item.isReadable()) {
                    getStyleClass().add("unreadable");
                    setTooltip(new Tooltip(item.error().orElse("")));
                }
            }
        };
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty() && row.getItem().isReadable()) {
                model.openInSpectra(row.getItem());
            }
        });
        return row;
    }

    /** The table's selection is the workbench's selection; the current pattern is the focused row. */
    private void bindSelection() {
        patternTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PatternEntry>) c -> {
            if (syncing) {
                return;
            }
            syncing = true;
            try {
                model.selection().setAll(List.copyOf(patternTable.getSelectionModel().getSelectedItems()));
                PatternEntry focused = patternTable.getSelectionModel().getSelectedItem();
                if (focused != null && focused.isReadable()) {
                    model.currentProperty().set(focused);
                }
            } finally {
                syncing = false;
            }
        });
        model.currentProperty().addListener((obs, old, now) -> {
            if (syncing || now == null) {
                return;
            }
            syncing = true;
            try {
                patternTable.getSelectionModel().clearAndSelect(model.patterns().indexOf(now));
                patternTable.scrollTo(now);
                model.selection().setAll(now);
            } finally {
                syncing = false;
            }
        });
    }

    private List<PatternEntry> selected() {
        return List.copyOf(patternTable.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void openInSpectra() {
        selected().stream().filter(PatternEntry::isReadable).findFirst().ifPresent(model::openInSpectra);
    }

    @FXML
    private void refineSelected() {
        refinement.refine(selected());
    }

    @FXML
    private void identifySelected() {
        refinement.identify(selected());
    }

    @FXML
    private void exportSelected() {
        export.accept(selected());
    }

    @FXML
    private void removeSelected() {
        viewModel.remove(selected());
    }

    @FXML
    private void clear() {
        viewModel.clear();
    }

    @FXML
    private void cancelLoad() {
        viewModel.cancelLoad();
    }

    /** File ▸ Open files (Ctrl+O). */
    @FXML
    public void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open diffraction files");
        lastFolder().ifPresent(chooser::setInitialDirectory);
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            viewModel.load(files.stream().map(File::toPath).toList());
        }
    }

    /** File ▸ Open folder (Ctrl+Shift+O). */
    @FXML
    public void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of diffraction files");
        lastFolder().ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.load(List.of(dir.toPath()));
        }
    }

    private Optional<File> lastFolder() {
        String last = model.settings().lastFolder;
        return last == null ? Optional.empty() : Optional.of(Path.of(last)).filter(Files::isDirectory).map(Path::toFile);
    }

    public TableView<PatternEntry> tableView() {
        return patternTable;
    }
}
