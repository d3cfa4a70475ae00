package irw.ui;

import irw.app.embedding.EmbeddingPoint;
import irw.app.refine.TinyModels;
import irw.app.training.RunKind;
import irw.app.workbench.WorkbenchView;
import irw.service.TrainingService;
import irw.service.api.JobState;
import irw.testsupport.EngineService;
import irw.testsupport.TinyDigits;
import irw.ui.common.NodeIds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static irw.ui.WorkbenchFixture.fx;
import static irw.ui.WorkbenchFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The Training, Embedding and Digits tabs, clicked through headless, against a real local service. */
@ExtendWith(ApplicationExtension.class)
class MoreViewsUiTest {
    @TempDir
    static Path dir;
    private static TrainingService service;
    private static Path tiny;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) throws Exception {
        if (service == null) {
            tiny = TinyDigits.write(dir, 3);
            service = EngineService.start(dir.resolve("service"));
        }
        app = new WorkbenchFixture(stage, dir.resolve("cfg-" + System.nanoTime()), EngineService.connector(service));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void trainingTabConnectsAndASubmittedRunShowsLiveCurves(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.TAB_TRAINING);
        waitUntil(() -> app.window.trainingViewModel().connectedProperty().get());
        assertThat(robot.lookup("#" + NodeIds.STATUS_BACKEND).queryLabeled().getText()).matches("backend: (CPU|CUDA): .+");
        TextField data = robot.lookup("#" + NodeIds.RUN_TRAIN_DATA).queryAs(TextField.class);
        assertThat(data.getText()).as("a refiner trains on the bundled imperfect set").endsWith("imperfect.npz");
        fx(() -> {
            app.window.trainingViewModel().kindProperty().set(RunKind.CLASSIFIER);
            app.window.trainingViewModel().epochsProperty().set(4);
        });
        assertThat(data.getText()).endsWith("ideal.npz");
        fx(() -> data.setText(tiny.toString())); // a real run on 30 MNIST digits: one step an epoch
        TextField lambda = robot.lookup("#" + NodeIds.TRAINING_LAMBDA_FIELD).queryAs(TextField.class);
        WorkbenchFixture.retype(robot, lambda, "0.25");
        waitUntil(() -> app.window.trainingViewModel().lambdaProperty().get() == 0.25);
        assertThat(app.window.trainingViewModel().specJson()).contains("\"lambda\":0.25");
        robot.clickOn("#" + NodeIds.SUBMIT_RUN_BUTTON);
        try {
            waitUntil(() -> app.window.trainingViewModel().runs().size() == 1
                    && app.window.trainingViewModel().runs().get(0).state() == JobState.FINISHED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("runs " + app.window.trainingViewModel().runs() + ", messages "
                    + app.model.notifications().notifications() + ", spec " + app.window.trainingViewModel().specJson());
        }
        waitUntil(() -> app.window.trainingView().curves().stream().anyMatch(c -> c.getName().equals("accuracy") && c.getDataCount() == 4));
        assertThat(app.window.trainingView().curves()).extracting(c -> c.getName()).contains("loss", "accuracy");
        assertThat(app.window.trainingView().curves()).allSatisfy(c -> assertThat(c.getDataCount()).isEqualTo(4));
    }

    @Test
    void drawingAStrokeInksTheCanvas(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.TAB_DIGITS);
        waitUntil(() -> app.window.digitsViewModel().browsedProperty().get() != null);
        robot.clickOn("#" + NodeIds.CLEAR_DIGIT_BUTTON);
        Canvas canvas = robot.lookup("#" + NodeIds.DIGIT_CANVAS).queryAs(Canvas.class);
        Point2D from = canvas.localToScreen(100, 60);
        Point2D to = canvas.localToScreen(110, 270);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        waitUntil(() -> {
            float[] img = app.window.digitsViewModel().imageProperty().get();
            double ink = 0;
            for (float v : img) {
                ink += v;
            }
            return ink > 20; // about 17 pixels down, two wide
        });
        Slider slider = robot.lookup("#" + NodeIds.DIGITS_ALPHA_SLIDER).queryAs(Slider.class);
        fx(() -> slider.setValue(0.8));
        assertThat(app.model.alphaProperty().get()).isEqualTo(0.8);
    }

    @Test
    void draggingTheAlphaSliderChangesTheRefinedPreview(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        Path classifier = TinyModels.xrdClassifier();
        fx(() -> {
            app.model.refinementStepsProperty().set(3);
            app.window.models().loadXrd(classifier, null);
            app.window.show(WorkbenchView.SPECTRA);
        });
        waitUntil(() -> app.model.current().preview() != null && app.window.spectraView().dataSets().size() == 3
                && app.window.refinementViewModel().previewOnScreenProperty().get()); // finished, not a step on the way
        irw.core.Pattern before = app.model.current().preview();
        // raw (as the model sees it), preview and difference on the measured cells of the model grid only
        double measuredFrom = app.model.current().raw().orElseThrow().firstTwoTheta();
        assertThat(app.window.spectraView().dataSets()).allMatch(ds -> ds.getDataCount() > 1000 && ds.getDataCount() <= 2000
                && ds.get(0, 0) >= measuredFrom - 0.05);
        double alphaBefore = app.model.alphaProperty().get();
        javafx.scene.Node thumb = robot.lookup("#" + NodeIds.PREVIEW_ALPHA_SLIDER + " .thumb").query();
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(60, 0).drop();
        waitUntil(() -> app.model.current().preview() != before);
        assertThat(app.model.alphaProperty().get()).isGreaterThan(alphaBefore);
        assertThat(app.model.current().preview().intensityValues()).isNotEqualTo(before.intensityValues());
        assertThat(app.model.current().predictionProperty().get()).isNotNull();
    }

    @Test
    void drawingAStrokeChangesTheProbabilities(FxRobot robot) throws Exception {
        Path classifier = TinyModels.digitClassifier();
        fx(() -> app.model.refinementStepsProperty().set(3));
        robot.clickOn("#" + NodeIds.TAB_DIGITS);
        fx(() -> app.window.models().loadDigits(classifier));
        waitUntil(() -> app.window.loadedModels().digits() != null
                && app.window.digitsViewModel().browsedProperty().get() != null);
        robot.clickOn("#" + NodeIds.CLEAR_DIGIT_BUTTON);
        Canvas canvas = robot.lookup("#" + NodeIds.DIGIT_CANVAS).queryAs(Canvas.class);
        robot.moveTo(canvas.localToScreen(168, 50)).press(MouseButton.PRIMARY).moveTo(canvas.localToScreen(170, 280)).release(MouseButton.PRIMARY);
        waitUntil(() -> app.window.digitsViewModel().analysisProperty().get() != null
                && app.window.digitsViewModel().requestShown() == app.window.digitsViewModel().requestsSubmitted());
        double[] first = probabilities();
        robot.moveTo(canvas.localToScreen(80, 80)).press(MouseButton.PRIMARY).moveTo(canvas.localToScreen(250, 80)).release(MouseButton.PRIMARY);
        waitUntil(() -> app.window.digitsViewModel().requestShown() == app.window.digitsViewModel().requestsSubmitted()
                && !java.util.Arrays.equals(probabilities(), first));
        assertThat(java.util.Arrays.stream(probabilities()).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-3));
    }

    private double[] probabilities() {
        double[] p = new double[10];
        for (int k = 0; k < 10; k++) {
            p[k] = app.window.digitsView().probability(k, false);
        }
        return p;
    }

    @Test
    void clickingAnEmbeddedPointOpensItsPattern(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        robot.clickOn("#" + NodeIds.TAB_EMBEDDING);
        robot.clickOn("#" + NodeIds.COMPUTE_EMBEDDING_BUTTON);
        waitUntil(() -> app.window.embeddingViewModel().points().size() == app.model.patterns().size());
        EmbeddingPoint target = app.window.embeddingViewModel().points().get(6);
        Point2D scene = app.window.embeddingView().sceneCentre(target);
        robot.clickOn(robot.targetWindow().getX() + robot.targetWindow().getScene().getX() + scene.getX(),
                robot.targetWindow().getY() + robot.targetWindow().getScene().getY() + scene.getY(), MouseButton.PRIMARY);
        waitUntil(() -> app.model.requestedViewProperty().get() == WorkbenchView.SPECTRA);
        assertThat(app.model.current()).isSameAs(target.entry());
    }
}
