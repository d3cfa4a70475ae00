package irw.ui;

import irw.app.digits.DigitMicViewModel;
import irw.app.digits.DigitsViewModel;
import irw.engine.mic.MicReconstruction;
import irw.ui.common.NodeIds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static irw.ui.WorkbenchFixture.fx;
import static irw.ui.WorkbenchFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 4: Modular Inverse Classification on the Digits view of the real workbench, with
 * the shipped MIC model (sample-data/models/digits-mic, opened by its mic.json as File ▸ Open model
 * does): a digit drawn with the mouse is reconstructed by each class's generator, the smallest
 * error wins and is framed; a new stroke clears them and a cancel stops a fit; and the Training form sends MIC's knobs as shown.
 * Writes target/screenshots/digits-mic.png (the README's copy is src/site/resources/screenshots/).
 */
@ExtendWith(ApplicationExtension.class)
class MicDigitsUiTest {
    private static final Path SHIPPED_MIC = Path.of("sample-data/models/digits-mic/mic.json").toAbsolutePath();
    private static final Path SHIPPED_CLASSIFIER = Path.of("sample-data/models/digits-classifier.irwm").toAbsolutePath();
    private static final int SCALE = 12;
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchFixture(stage, dir.resolve("cfg-" + System.nanoTime()));
    }

    @Test
    void aDrawnDigitIsReconstructedByEveryClassGeneratorAndTheSmallestErrorWins(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.TAB_DIGITS);
        fx(() -> {
            app.model.refinementStepsProperty().set(10);
            app.window.models().loadDigits(SHIPPED_CLASSIFIER);
            app.window.models().open(SHIPPED_MIC);
        });
        DigitsViewModel vm = app.window.digitsViewModel();
        DigitMicViewModel mic = vm.mic();
        waitUntil(() -> app.window.loadedModels().mic() != null && app.window.loadedModels().digits() != null
                && vm.browsedProperty().get() != null);
        assertThat(app.window.loadedModels().summary().get()).endsWith(" · MIC digits-mic");
        assertThat(robot.lookup("#" + NodeIds.MIC_STATUS).queryLabeled().getText()).startsWith("MIC model digits-mic: 10 generators");
        // the browsed MNIST digit's reconstruction (running now) is dropped by Clear
        robot.clickOn("#" + NodeIds.CLEAR_DIGIT_BUTTON);
        waitUntil(() -> mic.resultProperty().get() == null && app.window.digitsView().micVerdictText().isEmpty());
        Canvas canvas = robot.lookup("#" + NodeIds.DIGIT_CANVAS).queryAs(Canvas.class);
        // a 7: the bar, then the stem down to the lower left, in digit pixels (0..28)
        robot.moveTo(at(canvas, 7, 6)).press(MouseButton.PRIMARY).moveTo(at(canvas, 21, 6)).moveTo(at(canvas, 12, 23))
                .release(MouseButton.PRIMARY);
        waitUntil(() -> mic.resultProperty().get() != null && !mic.runningProperty().get()
                && mic.requestShown() == mic.requestsSubmitted());
        MicReconstruction r = mic.resultProperty().get();
        float[] drawn = vm.imageProperty().get();
        assertThat(r.reconstructions()).hasDimensions(10, 28 * 28);
        int winner = r.winner();
        for (int k = 0; k < 10; k++) {
            // the error shown is the reconstruction's mean squared error against the drawing
            assertThat(r.errors()[k]).isCloseTo(mse(r.reconstructions()[k], drawn), org.assertj.core.api.Assertions.within(1e-4));
            assertThat(r.errors()[winner]).isLessThanOrEqualTo(r.errors()[k]);
            assertThat(app.window.digitsView().micErrorText(k)).isEqualTo(String.format(java.util.Locale.ROOT, "%d: %.4f", k, r.errors()[k]));
            assertThat(app.window.digitsView().isMicWinner(k)).as("class %d framed", k).isEqualTo(k == winner);
            for (float v : r.reconstructions()[k]) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        assertThat(r.reconstructions()[0]).as("each class has its own generator").isNotEqualTo(r.reconstructions()[1]);
        int next = r.runnerUp();
        if (r.errors()[next] - r.errors()[winner] < 0.05 * r.errors()[winner]) { // a close call is not a verdict
            assertThat(app.window.digitsView().micVerdictText()).startsWith("MIC: uncertain, " + winner + " or " + next + " (");
        } else {
            assertThat(app.window.digitsView().micVerdictText()).startsWith("MIC: " + winner + " (smallest reconstruction error, ");
        }
        waitUntil(() -> vm.analysisProperty().get() != null && !vm.analysisProperty().get().refining()
                && vm.requestShown() == vm.requestsSubmitted());
        Path png = WorkbenchScreenshotTest.OUT.resolve("digits-mic.png");
        WorkbenchFixture.snapshot(app.window, png);
        assertThat(Files.size(png)).isGreaterThan(10_000);

        // A new stroke clears the reconstructions of the old drawing; Cancel stops the fit, nothing of it is shown
        fx(() -> vm.stroke(20, 14, 24, 14));
        assertThat(mic.resultProperty().get()).isNull();
        assertThat(app.window.digitsView().isMicWinner(winner)).isFalse();
        long shown = mic.requestShown();
        fx(() -> {
            vm.strokeFinished();
            assertThat(mic.runningProperty().get()).isTrue();
            mic.cancel();
        });
        assertThat(mic.runningProperty().get()).isFalse();
        assertThat(app.window.digitsView().micVerdictText()).isEqualTo("MIC: cancelled");
        Thread.sleep(1500); // the worker drops the cancelled fit; nothing of it reaches the view
        WorkbenchFixture.waitUntil(() -> true);
        assertThat(mic.resultProperty().get()).isNull();
        assertThat(mic.requestShown()).isEqualTo(shown);
    }

    @Test
    void theTrainingFormSendsMicsKnobsAsShown(FxRobot robot) throws Exception {
        var vm = app.window.trainingViewModel();
        fx(() -> {
            vm.kindProperty().set(irw.app.training.RunKind.MIC);
            app.window.show(irw.app.workbench.WorkbenchView.TRAINING); // no service here: connecting fails, the form works
        });
        Spinner<?> types = robot.lookup("#" + NodeIds.RUN_MIC_TYPES).queryAs(Spinner.class);
        WorkbenchFixture.retype(robot, types.getEditor(), "3");
        Spinner<?> iterations = robot.lookup("#" + NodeIds.RUN_MIC_ITERATIONS).queryAs(Spinner.class);
        WorkbenchFixture.retype(robot, iterations.getEditor(), "250");
        Spinner<?> noiseIn = robot.lookup("#" + NodeIds.RUN_MIC_NOISE_IN).queryAs(Spinner.class);
        WorkbenchFixture.retype(robot, noiseIn.getEditor(), "0.35");
        robot.clickOn("#" + NodeIds.RUN_MIC_SELECTION).clickOn("random");
        waitUntil(() -> vm.mic().typesProperty().get() == 3 && vm.mic().iterationsProperty().get() == 250
                && vm.mic().noiseInProperty().get() == 0.35 && "random".equals(vm.mic().selectionProperty().get()));
        assertThat(vm.specJson()).contains("\"kind\":\"mic\"", "\"types\":3", "\"selection\":\"random\"", "\"iterations\":250",
                "\"noiseIn\":0.35", "\"noiseOut\":0.1");
        assertThat(robot.lookup("#" + NodeIds.RUN_EPOCHS_ROW).query().isVisible()).isFalse();
    }

    private static double mse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return s / a.length;
    }

    private static Point2D at(Canvas canvas, double x, double y) {
        return canvas.localToScreen(x * SCALE, y * SCALE);
    }
}
