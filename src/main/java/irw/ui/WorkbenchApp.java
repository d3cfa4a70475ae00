package irw.ui;

import irw.app.settings.SettingsStore;
import irw.app.settings.WorkbenchSettings;
import irw.app.workbench.WorkbenchModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The workbench window: composes the model, the views and the FX executor, restores the window
 * geometry and loads the files it was started with, else the last folder (or, at first start, the
 * bundled sample data).
 */
public final class WorkbenchApp extends Application {
    private WorkbenchModel model;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        model = new WorkbenchModel(new FxTaskExecutor(), SettingsStore.inUserConfigDir());
        window = Workbench.createWindow(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = Workbench.scene(window, Math.min(model.settings().windowWidth, screen.getWidth()),
                Math.min(model.settings().windowHeight, screen.getHeight()));
        stage.setTitle("Imitation Refinement Workbench");
        for (int size : new int[]{32, 48, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(WorkbenchApp.class.getResource("icons/irw-" + size + ".png")).toExternalForm()));
        }
        stage.setScene(scene);
        restoreGeometry(stage, model.settings());
        stage.setOnHidden(e -> {
            model.executor().cancelAll();
            window.rememberLayout();
            WorkbenchSettings s = model.settings();
            s.maximised = stage.isMaximized();
            if (!stage.isMaximized()) {
                s.windowX = stage.getX();
                s.windowY = stage.getY();
                s.windowWidth = stage.getWidth();
                s.windowHeight = stage.getHeight();
            }
            model.saveSettings();
        });
        stage.show();
        List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
        if (files.isEmpty()) {
            window.dataViewModel().loadAtStart();
        } else {
            window.dataViewModel().open(files);
        }
        window.models().loadShipped();
        // A second double-click hands its files to this window; they load in the background as any open does.
        WorkbenchLauncher.acceptHandOvers(paths -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.toFront();
            if (!paths.isEmpty()) {
                window.dataViewModel().open(paths);
            }
        }));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }

    /** Puts the window where it was, unless that place is no longer on any screen. */
    private static void restoreGeometry(Stage stage, WorkbenchSettings s) {
        if (Double.isFinite(s.windowX) && Double.isFinite(s.windowY)
                && !Screen.getScreensForRectangle(new Rectangle2D(s.windowX, s.windowY, 100, 100)).isEmpty()) {
            stage.setX(s.windowX);
            stage.setY(s.windowY);
        }
        // A size saved on a larger screen is clipped to this one.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(s.windowWidth, screen.getWidth()));
        stage.setHeight(Math.min(s.windowHeight, screen.getHeight()));
        stage.setMaximized(s.maximised);
    }
}
