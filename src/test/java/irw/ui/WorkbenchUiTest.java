package irw.ui;

import io.fair_acc.dataset.DataSet;
import irw.app.export.ExportFormat;
import irw.app.export.ExportScope;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchView;
import irw.ui.common.NodeIds;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static irw.ui.WorkbenchFixture.fx;
import static irw.ui.WorkbenchFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Clicks through the real workbench (headless Monocle) by node id. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchFixture(stage, dir.resolve("cfg-" + System.nanoTime()));
    }

    @Test
    void dataViewListsTheSampleFolderAndDoubleClickOpensSpectra(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        TableView<PatternEntry> table = robot.lookup("#" + NodeIds.PATTERN_TABLE).queryTableView();
        long files = irw.app.SampleBatch.measuredFileCount();
        assertThat(table.getItems()).hasSize((int) files);
        assertThat(robot.lookup("#" + NodeIds.DATA_STATUS).queryLabeled().getText()).contains("Loaded " + files + " files");
        PatternEntry third = table.getItems().get(2);
        WorkbenchFixture.doubleClickUntil(robot, () -> robot.lookup(".table-row-cell").nth(2).queryAs(javafx.scene.Node.class),
                () -> app.model.requestedViewProperty().get() == WorkbenchView.SPECTRA);
        assertThat(app.model.current()).isSameAs(third);
        List<DataSet> sets = app.window.spectraView().dataSets();
        assertThat(sets).hasSize(1);
        assertThat(sets.get(0).getDataCount()).isEqualTo(third.points());
        assertThat(robot.lookup("#" + NodeIds.SPECTRA_TITLE).queryLabeled().getText()).isEqualTo(third.name());
    }

    @Test
    void aDataSetPatternOpensAsThreeTracesOfTwoThousandPoints(FxRobot robot) throws Exception {
        fx(() -> app.window.dataViewModel().load(List.of(Path.of("sample-data/datasets/xrd").toAbsolutePath())));
        waitUntil(() -> !app.window.dataViewModel().loadingProperty().get() && app.model.patterns().size() == 240);
        WorkbenchFixture.doubleClickUntil(robot, () -> robot.lookup(".table-row-cell").nth(1).queryAs(javafx.scene.Node.class),
                () -> app.model.requestedViewProperty().get() == WorkbenchView.SPECTRA);
        List<DataSet> sets = app.window.spectraView().dataSets();
        assertThat(sets).extracting(DataSet::getName).containsExactly(app.model.current().name() + " raw",
                app.model.current().name() + " ground truth", app.model.current().name() + " raw − truth");
        assertThat(sets).allMatch(ds -> ds.getDataCount() == 2000);
        robot.clickOn("#" + NodeIds.LOG_INTENSITY_TOGGLE);
        waitUntil(() -> app.window.spectraView().dataSets().size() == 2); // no difference on a log axis
    }

    @Test
    void keyboardMovesToTheNextAndPreviousPattern(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        PatternEntry first = app.model.current();
        robot.clickOn("#" + NodeIds.PATTERN_TABLE);
        fx(() -> app.model.currentProperty().set(first));
        robot.press(KeyCode.ALT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.ALT);
        waitUntil(() -> app.model.current() == app.model.patterns().get(1));
        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        waitUntil(() -> app.model.current() == first);
    }

    @Test
    void clickingAHeatmapRowOpensThatPatternInSpectra(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        fx(() -> app.window.show(WorkbenchView.HEATMAPS));
        waitUntil(() -> app.window.heatmapViewModel().matrixProperty().get() != null
                && app.window.heatmapViewModel().matrixProperty().get().rowCount() == app.model.patterns().size());
        assertThat(robot.lookup("#" + NodeIds.HEATMAP_STATUS).queryLabeled().getText()).contains("× 2000 points");
        waitUntil(() -> !app.window.heatmapView().rowAxis().getTickMarks().isEmpty());
        List<io.fair_acc.chartfx.axes.spi.TickMark> ticks = new java.util.ArrayList<>(app.window.heatmapView().rowAxis().getTickMarks());
        assertThat(ticks).as("rows are whole numbers").allSatisfy(t -> assertThat(t.getValue() % 1).isZero());
        assertThat(ticks).filteredOn(t -> t.getValue() == 0).singleElement()
                .satisfies(t -> assertThat(t.getText()).startsWith("0  " + app.model.patterns().get(0).name().substring(0, Math.min(10, app.model.patterns().get(0).name().length()))));
        robot.clickOn(app.window.heatmapView().rowCentreInScene(4).add(robot.targetWindow().getX() + robot.targetWindow().getScene().getX(),
                robot.targetWindow().getY() + robot.targetWindow().getScene().getY()));
        waitUntil(() -> app.model.requestedViewProperty().get() == WorkbenchView.SPECTRA);
        assertThat(app.model.current()).isSameAs(app.model.patterns().get(4));
    }

    @Test
    void exportWritesACsvThatReadsBack(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        fx(() -> {
            app.window.show(WorkbenchView.EXPORT);
            app.window.exportViewModel().scopeProperty().set(ExportScope.BATCH);
            app.window.exportViewModel().formatProperty().set(ExportFormat.CSV_LONG);
        });
        Path csv = dir.resolve("ui-export-" + System.nanoTime() + ".csv");
        TextField target = robot.lookup("#" + NodeIds.EXPORT_TARGET).queryAs(TextField.class);
        fx(() -> target.setText(csv.toString()));
        robot.clickOn(robot.lookup("#" + NodeIds.EXPORT_BUTTON).queryAs(Button.class));
        waitUntil(() -> Files.exists(csv) && robot.lookup("#" + NodeIds.EXPORT_STATUS).queryLabeled().getText().startsWith("Wrote"));
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(csv)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r).getRecords();
        }
        // raw patterns as measured: every point of every file, on its own axis
        assertThat(rows).hasSize(app.model.patterns().stream().mapToInt(irw.app.workbench.PatternEntry::points).sum());
        assertThat(rows.get(0).get("pattern")).isEqualTo(app.model.patterns().get(0).name() + " raw");
    }
}
