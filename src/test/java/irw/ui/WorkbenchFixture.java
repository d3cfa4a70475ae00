package irw.ui;

import irw.app.settings.SettingsStore;
import irw.app.workbench.WorkbenchModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
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
        if (Platform.isFxApplicationThread()) {
            r.run(); // a condition of waitUntil that reads the scene through fx
        } else {
            WaitForAsyncUtils.waitForAsyncFx(60_000, r);
        }
    }

    /**
     * Waits until {@code condition} holds, asking it on the FX thread: the scene and the models'
     * observable lists change there, and reading them from the test thread can see a list in the
     * middle of a change. Generous: the machines these run on are shared; a passing condition
     * returns at once.
     */
    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return condition.call();
        }
        return WaitForAsyncUtils.asyncFx(condition).get(60, TimeUnit.SECONDS);
    }

    /**
     * Double-clicks {@code target} until {@code opened} holds. On a loaded machine the robot's two
     * clicks can reach the scene more than Monocle's fixed 500 ms multi-click time apart and count as
     * two single clicks, which open nothing; since no single click can make {@code opened} true, a
     * second try checks the same thing.
     */
    static void doubleClickUntil(FxRobot robot, Supplier<Node> target, Callable<Boolean> opened) throws Exception {
        for (int attempt = 1; ; attempt++) {
            robot.doubleClickOn(target.get());
            try {
                WaitForAsyncUtils.waitFor(attempt < 4 ? 20 : 120, TimeUnit.SECONDS, () -> onFx(opened));
                WaitForAsyncUtils.waitForFxEvents();
                return;
            } catch (TimeoutException e) {
                if (attempt == 4) {
                    throw e;
                }
            }
        }
    }

    /** Replaces a text field's text as a user would: focus it, select all, type, Tab. */
    static void retype(FxRobot robot, javafx.scene.control.TextField field, String text) {
        robot.clickOn(field);
        fx(field::selectAll);
        robot.write(text).press(javafx.scene.input.KeyCode.TAB).release(javafx.scene.input.KeyCode.TAB);
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
