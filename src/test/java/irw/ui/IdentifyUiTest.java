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

        // the .xy file states no wavelength: the user enters it; the search made with the assumed one runs again,
        // and with Cu Kα1/Kα2 entered, Kα2 is stripped (Rachinger)
        robot.clickOn("#wavelengthField").eraseText(10).write("Cu").clickOn("#setWavelengthButton");
        waitUntil(() -> mno.wavelengthText().contains("(entered)") && !vm.runningProperty().get() && mno.bestMatchProperty().get() != null
                && !vm.sticks().isEmpty());
        assertThat(mno.bestMatchProperty().get().crystalSystem()).isEqualTo("cubic");
        robot.clickOn("#stripKAlpha2");
        waitUntil(() -> vm.treatedProperty().get() != null && vm.treatedProperty().get().steps().contains("Kα2 stripped"));
        robot.moveTo("#identifyStatus");
        WorkbenchFixture.snapshot(app.window, shots.resolve("identify-mno-kalpha2.png"));
        robot.clickOn("#stripKAlpha2");
        waitUntil(() -> vm.treatedProperty().get().shown().intensityValues().length == mno.points()
                && !vm.treatedProperty().get().steps().contains("Kα2"));

        // the shipped classifier beside search-match on every bundled file: where they disagree, the row says so
        fx(() -> {
            app.window.refinementViewModel().livePreviewProperty().set(false); // verdicts only: no refinement preview to compute
            app.window.models().loadXrd(MeasuredAxisUiTest.SHIPPED_CLASSIFIER.toAbsolutePath(), null);
        });
        waitUntil(() -> app.window.loadedModels().xrd() != null);
        robot.clickOn("#identifyAllButton");
        waitUntil(() -> !vm.runningProperty().get() && app.model.patterns().stream()
                .allMatch(e -> e.bestMatchProperty().get() != null && e.predictionProperty().get() != null));
        PatternEntry limno2 = app.model.patterns().stream().filter(e -> e.source().getFileName().toString().equals("LiMnO2.xy"))
                .findFirst().orElseThrow();
        assertThat(limno2.bestMatchProperty().get().phase()).startsWith("LiMnO2");
        assertThat(limno2.bestMatchProperty().get().disagreesWith(limno2.predictionProperty().get()))
                .as(limno2.predictionProperty().get().text()).isTrue();
        robot.clickOn("#tabData");
        fx(() -> app.model.currentProperty().set(limno2));
        WorkbenchFixture.snapshot(app.window, shots.resolve("data-best-match.png"));
    }
}
