package irw.ui;

import irw.app.WorkbenchView;
import javafx.stage.Stage;
import irw.app.training.ReportingRunner;
import irw.service.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
        service = ReportingRunner.startService(dir.resolve("service"));
        app = new WorkbenchFixture(stage, dir, ReportingRunner.connector(service));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyViewRendersToAPng() throws Exception {
        app.loadSampleFolder();
        for (WorkbenchView view : WorkbenchView.values()) {
            if (!app.window.hasView(view)) {
                continue;
            }
            fx(() -> app.window.show(view));
            if (view == WorkbenchView.SPECTRA) {
                fx(() -> app.model.selection().setAll(app.model.patterns().subList(0, 3)));
            }
            if (view == WorkbenchView.TRAINING) {
                WorkbenchFixture.waitUntil(() -> app.window.trainingViewModel().connectedProperty().get());
                fx(() -> {
                    app.window.trainingViewModel().trainDataProperty().set("sample-data/measured");
                    app.window.trainingViewModel().classifierModelProperty().set("sample-data/measured");
                    app.window.trainingViewModel().epochsProperty().set(20);
                    app.window.trainingViewModel().submit();
                });
                WorkbenchFixture.waitUntil(() -> !app.window.trainingViewModel().runs().isEmpty()
                        && app.window.trainingViewModel().runs().get(0).state() == irw.service.JobState.FINISHED
                        && app.window.trainingView().curves().size() == 2);
            }
            if (view == WorkbenchView.EMBEDDING) {
                fx(() -> app.window.embeddingViewModel().compute());
                WorkbenchFixture.waitUntil(() -> !app.window.embeddingViewModel().points().isEmpty());
            }
            if (view == WorkbenchView.DIGITS) {
                WorkbenchFixture.waitUntil(() -> app.window.digitsViewModel().browsedProperty().get() != null);
            }
            if (view == WorkbenchView.HEATMAPS) {
                WorkbenchFixture.waitUntil(() -> app.window.heatmapViewModel().matrixProperty().get() != null);
            }
            Path png = OUT.resolve(view.name().toLowerCase() + ".png");
            WorkbenchFixture.snapshot(app.window, png);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }
}
