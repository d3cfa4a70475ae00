package irw.ui;

import irw.app.data.DataViewModel;
import irw.app.data.PatternFileReader;
import irw.app.digits.DigitsViewModel;
import irw.app.embedding.EmbeddingViewModel;
import irw.app.export.ExportViewModel;
import irw.app.heatmap.HeatmapViewModel;
import irw.app.models.LoadedModels;
import irw.app.models.ModelsViewModel;
import irw.app.refine.RefinementViewModel;
import irw.app.spectra.SpectraViewModel;
import irw.app.training.ServiceConnector;
import irw.app.training.TrainingViewModel;
import irw.app.workbench.WorkbenchModel;
import irw.app.workbench.WorkbenchView;
import irw.ui.common.NodeIds;
import irw.ui.data.DataView;
import irw.ui.digits.DigitsView;
import irw.ui.embedding.EmbeddingView;
import irw.ui.export.ExportView;
import irw.ui.heatmap.HeatmapView;
import irw.ui.spectra.RefinementPanel;
import irw.ui.spectra.SpectraView;
import irw.ui.training.TrainingView;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The workbench window's content: menus with the keyboard shortcuts, one tab per view, the
 * notification area and the status bar. It wires view models to views and nothing else.
 */
public final class MainWindow extends BorderPane {
    private final WorkbenchModel model;
    private final TabPane tabs = new TabPane();
    private final SplitPane split;
    private final Map<WorkbenchView, Tab> tabByView = new EnumMap<>(WorkbenchView.class);
    private final DataViewModel dataViewModel;
    private final DataView dataView;
    private final SpectraView spectraView;
    private final HeatmapView heatmapView;
    private final ExportView exportView;
    private final SpectraViewModel spectraViewModel;
    private final HeatmapViewModel heatmapViewModel;
    private final ExportViewModel exportViewModel;
    private final RefinementViewModel refinementViewModel;
    private final ModelsViewModel models;
    private final TrainingViewModel trainingViewModel;
    private final TrainingView trainingView;
    private final DigitsViewModel digitsViewModel;
    private final EmbeddingViewModel embeddingViewModel;
    private final EmbeddingView embeddingView;
    private final DigitsView digitsView;
    private final ServiceConnector serviceConnector;
    private final LoadedModels loadedModels = new LoadedModels();
    private final irw.app.identify.IdentifyViewModel identifyViewModel;
    private final irw.ui.identify.IdentifyView identifyView;

    public MainWindow(WorkbenchModel model, PatternFileReader reader, ServiceConnector serviceConnector) {
        this.model = model;
        this.serviceConnector = serviceConnector;
        setId("mainWindow");
        dataViewModel = new DataViewModel(model, reader);
        spectraViewModel = new SpectraViewModel(model);
        heatmapViewModel = new HeatmapViewModel(model);
        exportViewModel = new ExportViewModel(model);
        dataView = new DataView(model, dataViewModel);
        refinementViewModel = new RefinementViewModel(model, loadedModels);
        spectraView = new SpectraView(spectraViewModel, new RefinementPanel(model, loadedModels, refinementViewModel));
        heatmapView = new HeatmapView(heatmapViewModel);
        exportView = new ExportView(exportViewModel, this::exportFolder);
        addTab(WorkbenchView.DATA, "Data", dataView);
        addTab(WorkbenchView.SPECTRA, "Spectra", spectraView);
        addTab(WorkbenchView.HEATMAPS, "Heatmaps", heatmapView);
        addTab(WorkbenchView.EXPORT, "Export", exportView);
        trainingViewModel = new TrainingViewModel(model, serviceConnector, model.configDirectory().resolve("models"));
        trainingView = new TrainingView(model, trainingViewModel, this::openDownloadedModels);
        addTab(WorkbenchView.TRAINING, "Training", trainingView);
        embeddingViewModel = new EmbeddingViewModel(model, loadedModels);
        embeddingView = new EmbeddingView(model, embeddingViewModel);
        addTab(WorkbenchView.EMBEDDING, "Embedding", embeddingView);
        digitsViewModel = new DigitsViewModel(model, loadedModels, irw.core.io.SampleDataFolder.resolve("mnist"));
        digitsView = new DigitsView(model, digitsViewModel);
        addTab(WorkbenchView.DIGITS, "Digits", digitsView);
        identifyViewModel = new irw.app.identify.IdentifyViewModel(model, java.util.List.of(), irw.xrd.library.StickLibraryCache.defaultDir());
        identifyView = new irw.ui.identify.IdentifyView(model, identifyViewModel);
        addTab(WorkbenchView.IDENTIFY, "Identify", identifyView);
        models = new ModelsViewModel(model, loadedModels);
        tabByView.get(WorkbenchView.DIGITS).selectedProperty().addListener((o, was, now) -> {
            if (now && digitsViewModel.browsedProperty().get() == null) {
                digitsViewModel.loadSource();
            }
        });
        Tab trainingTab = tabByView.get(WorkbenchView.TRAINING);
        trainingTab.selectedProperty().addListener((o, was, now) -> {
            // The service is a separate JVM: start or find it only when training is wanted.
            if (now && !trainingViewModel.connectedProperty().get() && !"connecting…".equals(model.serviceStateProperty().get())) {
                trainingViewModel.connect();
            }
        });
        heatmapViewModel.activeProperty().bind(tabByView.get(WorkbenchView.HEATMAPS).selectedProperty());
        spectraView.shownProperty().bind(tabByView.get(WorkbenchView.SPECTRA).selectedProperty());
        identifyViewModel.activeProperty().bind(tabByView.get(WorkbenchView.IDENTIFY).selectedProperty());
        tabs.setId(NodeIds.TABS);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.requestedViewProperty().addListener((o, old, view) -> show(view));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) ->
                tabByView.forEach((view, t) -> {
                    if (t == tab) {
                        model.requestedViewProperty().set(view);
                    }
                }));
        split = new SplitPane(tabs, new NotificationArea(model.notifications()));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(model.settings().notificationDivider);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        setTop(menus());
        setCenter(split);
        setBottom(new StatusBar(model));
        WorkbenchView[] views = WorkbenchView.values();
        int saved = model.settings().selectedTab;
        if (saved >= 0 && saved < views.length && tabByView.containsKey(views[saved])) {
            show(views[saved]);
        }
    }

    /** Adds a view's tab; the tabs keep the order of {@link WorkbenchView}. */
    public void addTab(WorkbenchView view, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab" + title);
        tabByView.put(view, tab);
        tabs.getTabs().setAll(tabByView.values());
    }

    private MenuBar menus() {
        MenuItem openFiles = item("Open files…", "Shortcut+O", "menuOpenFiles", dataView::openFiles);
        MenuItem openFolder = item("Open folder…", "Shortcut+Shift+O", "menuOpenFolder", dataView::openFolder);
        MenuItem export = item("Export…", "Shortcut+E", "menuExport", () -> {
            show(WorkbenchView.EXPORT);
            exportView.exportNow();
        });
        MenuItem openModel = item("Open model…", "Shortcut+M", "menuOpenModel", this::openModel);
        MenuItem cancel = item("Cancel running jobs", "Escape", "menuCancelJobs", () -> model.executor().cancelAll());
        MenuItem quit = item("Quit", "Shortcut+Q", "menuQuit", () -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, openFiles, openFolder, openModel, new SeparatorMenuItem(), export, new SeparatorMenuItem(), cancel, quit);
        MenuItem next = item("Next pattern", "Alt+Right", "menuNextPattern", model::selectNext);
        MenuItem previous = item("Previous pattern", "Alt+Left", "menuPreviousPattern", model::selectPrevious);
        Menu pattern = new Menu("Pattern", null, next, previous);
        Menu view = new Menu("View");
        for (int i = 0; i < WorkbenchView.values().length; i++) {
            WorkbenchView v = WorkbenchView.values()[i];
            MenuItem go = item(label(v), "Shortcut+" + (i + 1), "menuView" + v.name(), () -> show(v));
            view.getItems().add(go);
        }
        return new MenuBar(file, pattern, view);
    }

    private static String label(WorkbenchView v) {
        String n = v.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    public boolean hasView(WorkbenchView view) {
        return tabByView.containsKey(view);
    }

    /** Selects a view's tab, when the view exists in this build. */
    public void show(WorkbenchView view) {
        Tab tab = tabByView.get(view);
        if (tab != null) {
            tabs.getSelectionModel().select(tab);
        }
    }

    private Path exportFolder() {
        String last = model.settings().lastFolder;
        return last == null ? Path.of(System.getProperty("user.home")) : Path.of(last);
    }

    /** Stores the layout in the settings (the window stores its own geometry). */
    public void rememberLayout() {
        model.settings().notificationDivider = split.getDividerPositions()[0];
        model.settings().selectedTab = model.requestedViewProperty().get().ordinal();
    }

    public WorkbenchModel model() {
        return model;
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

    /** A finished run's downloaded model files become the workbench's models. */
    private void openDownloadedModels(java.nio.file.Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            files.sorted().forEach(models::open);
        } catch (java.io.IOException e) {
            model.notifications().error(dir.toString(), e);
        }
    }

    /** File ▸ Open model: a classifier (XRD or digits) or a refiner saved by the engine's ModelStore. */
    private void openModel() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a model file");
        java.io.File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            models.open(f.toPath());
        }
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

    public irw.app.identify.IdentifyViewModel identifyViewModel() {
        return identifyViewModel;
    }

    public irw.ui.identify.IdentifyView identifyView() {
        return identifyView;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Stops the training service if this window started it (the contract: the app stops what it started). */
    public void shutdown() {
        serviceConnector.close();
    }
}
