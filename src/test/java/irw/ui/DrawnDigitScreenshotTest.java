package irw.ui;

import irw.app.digits.DigitsViewModel;
import irw.app.models.DigitAnalysis;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
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
 * Issue 12: a 7 drawn with the mouse on the Digits view of the real workbench, with the shipped digit
 * classifier, is read as 7 and named "your drawing"; the refinement steps show their total variation.
 * Writes target/screenshots/digits-drawn-7.png (the README's copy is src/site/resources/screenshots/).
 */
@ExtendWith(ApplicationExtension.class)
class DrawnDigitScreenshotTest {
    private static final Path SHIPPED = Path.of("sample-data/models/digits-classifier.irwm").toAbsolutePath();
    private static final int SCALE = 12; // screen pixels per digit pixel on the canvas
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchFixture(stage, dir);
    }

    @Test
    void aSevenDrawnWithTheMouseIsReadAsSeven(FxRobot robot) throws Exception {
        robot.clickOn("#tabDigits");
        fx(() -> app.window.models().loadDigits(SHIPPED));
        waitUntil(() -> app.window.loadedModels().digits() != null && app.window.digitsViewModel().browsedProperty().get() != null);
        robot.clickOn("#clearDigitButton");
        Canvas canvas = robot.lookup("#digitCanvas").queryAs(Canvas.class);
        // a 7 as people write it: the bar, then the stem down to the lower left, in digit pixels (0..28)
        robot.moveTo(at(canvas, 7, 6)).press(MouseButton.PRIMARY).moveTo(at(canvas, 21, 6)).moveTo(at(canvas, 12, 23))
                .release(MouseButton.PRIMARY);
        DigitsViewModel vm = app.window.digitsViewModel();
        waitUntil(() -> vm.analysisProperty().get() != null && vm.requestShown() == vm.requestsSubmitted());
        DigitAnalysis a = vm.analysisProperty().get();
        assertThat(a.predictedBefore()).isEqualTo(7);
        assertThat(a.predictedAfter()).isEqualTo(7);
        assertThat(a.before()[7]).isGreaterThan(0.9);
        int last = a.steps().size() - 1;
        assertThat(a.totalVariationRatio(last)).isLessThanOrEqualTo(1.05 + 1e-6); // ImageChangeShape's slack
        assertThat(a.farInk(last)).isLessThan(1e-3);
        String verdict = app.window.digitsView().verdictText();
        assertThat(verdict).startsWith("your drawing: 7 (").contains("after refinement 7 (");
        waitUntil(() -> app.window.digitsView().stepPhysicsText().startsWith("step " + last + " of " + last));
        assertThat(app.window.digitsView().stepPhysicsText()).contains("total variation").contains("ink > 2 px");
        Path png = WorkbenchScreenshotTest.OUT.resolve("digits-drawn-7.png");
        WorkbenchFixture.snapshot(app.window, png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private static Point2D at(Canvas canvas, double x, double y) {
        return canvas.localToScreen(x * SCALE, y * SCALE);
    }
}
