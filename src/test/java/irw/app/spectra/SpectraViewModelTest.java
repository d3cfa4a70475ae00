package irw.app.spectra;

import irw.app.SampleBatch;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpectraViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aRawPatternAloneIsShownAsMeasured() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        SpectraViewModel vm = new SpectraViewModel(model);
        PatternEntry e = model.current();
        assertThat(vm.series()).hasSize(1);
        SpectrumSeries raw = vm.series().get(0);
        assertThat(raw.kind()).isEqualTo(SeriesKind.RAW);
        assertThat(raw.size()).isEqualTo(e.points());
        assertThat(raw.y()).containsExactly(e.raw().orElseThrow().intensityValues());
        assertThat(vm.titleProperty().get()).isEqualTo(e.name());
    }

    @Test
    void withRefinedAndTruthEveryTraceIsOnTheTwoThousandPointGrid() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        SpectraViewModel vm = new SpectraViewModel(model);
        PatternEntry e = model.current();
        Pattern onGrid = e.rawOnGrid(model.grid());
        // stand-ins for a model input, a refiner output and a simulated truth: the VM only arranges them
        e.modelInputProperty().set(onGrid);
        e.setRefined(onGrid.withIntensity(scaled(onGrid.intensityValues(), 0.5)), "a test refiner");
        e.groundTruthProperty().set(model.patterns().get(1).raw().orElseThrow());
        assertThat(vm.series()).extracting(SpectrumSeries::kind)
                .containsExactly(SeriesKind.RAW, SeriesKind.REFINED, SeriesKind.GROUND_TRUTH, SeriesKind.DIFFERENCE);
        assertThat(vm.series()).allMatch(s -> s.size() == 2000);
        assertThat(vm.yLabelProperty().get()).isEqualTo("normalised intensity");
        vm.logIntensityProperty().set(true);
        assertThat(vm.series()).extracting(SpectrumSeries::kind).doesNotContain(SeriesKind.DIFFERENCE);
        assertThat(vm.series()).allMatch(s -> java.util.Arrays.stream(s.y()).allMatch(v -> v > 0));
    }

    @Test
    void aDataSetPatternShowsRawTruthAndTheirDifferenceOnTheGrid() {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        new irw.app.data.DataViewModel(model, irw.xrd.io.PatternReaders::read).load(List.of(Path.of("sample-data/datasets/xrd")));
        SpectraViewModel vm = new SpectraViewModel(model);
        assertThat(vm.series()).extracting(SpectrumSeries::kind)
                .containsExactly(SeriesKind.RAW, SeriesKind.GROUND_TRUTH, SeriesKind.DIFFERENCE);
        assertThat(vm.series()).allMatch(s -> s.size() == 2000);
        SpectrumSeries diff = vm.series().get(2);
        assertThat(diff.y()[1000]).isEqualTo(vm.series().get(0).y()[1000] - vm.series().get(1).y()[1000]);
    }

    @Test
    void dAndQFollowBraggsLawWithXAscending() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        SpectraViewModel vm = new SpectraViewModel(model);
        double lambda = 1.5406;
        assertThat(AxisKind.D_SPACING.fromTwoTheta(30, lambda)).isCloseTo(2.9763, within(1e-3));
        assertThat(AxisKind.Q.fromTwoTheta(30, lambda)).isCloseTo(2 * Math.PI / 2.9763, within(1e-3));
        vm.axisProperty().set(AxisKind.D_SPACING);
        double[] x = vm.series().get(0).x();
        for (int i = 1; i < x.length; i++) {
            assertThat(x[i]).isGreaterThan(x[i - 1]);
        }
        assertThat(model.settings().spectraAxis).isEqualTo("D_SPACING");
    }

    @Test
    void selectingSeveralRowsComparesThem() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        SpectraViewModel vm = new SpectraViewModel(model);
        model.selection().setAll(List.of(model.patterns().get(0), model.patterns().get(1), model.patterns().get(2)));
        assertThat(vm.series()).hasSize(3).allMatch(s -> s.kind() == SeriesKind.RAW);
        for (int k = 0; k < 3; k++) {
            // each on its own measured axis, scaled to its maximum
            Pattern raw = model.patterns().get(k).raw().orElseThrow();
            assertThat(vm.series().get(k).x()).containsExactly(raw.twoThetaValues());
            assertThat(java.util.Arrays.stream(vm.series().get(k).y()).max()).hasValue(1.0);
        }
        assertThat(vm.titleProperty().get()).isEqualTo("Comparing 3 patterns");
    }

    /**
     * Issue 13: raw data on the measured axis. PbSO4 reaches 160°, a 10-100° scan is not padded to 5°,
     * and a 44-48° Bruker scan is not stretched over the grid, alone or compared.
     */
    @Test
    void rawPatternsKeepTheirMeasuredAxisAloneAndCompared() {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        new irw.app.data.DataViewModel(model, irw.xrd.io.PatternReaders::read).load(List.of(
                Path.of("sample-data/measured/PbSO4-round-robin-xray.dat"), Path.of("sample-data/measured/MnO.xy"),
                Path.of("sample-data/instrument-files/23-012-AG_2thomegascan_long.brml")));
        SpectraViewModel vm = new SpectraViewModel(model);
        assertThat(model.patterns()).hasSize(3);
        String[] files = {"PbSO4-round-robin-xray.dat", "MnO.xy", "23-012-AG_2thomegascan_long.brml"};
        double[][] ranges = {{10, 160}, {10, 100}, {44, 48}};
        for (int k = 0; k < 3; k++) {
            String file = files[k];
            PatternEntry e = model.patterns().stream().filter(p -> p.source().getFileName().toString().equals(file)).findFirst().orElseThrow();
            model.currentProperty().set(e);
            assertThat(vm.series()).singleElement().satisfies(s -> {
                assertThat(s.x()).containsExactly(e.raw().orElseThrow().twoThetaValues());
                assertThat(s.y()).containsExactly(e.raw().orElseThrow().intensityValues());
            });
            assertThat(vm.series().get(0).x()[0]).as(e.name()).isCloseTo(ranges[k][0], within(0.5));
            assertThat(vm.series().get(0).x()[e.points() - 1]).as(e.name()).isCloseTo(ranges[k][1], within(0.5));
        }
        model.selection().setAll(model.patterns());
        assertThat(vm.series()).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(vm.series().get(k).x()).containsExactly(model.patterns().get(k).raw().orElseThrow().twoThetaValues());
        }
    }

    /** Issue 13: a wavelength entered for a .xy file redraws the d axis with it, without any other event. */
    @Test
    void anEnteredWavelengthRedrawsTheDAxis() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        SpectraViewModel vm = new SpectraViewModel(model);
        PatternEntry e = model.current();
        assertThat(e.statesWavelength()).isFalse();
        vm.axisProperty().set(AxisKind.D_SPACING);
        double firstTwoTheta = e.raw().orElseThrow().lastTwoTheta(); // d ascending: the last angle comes first
        double cu = model.grid().wavelength().weightedMean();
        assertThat(vm.series().get(0).x()[0]).isCloseTo(AxisKind.D_SPACING.fromTwoTheta(firstTwoTheta, cu), within(1e-9));
        irw.core.Wavelength mo = irw.core.Wavelength.parse("Mo");
        e.enteredWavelengthProperty().set(mo);
        assertThat(vm.series().get(0).x()[0]).isCloseTo(AxisKind.D_SPACING.fromTwoTheta(firstTwoTheta, mo.weightedMean()), within(1e-9));
        assertThat(vm.crosshairText(vm.series().get(0).x()[0], 1)).startsWith(String.format(java.util.Locale.ROOT, "2θ %.3f°", firstTwoTheta));
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }
}
