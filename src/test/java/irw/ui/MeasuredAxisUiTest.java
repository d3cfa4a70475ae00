package irw.ui;

import io.fair_acc.dataset.DataSet;
import irw.app.spectra.AxisKind;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchView;
import irw.core.Pattern;
import irw.core.Wavelength;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static irw.ui.WorkbenchFixture.fx;
import static irw.ui.WorkbenchFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 13 and 11 in the real window, headless: the Spectra view shows measured data on its own axis, a
 * wavelength entered for a .xy file redraws it and remakes the model input with no other action, and a
 * 44-48° scan is shown as measured and nothing else (writes target/screenshots/spectra-44-48-scan.png).
 */
@ExtendWith(ApplicationExtension.class)
class MeasuredAxisUiTest {
    static final Path SHIPPED_CLASSIFIER = Path.of("sample-data/models/xrd-classifier.irwm");
    static final Path SHIPPED_REFINER = Path.of("sample-data/models/xrd-refiner.irwm");
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = new WorkbenchFixture(stage, dir);
    }

    private void loadShippedModels() throws Exception {
        fx(() -> {
            app.model.refinementStepsProperty().set(2);
            app.window.models().loadXrd(SHIPPED_CLASSIFIER.toAbsolutePath(), SHIPPED_REFINER.toAbsolutePath());
        });
        waitUntil(() -> app.window.loadedModels().xrd() != null);
    }

    private static double maxX(DataSet ds) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ds.getDataCount(); i++) {
            max = Math.max(max, ds.get(DataSet.DIM_X, i));
        }
        return max;
    }

    private static double minX(DataSet ds) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ds.getDataCount(); i++) {
            min = Math.min(min, ds.get(DataSet.DIM_X, i));
        }
        return min;
    }

    @Test
    void aWavelengthEnteredForAnXyFileRedrawsTheSpectraAndRemakesTheModelInput(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        loadShippedModels();
        PatternEntry mno = app.model.patterns().stream().filter(e -> e.source().getFileName().toString().equals("MnO.xy")).findFirst().orElseThrow();
        assertThat(mno.statesWavelength()).isFalse();
        fx(() -> {
            app.model.currentProperty().set(mno);
            app.window.spectraViewModel().axisProperty().set(AxisKind.D_SPACING);
        });
        robot.clickOn("#tabSpectra");
        // Cu Kα assumed: the model input starts at the first measured angle, 10°
        waitUntil(() -> mno.modelInput() != null && mno.preview() != null && mno.predictionProperty().get() != null
                && app.window.spectraView().dataSets().size() == 3);
        assertThat(mno.modelInput().firstTwoTheta()).isCloseTo(10, within(0.1));
        double cu = app.model.grid().wavelength().weightedMean();
        assertThat(maxX(app.window.spectraView().dataSets().get(0))).isCloseTo(AxisKind.D_SPACING.fromTwoTheta(mno.modelInput().firstTwoTheta(), cu), within(1e-6));

        // the user enters Mo Kα in the Identify view, as a user would, and comes back
        robot.clickOn("#tabIdentify");
        robot.clickOn("#wavelengthField").eraseText(10).write("Mo").clickOn("#setWavelengthButton");
        waitUntil(() -> mno.wavelengthText().contains("(entered)"));
        robot.clickOn("#tabSpectra");
        // through d, 10° measured with Mo Kα1 is 21.8° with Cu Kα1: the model input and the chart follow by themselves
        double expected = 2 * Math.toDegrees(Math.asin(app.model.grid().wavelength().kAlpha1() / Wavelength.parse("Mo").kAlpha1()
                * Math.sin(Math.toRadians(5))));
        waitUntil(() -> mno.modelInput() != null && mno.modelInput().firstTwoTheta() > 20 && mno.preview() != null
                && mno.predictionProperty().get() != null && app.window.spectraView().dataSets().size() == 3
                && maxX(app.window.spectraView().dataSets().get(0)) < 5);
        assertThat(mno.modelInput().firstTwoTheta()).isCloseTo(expected, within(app.model.grid().step()));
        assertThat(maxX(app.window.spectraView().dataSets().get(0))).isCloseTo(AxisKind.D_SPACING.fromTwoTheta(mno.modelInput().firstTwoTheta(), cu), within(1e-6));

        // without a refinement shown, the raw trace is the file's counts, and its d axis uses the entered wavelength
        fx(() -> app.window.refinementViewModel().livePreviewProperty().set(false));
        waitUntil(() -> app.window.spectraView().dataSets().size() == 1);
        Pattern raw = mno.raw().orElseThrow();
        DataSet shown = app.window.spectraView().dataSets().get(0);
        assertThat(shown.getDataCount()).isEqualTo(raw.size());
        assertThat(maxX(shown)).isCloseTo(AxisKind.D_SPACING.fromTwoTheta(raw.firstTwoTheta(), Wavelength.parse("Mo").weightedMean()), within(1e-9));
    }

    /**
     * Issue 11: a 44-48° Bruker scan is refused by the classifier (too little of 5-80° measured), so it is
     * neither classified nor refined; the Spectra view still shows the measured counts on 44-48°, and
     * nothing outside.
     */
    @Test
    void aFortyFourToFortyEightDegreeScanShowsNothingOutsideItsRange(FxRobot robot) throws Exception {
        Path brml = Path.of("sample-data/instrument-files/23-012-AG_2thomegascan_long.brml").toAbsolutePath();
        fx(() -> app.window.dataViewModel().load(List.of(brml)));
        waitUntil(() -> !app.window.dataViewModel().loadingProperty().get() && !app.model.patterns().isEmpty());
        loadShippedModels();
        PatternEntry scan = app.model.patterns().get(0);
        fx(() -> {
            app.window.spectraViewModel().axisProperty().set(AxisKind.TWO_THETA);
            app.model.currentProperty().set(scan);
            app.window.show(WorkbenchView.SPECTRA);
        });
        waitUntil(() -> scan.predictionProperty().get() != null
                && app.window.refinementViewModel().statusProperty().get().contains("not refined"));
        assertThat(scan.predictionProperty().get().text()).contains("too little of the pattern measured");
        waitUntil(() -> app.window.spectraView().dataSets().size() == 1);
        DataSet shown = app.window.spectraView().dataSets().get(0);
        Pattern raw = scan.raw().orElseThrow();
        assertThat(shown.getDataCount()).isEqualTo(raw.size());
        assertThat(minX(shown)).isEqualTo(raw.firstTwoTheta()).isGreaterThan(43.9);
        assertThat(maxX(shown)).isEqualTo(raw.lastTwoTheta()).isLessThan(48.1);
        assertThat(scan.preview()).isNull();
        assertThat(scan.refined()).isNull();
        // the axis is the scan's own: auto-ranged on 44-48°, not stretched over the models' 5-80°
        waitUntil(() -> app.window.spectraView().chart().getXAxis().getMax() < 48.5 && app.window.spectraView().chart().getXAxis().getMin() > 43.5);
        robot.moveTo("#tabData"); // no crosshair in the picture
        Path png = Path.of("target/screenshots/spectra-44-48-scan.png");
        WorkbenchFixture.snapshot(app.window, png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
