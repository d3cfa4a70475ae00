package irw.ui;

import irw.app.digits.DigitsViewModel;
import irw.app.models.DigitAnalysis;
import irw.app.models.DigitModels;
import irw.app.training.RunKind;
import irw.app.training.RunRow;
import irw.app.training.TrainingViewModel;
import irw.service.TrainingService;
import irw.service.api.JobState;
import irw.testsupport.EngineService;
import irw.testsupport.TinyDigits;
import irw.ui.common.NodeIds;
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
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 17 item 3: a Label Refinery model opens in the workbench. A real label-refinery run of the
 * service's engine (3 rounds after model 0, one step each, on 30 MNIST digits) is submitted from the
 * Training form; "Open model" on the finished run downloads its files and makes its final model,
 * {@code classifier.irwm}, the Digits view's classifier (not one of the {@code round-<k>.irwm} files
 * beside it), whose probabilities the view then shows.
 */
@ExtendWith(ApplicationExtension.class)
class LabelRefineryModelUiTest {
    @TempDir
    static Path dir;
    private static TrainingService service;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) throws Exception {
        service = EngineService.start(dir.resolve("service"));
        app = new WorkbenchFixture(stage, dir.resolve("cfg"), EngineService.connector(service));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theFinalModelOfALabelRefineryRunOpensAsTheDigitClassifierWithPredictions(FxRobot robot) throws Exception {
        Path mnist = TinyDigits.writeMnistDir(dir.resolve("mnist"), 3, 2);
        TrainingViewModel vm = app.window.trainingViewModel();
        robot.clickOn("#" + NodeIds.TAB_TRAINING);
        waitUntil(() -> vm.connectedProperty().get());
        fx(() -> {
            vm.kindProperty().set(RunKind.LABEL_REFINERY);
            vm.trainDataProperty().set(mnist.toString());
            vm.epochsProperty().set(1);
            vm.seedProperty().set(17);
        });
        robot.clickOn("#" + NodeIds.SUBMIT_RUN_BUTTON);
        waitUntil(() -> vm.runs().size() == 1 && vm.runs().get(0).state() != null && vm.runs().get(0).state().isFinal()
                && !vm.runs().get(0).artifacts().isEmpty());
        RunRow run = vm.runs().get(0);
        assertThat(run.state()).as("reason: %s", run.reasonProperty().get()).isEqualTo(JobState.FINISHED);
        assertThat(run.artifacts()).contains("round-0.irwm", "round-3.irwm", "classifier.irwm");

        fx(() -> vm.selectedRunProperty().set(run));
        robot.clickOn("#" + NodeIds.OPEN_MODEL_BUTTON);
        waitUntil(() -> app.window.loadedModels().digits() != null);
        assertThat(app.window.loadedModels().digits().description()).isEqualTo("classifier.irwm");
        assertThat(app.window.loadedModels().summary().get()).contains("digits classifier.irwm");
        assertThat(app.model.notifications().notifications()).noneSatisfy(n -> assertThat(n.text()).contains("round-"));

        // the Digits view reads the browsed MNIST digit with it: the probabilities of the run's final model
        robot.clickOn("#" + NodeIds.TAB_DIGITS);
        DigitsViewModel digits = app.window.digitsViewModel();
        waitUntil(() -> digits.browsedProperty().get() != null && digits.analysisProperty().get() != null
                && digits.requestShown() == digits.requestsSubmitted());
        Path model = dir.resolve("classifier.irwm");
        EngineService.client(service).downloadArtifact(run.id(), "classifier.irwm", model);
        DigitAnalysis expected = DigitModels.load(model).classify(digits.imageProperty().get());
        for (int k = 0; k < 10; k++) {
            assertThat(app.window.digitsView().probability(k, false)).as("digit %d", k).isCloseTo(expected.before()[k], within(1e-5));
        }
        assertThat(app.window.digitsView().verdictText()).startsWith("MNIST test #0 (label 0): ");
    }
}
