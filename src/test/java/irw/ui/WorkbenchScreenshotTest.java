package irw.ui;

import irw.app.refine.TinyModels;
import irw.app.training.RunKind;
import irw.app.training.TrainingViewModel;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchView;
import irw.service.TrainingService;
import irw.testsupport.EngineService;
import irw.testsupport.TinyDigits;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static irw.ui.WorkbenchFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** Writes a PNG of every view to target/screenshots/ (copies live in src/site/resources/screenshots/). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchScreenshotTest {
    static final Path OUT = Path.of("target/screenshots");
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    private static TrainingService service;

    @Start
    void start(Stage stage) throws Exception {
        service = EngineService.start(dir.resolve("service"));
        app = new WorkbenchFixture(stage, dir, EngineService.connector(service));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyViewRendersToAPng(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        fx(() -> app.window.dataViewModel().load(java.util.List.of(Path.of("sample-data/datasets/xrd").toAbsolutePath())));
        WorkbenchFixture.waitUntil(() -> !app.window.dataViewModel().loadingProperty().get() && app.model.patterns().size() > 200);
        Path xrd = TinyModels.xrdClassifier();
        Path digits = TinyModels.digitClassifier();
        fx(() -> {
            app.model.refinementStepsProperty().set(3);
            app.window.models().loadXrd(xrd, null);
            app.window.models().loadDigits(digits);
        });
        WorkbenchFixture.waitUntil(() -> app.window.loadedModels().xrd() != null
                && app.window.loadedModels().digits() != null);
        // the Data view as a user sees it once the model has read every row; a few rows refined
        // (per pattern, 3 steps) so the table names their refiner and the map shows refined points
        WorkbenchFixture.waitUntil(() -> app.model.patterns().stream()
                .allMatch(e -> !e.isReadable() || e.predictionProperty().get() != null));
        fx(() -> app.window.refinementViewModel().refine(java.util.List.copyOf(app.model.patterns().subList(0, 40))));
        WorkbenchFixture.waitUntil(() -> app.model.patterns().subList(0, 40).stream().allMatch(e -> e.refined() != null));
        for (WorkbenchView view : WorkbenchView.values()) {
            if (!app.window.hasView(view)) {
                continue;
            }
            fx(() -> app.window.show(view));
            if (view == WorkbenchView.SPECTRA) {
                PatternEntry shown = app.model.patterns().get(20); // a simulated pattern: it has a ground truth
                fx(() -> {
                    app.model.selection().clear();
                    app.model.currentProperty().set(shown);
                });
                WorkbenchFixture.waitUntil(() -> shown.preview() != null && app.window.spectraView().dataSets().size() == 4
                        && app.window.refinementViewModel().previewOnScreenProperty().get()); // the finished preview, not a step on the way
                // the crosshair as a user sees it, on the strongest peak's slope
                javafx.scene.Node canvas = app.window.spectraView().chart().getCanvas();
                robot.moveTo(canvas).moveBy(-80, -60);
                WorkbenchFixture.waitUntil(() -> app.window.spectraView().crosshairLabel().isVisible());
            }
            if (view == WorkbenchView.TRAINING) {
                WorkbenchFixture.waitUntil(() -> app.window.trainingViewModel().connectedProperty().get());
                // a real classifier run on 30 MNIST digits (one step an epoch), then the refiner's form
                // shows the defaults a newcomer sees, with that run as its classifier
                Path tiny = TinyDigits.write(dir, 3);
                TrainingViewModel training = app.window.trainingViewModel();
                fx(() -> {
                    training.kindProperty().set(RunKind.CLASSIFIER);
                    training.trainDataProperty().set(tiny.toString());
                    training.nameProperty().set("30 MNIST digits, 20 epochs");
                    training.epochsProperty().set(20);
                    training.submit();
                });
                WorkbenchFixture.waitUntil(() -> !training.runs().isEmpty()
                        && training.runs().get(0).state() == irw.service.api.JobState.FINISHED
                        && training.runs().get(0).history().size() == 20);
                fx(() -> training.selectedRunProperty().set(training.runs().get(0)));
                // each kind's form shows only its fields: the classifier's, then the refiner's
                Path classifierForm = OUT.resolve("training-classifier.png");
                WorkbenchFixture.snapshot(app.window, classifierForm);
                assertThat(Files.size(classifierForm)).isGreaterThan(10_000);
                fx(() -> {
                    training.trainDataProperty().set("");
                    training.kindProperty().set(RunKind.REFINER);
                });
            }
            if (view == WorkbenchView.EMBEDDING) {
                fx(() -> app.window.embeddingViewModel().compute());
                WorkbenchFixture.waitUntil(() -> app.window.embeddingViewModel().points().stream()
                        .anyMatch(p -> p.kind() == irw.app.embedding.PointKind.PROTOTYPE));
                fx(() -> app.model.selection().setAll(app.model.patterns().get(20)));
            }
            if (view == WorkbenchView.DIGITS) {
                WorkbenchFixture.waitUntil(() -> app.window.digitsViewModel().browsedProperty().get() != null
                        && app.window.digitsViewModel().analysisProperty().get() != null
                        && app.window.digitsViewModel().requestShown() == app.window.digitsViewModel().requestsSubmitted());
            }
            if (view == WorkbenchView.HEATMAPS) {
                WorkbenchFixture.waitUntil(() -> app.window.heatmapViewModel().matrixProperty().get() != null);
            }
            if (view != WorkbenchView.SPECTRA) {
                robot.moveTo("#tabData"); // the Spectra view's crosshair position would put a read-out over other charts
            }
            Path png = OUT.resolve(view.name().toLowerCase() + ".png");
            WorkbenchFixture.snapshot(app.window, png);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }
}
