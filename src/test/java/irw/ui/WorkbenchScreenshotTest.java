package irw.ui;

import irw.app.WorkbenchView;
import javafx.stage.Stage;
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

    @Start
    void start(Stage stage) {
        app = new WorkbenchFixture(stage, dir);
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
            if (view == WorkbenchView.HEATMAPS) {
                WorkbenchFixture.waitUntil(() -> app.window.heatmapViewModel().matrixProperty().get() != null);
            }
            Path png = OUT.resolve(view.name().toLowerCase() + ".png");
            WorkbenchFixture.snapshot(app.window, png);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }
}
