package irw.ui;

import irw.app.settings.SettingsStore;
import irw.app.workbench.WorkbenchModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** The real workbench window on a stage, with the FX executor and settings in a temporary folder. */
final class WorkbenchFixture {
    static final Path MEASURED = Path.of("sample-data/measured").toAbsolutePath();

    final MainWindow window;
    final WorkbenchModel model;

    WorkbenchFixture(Stage stage, Path configDir) {
        this(stage, configDir, () -> {
            throw new IllegalStateException("this test runs without a training service");
        });
    }

    WorkbenchFixture(Stage stage, Path configDir, irw.app.training.ServiceConnector connector) {
        model = new WorkbenchModel(new FxTaskExecutor(), new SettingsStore(configDir.resolve("settings.json")));
        window = Workbench.createWindow(model, connector);
        Scene scene = Workbench.scene(window, 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    static void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void loadSampleFolder() throws Exception {
        fx(() -> window.dataViewModel().load(List.of(MEASURED)));
        waitUntil(() -> !window.dataViewModel().loadingProperty().get() && !model.patterns().isEmpty());
    }

    /** A PNG of a node after a few pulses, so ChartFX has drawn its canvas. */
    static void snapshot(Node node, Path png) throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> node.applyCss());
        }
        WritableImage[] image = new WritableImage[1];
        fx(() -> {
            node.getScene().getRoot().layout();
            image[0] = node.snapshot(null, null);
        });
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", png.toFile());
    }

    static boolean onFxThread() {
        return Platform.isFxApplicationThread();
    }
}
