package irw.ui;

import irw.app.data.DataViewModel;
import irw.app.data.PatternFileReader;
import irw.app.digits.DigitsViewModel;
import irw.app.embedding.EmbeddingViewModel;
import irw.app.export.ExportScope;
import irw.app.export.ExportViewModel;
import irw.app.heatmap.HeatmapViewModel;
import irw.app.models.LoadedModels;
import irw.app.models.ModelsViewModel;
import irw.app.refine.RefinementViewModel;
import irw.app.spectra.SpectraViewModel;
import irw.app.training.ServiceConnector;
import irw.app.training.TrainingViewModel;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.app.workbench.WorkbenchView;
import irw.core.io.SampleDataFolder;
import irw.ui.common.FxmlLayout;
import irw.ui.data.DataView;
import irw.ui.digits.DigitsView;
import irw.ui.embedding.EmbeddingView;
import irw.ui.export.ExportView;
import irw.ui.heatmap.HeatmapView;
import irw.ui.spectra.RefinementPanel;
import irw.ui.spectra.SpectraView;
import irw.ui.training.TrainingView;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The workbench window (MainWindow.fxml): menus with the keyboard shortcuts, one tab per view, the
 * notification area and the status bar. It wires view models to views and nothing else.
 */
public final class MainWindow extends BorderPane {
    private final WorkbenchModel model;
    private final Map<WorkbenchView, Tab> tabByView = new EnumMap<>(WorkbenchView.class);
    private final LoadedModels loadedModels = new LoadedModels();
    private final DataViewModel dataViewModel;
    private final SpectraViewModel spectraViewModel;
    private final HeatmapViewModel heatmapViewModel;
    private final ExportViewModel exportViewModel;
    private final RefinementViewModel refinementViewModel;
    private final ModelsViewModel models;
    private final TrainingViewModel trainingViewModel;
    private final DigitsViewModel digitsViewModel;
    private final EmbeddingViewModel embeddingViewModel;
    private final DataView dataView;
    private final SpectraView spectraView;
    private final HeatmapView heatmapView;
    private final ExportView exportView;
    private final TrainingView trainingView;
    private final EmbeddingView embeddingView;
    private final DigitsView digitsView;
    private final ServiceConnector serviceConnector;
    @FXML
    private MenuBar menuBar;
    @FXML
    private SplitPane mainSplit;
    @FXML
    private TabPane mainTabs;
    private final irw.app.identify.IdentifyViewModel identifyViewModel;
    private final irw.ui.identify.IdentifyView identifyView;

    public MainWindow(WorkbenchModel model, PatternFileReader reader, ServiceConnector serviceConnector) {
        this.model = model;
        this.serviceConnector = serviceConnector;
        FxmlLayout.load(this);
        dataViewModel = new DataViewModel(model, reader);
        spectraViewModel = new SpectraViewModel(model);
        heatmapViewModel = new HeatmapViewModel(model);
        exportViewModel = new ExportViewModel(model);
        refinementViewModel = new RefinementViewModel(model, loadedModels);
        trainingViewModel = new TrainingViewModel(model, serviceConnector, irw.core.io.UserFolders.data().resolve("models"));
        embeddingViewModel = new EmbeddingViewModel(model, loadedModels);
        digitsViewModel = new DigitsViewModel(model, loadedModels, SampleDataFolder.resolve("mnist"));
        models = new ModelsViewModel(model, loadedModels, this::confirm);
        dataView = new DataView(model, dataViewModel, refinementViewModel, this::exportRows);
        spectraView = new SpectraView(spectraViewModel, new RefinementPanel(model, loadedModels, refinementViewModel));
        heatmapView = new HeatmapView(heatmapViewModel);
        exportView = new ExportView(exportViewModel, this::exportFolder);
        trainingView = new TrainingView(model, trainingViewModel, this::openDownloadedModels);
        embeddingView = new EmbeddingView(model, embeddingViewModel);
        digitsView = new DigitsView(model, digitsViewModel, models::open);
        identifyViewModel = new irw.app.identify.IdentifyViewModel(model, java.util.List.of(), irw.xrd.library.StickLibraryCache.defaultDir());
        identifyView = new irw.ui.identify.IdentifyView(model, identifyViewModel);
        for (Tab tab : mainTabs.getTabs()) {
            WorkbenchView view = WorkbenchView.valueOf((String) tab.getUserData());
            tabByView.put(view, tab);
            tab.setContent(switch (view) {
                case DATA -> dataView;
                case SPECTRA -> spectraView;
                case HEATMAPS -> heatmapView;
                case TRAINING -> trainingView;
                case EMBEDDING -> embeddingView;
                case DIGITS -> digitsView;
                case EXPORT -> exportView;
                case IDENTIFY -> identifyView;
            });
        }
        tabByView.get(WorkbenchView.DIGITS).selectedProperty().addListener((o, was, now) -> {
            if (now && digitsViewModel.browsedProperty().get() == null) {
                digitsViewModel.loadSource();
            }
        });
        tabByView.get(WorkbenchView.TRAINING).selectedProperty().addListener((o, was, now) -> {
            // The service is a separate JVM: start or find it only when training is wanted.
            if (now && !trainingViewModel.connectedProperty().get() && !"connecting…".equals(model.serviceStateProperty().get())) {
                trainingViewModel.connect();
            }
        });
        heatmapViewModel.activeProperty().bind(tabByView.get(WorkbenchView.HEATMAPS).selectedProperty());
        spectraView.shownProperty().bind(tabByView.get(WorkbenchView.SPECTRA).selectedProperty());
        identifyViewModel.activeProperty().bind(tabByView.get(WorkbenchView.IDENTIFY).selectedProperty());
        model.requestedViewProperty().addListener((o, old, view) -> show(view));
        mainTabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) ->
                model.requestedViewProperty().set(WorkbenchView.valueOf((String) tab.getUserData())));
        mainSplit.getItems().add(new NotificationArea(model.notifications()));
        mainSplit.setDividerPositions(model.settings().notificationDivider);
        SplitPane.setResizableWithParent(mainSplit.getItems().get(1), false);
        setBottom(new StatusBar(model, loadedModels));
        WorkbenchView[] views = WorkbenchView.values();
        int saved = model.settings().selectedTab;
        if (saved >= 0 && saved < views.length) {
            show(views[saved]);
        }
    }

    @FXML
    private void openFiles() {
        dataView.openFiles();
    }

    @FXML
    private void openFolder() {
        dataView.openFolder();
    }

    @FXML
    private void openSampleData() {
        dataViewModel.openSampleData();
    }

    @FXML
    private void showShortcuts() {
        show(new ShortcutsPane(menuBar), "Keyboard shortcuts");
    }

    @FXML
    private void showAbout() {
        show(new AboutPane(model.backendProperty().get()), "About");
    }

    private void show(DialogPane pane, String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setDialogPane(pane);
        dialog.initOwner(getScene().getWindow());
        dialog.show();
    }

    /** Asks before a loaded model is replaced (ModelsViewModel); the answer is the user's. */
    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        alert.setTitle("Replace the model?");
        alert.setHeaderText("Replace the model in use?");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    /** Data ▸ Export: the chosen rows, in the Export view's format, to the path it shows. */
    private void exportRows(List<PatternEntry> rows) {
        model.selection().setAll(rows);
        exportViewModel.scopeProperty().set(ExportScope.SELECTION);
        export();
    }

    @FXML
    private void export() {
        show(WorkbenchView.EXPORT);
        exportView.exportNow();
    }

    @FXML
    private void cancelJobs() {
        model.executor().cancelAll();
        digitsViewModel.mic().cancel(); // the Digits view's MIC fit runs on its own worker, not as a task
    }

    @FXML
    private void quit() {
        getScene().getWindow().hide();
    }

    @FXML
    private void nextPattern() {
        model.selectNext();
    }

    @FXML
    private void previousPattern() {
        model.selectPrevious();
    }

    /** View ▸ Data … Export (Ctrl+1 … Ctrl+7): the menu item names its view in its user data. */
    @FXML
    private void showView(ActionEvent e) {
        show(WorkbenchView.valueOf((String) ((MenuItem) e.getSource()).getUserData()));
    }

    /**
     * File ▸ Open model: a classifier (XRD or digits) or a refiner saved by the engine's ModelStore,
     * or the mic.json of a MIC model folder.
     */
    @FXML
    private void openModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model file (.irwm, or a MIC model's mic.json)");
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            models.open(f.toPath());
        }
    }

    public boolean hasView(WorkbenchView view) {
        return tabByView.containsKey(view);
    }

    /** Selects a view's tab. */
    public void show(WorkbenchView view) {
        Tab tab = tabByView.get(view);
        if (tab != null) {
            mainTabs.getSelectionModel().select(tab);
        }
    }

    private Path exportFolder() {
        String last = model.settings().lastFolder;
        return last == null ? Path.of(System.getProperty("user.home")) : Path.of(last);
    }

    /** Stores the layout in the settings (the window stores its own geometry). */
    public void rememberLayout() {
        model.settings().notificationDivider = mainSplit.getDividerPositions()[0];
        model.settings().selectedTab = model.requestedViewProperty().get().ordinal();
    }

    /** A finished run's downloaded model files become the workbench's models. */
    private void openDownloadedModels(Path dir) {
        models.openRunFolder(dir);
    }

    public WorkbenchModel model() {
        return model;
    }

    public DataView dataView() {
        return dataView;
    }

    public DataViewModel dataViewModel() {
        return dataViewModel;
    }

    public SpectraViewModel spectraViewModel() {
        return spectraViewModel;
    }

    public HeatmapViewModel heatmapViewModel() {
        return heatmapViewModel;
    }

    public ExportViewModel exportViewModel() {
        return exportViewModel;
    }

    public SpectraView spectraView() {
        return spectraView;
    }

    public HeatmapView heatmapView() {
        return heatmapView;
    }

    public TrainingViewModel trainingViewModel() {
        return trainingViewModel;
    }

    public TrainingView trainingView() {
        return trainingView;
    }

    public RefinementViewModel refinementViewModel() {
        return refinementViewModel;
    }

    public LoadedModels loadedModels() {
        return loadedModels;
    }

    public ModelsViewModel models() {
        return models;
    }

    public EmbeddingViewModel embeddingViewModel() {
        return embeddingViewModel;
    }

    public EmbeddingView embeddingView() {
        return embeddingView;
    }

    public DigitsViewModel digitsViewModel() {
        return digitsViewModel;
    }

    public DigitsView digitsView() {
        return digitsView;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    public irw.app.identify.IdentifyViewModel identifyViewModel() {
        return identifyViewModel;
    }

    public irw.ui.identify.IdentifyView identifyView() {
        return identifyView;
    }

    public TabPane tabs() {
        return mainTabs;
    }

    /** Stops the training service if this window started it (the app stops what it started). */
    public void shutdown() {
        trainingViewModel.close();
        serviceConnector.close();
    }
}
