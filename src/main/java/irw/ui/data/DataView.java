package irw.ui.data;

import irw.app.data.DataViewModel;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.Prediction;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.NodeIds;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
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
import java.util.function.Function;

/** The Data tab: a table of loaded patterns, open by menu or drag and drop, progress and cancel. */
public final class DataView extends BorderPane {
    private final WorkbenchModel model;
    private final DataViewModel viewModel;
    /** Modena's one-line table row at the default 12 px font (24 px). */
    private static final double ROW_HEIGHT = 24;
    private final TableView<PatternEntry> table = new TableView<>();
    private boolean syncing;

    public DataView(WorkbenchModel model, DataViewModel viewModel) {
        this.model = model;
        this.viewModel = viewModel;
        setId("dataView");
        setTop(toolbar());
        setCenter(table());
        setupDragAndDrop();
    }

    private ToolBar toolbar() {
        Button openFiles = new Button("Open files…");
        openFiles.setId(NodeIds.DATA_OPEN_FILES);
        openFiles.setOnAction(e -> openFiles());
        Button openFolder = new Button("Open folder…");
        openFolder.setId(NodeIds.DATA_OPEN_FOLDER);
        openFolder.setOnAction(e -> openFolder());
        Button clear = new Button("Clear");
        clear.setId("clearButton");
        clear.setOnAction(e -> viewModel.clear());
        ProgressBar progress = new ProgressBar();
        progress.setId(NodeIds.DATA_PROGRESS);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.loadingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId(NodeIds.DATA_CANCEL);
        cancel.visibleProperty().bind(viewModel.loadingProperty());
        cancel.setOnAction(e -> viewModel.cancelLoad());
        Label status = new Label();
        status.setId(NodeIds.DATA_STATUS);
        status.textProperty().bind(viewModel.statusProperty());
        return new ToolBar(openFiles, openFolder, clear, progress, cancel, status);
    }

    private TableView<PatternEntry> table() {
        table.setId(NodeIds.DATA_TABLE);
        table.setItems(model.patterns());
        // Every row is one line of text: a fixed height spares the VirtualFlow from sizing each new
        // row (CSS and text layout per cell) whenever a chunk of a large load arrives.
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Drop diffraction files or a folder here, or use File ▸ Open (Ctrl+O)"));
        table.getColumns().setAll(List.of(
                column("Name", 220, PatternEntry::name),
                column("Format", 90, PatternEntry::format),
                column("2θ range", 120, PatternEntry::rangeText),
                column("Points", 70, e -> e.isReadable() ? Integer.toString(e.points()) : ""),
                wavelengthColumn(),
                predictionColumn(),
                bestMatchColumn(),
                refinedColumn(),
                column("Error", 320, e -> e.error().orElse(""))));
        table.setRowFactory(t -> {
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
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PatternEntry>) c -> {
            if (syncing) {
                return;
            }
            syncing = true;
            try {
                model.selection().setAll(List.copyOf(table.getSelectionModel().getSelectedItems()));
                PatternEntry focused = table.getSelectionModel().getSelectedItem();
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
                table.getSelectionModel().clearAndSelect(model.patterns().indexOf(now));
                table.scrollTo(now);
                model.selection().setAll(now);
            } finally {
                syncing = false;
            }
        });
        return table;
    }

    private static TableColumn<PatternEntry, String> column(String title, double width, Function<PatternEntry, String> value) {
        TableColumn<PatternEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private TableColumn<PatternEntry, String> predictionColumn() {
        TableColumn<PatternEntry, String> c = new TableColumn<>("Predicted system");
        c.setPrefWidth(170);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> {
            Prediction p = cell.getValue().predictionProperty().get();
            return p == null ? "" : p.text();
        }, cell.getValue().predictionProperty()));
        return c;
    }

    private TableColumn<PatternEntry, String> wavelengthColumn() {
        TableColumn<PatternEntry, String> c = new TableColumn<>("Wavelength");
        c.setPrefWidth(230);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(cell.getValue()::wavelengthText, cell.getValue().enteredWavelengthProperty()));
        return c;
    }

    /** Search-match's best phase; when it names another crystal system than the classifier, the cell says so in red. */
    private TableColumn<PatternEntry, String> bestMatchColumn() {
        TableColumn<PatternEntry, String> c = new TableColumn<>("Best match");
        c.setId("bestMatchColumn");
        c.setPrefWidth(230);
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
        return c;
    }

    private TableColumn<PatternEntry, String> refinedColumn() {
        TableColumn<PatternEntry, String> c = new TableColumn<>("Refined");
        c.setPrefWidth(70);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue().refined() == null ? "no" : "yes", cell.getValue().refinedProperty()));
        return c;
    }

    private void setupDragAndDrop() {
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

    /** File ▸ Open files (Ctrl+O). */
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
    public void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of diffraction files");
        lastFolder().ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.load(List.of(dir.toPath()));
        }
    }

    private java.util.Optional<File> lastFolder() {
        String last = model.settings().lastFolder;
        return last == null ? java.util.Optional.empty()
                : java.util.Optional.of(Path.of(last)).filter(Files::isDirectory).map(Path::toFile);
    }

    public TableView<PatternEntry> tableView() {
        return table;
    }

}
