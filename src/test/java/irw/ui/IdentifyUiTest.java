package irw.ui;

import io.fair_acc.chartfx.XYChart;
import irw.app.identify.IdentifyViewModel;
import irw.app.workbench.PatternEntry;
import irw.xrd.peaks.Peak;
import irw.xrd.search.BundledLibrary;
import javafx.scene.control.TableView;
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

/** The Identify tab clicked through headless on the bundled MnO measurement; writes target/screenshots/identify-*.png. */
@ExtendWith(ApplicationExtension.class)
class IdentifyUiTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) throws Exception {
        // the window's library is the one every search test uses, cached in target/
        System.setProperty("irw.cache.dir", BundledLibrary.CACHE.toAbsolutePath().toString());
        app = new WorkbenchFixture(stage, dir);
    }

    @Test
    void mnOIsIdentifiedWithItsSticksAndPeaksAndTheToolkitWorks(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        PatternEntry mno = app.model.patterns().stream().filter(e -> e.name().startsWith("MnO") && e.source().getFileName().toString().equals("MnO.xy"))
                .findFirst().orElseThrow();
        fx(() -> app.model.currentProperty().set(mno));
        robot.clickOn("#tabIdentify");
        IdentifyViewModel vm = app.window.identifyViewModel();
        // the measured pattern and its background curve, on the measured axis
        waitUntil(() -> app.window.identifyView().dataSets().size() == 2);
        assertThat(app.window.identifyView().dataSets().get(0).getDataCount()).isEqualTo(mno.points());
        robot.clickOn("#identifyButton");
        waitUntil(() -> !vm.runningProperty().get() && !vm.candidates().isEmpty() && !vm.sticks().isEmpty());
        waitUntil(() -> app.window.identifyView().hklLabels().contains("200"));
        assertThat(vm.candidates().get(0).crystalSystem()).isEqualTo("cubic");
        assertThat(app.window.identifyView().dataSets()).hasSize(3);
        Path shots = Path.of("target/screenshots");
        robot.moveTo("#identifyStatus"); // the crosshair's read-out stays out of the picture
        WorkbenchFixture.snapshot(app.window, shots.resolve("identify-mno.png"));
        assertThat(Files.size(shots.resolve("identify-mno.png"))).isGreaterThan(10_000);

        // a click on a peak row zooms onto it
        @SuppressWarnings("unchecked")
        TableView<Peak> peaks = robot.lookup("#peakTable").queryAs(TableView.class);
        Peak strongest = vm.peaks().stream().max(java.util.Comparator.comparingDouble(Peak::height)).orElseThrow();
        fx(() -> peaks.getSelectionModel().select(strongest));
        XYChart chart = robot.lookup("#identifyChart").queryAs(XYChart.class);
        waitUntil(() -> chart.getXAxis().getMax() - chart.getXAxis().getMin() < 5);
        assertThat(strongest.twoTheta()).isBetween(chart.getXAxis().getMin(), chart.getXAxis().getMax());

        // background subtraction is a switch: on, the background curve goes; off, the counts are back
        robot.clickOn("#subtractBackground");
        waitUntil(() -> app.window.identifyView().dataSets().size() == 2);
        robot.clickOn("Full range").moveTo("#identifyStatus");
        WorkbenchFixture.snapshot(app.window, shots.resolve("identify-mno-subtracted.png"));
        robot.clickOn("#subtractBackground");
        waitUntil(() -> app.window.identifyView().dataSets().size() == 3);
        assertThat(vm.treatedProperty().get().shown().intensityValues()).containsExactly(mno.raw().orElseThrow().intensityValues());

        // the .xy file states no wavelength: the user enters it, and the Data table shows it with the best match
        robot.clickOn("#wavelengthField").eraseText(10).write("Cu").clickOn("#setWavelengthButton");
        waitUntil(() -> mno.wavelengthText().contains("(entered)"));
        assertThat(mno.bestMatchProperty().get().crystalSystem()).isEqualTo("cubic");
        robot.clickOn("#tabData");
        WorkbenchFixture.snapshot(app.window, shots.resolve("data-best-match.png"));
    }
}
