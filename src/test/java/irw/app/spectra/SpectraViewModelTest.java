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
        // stand-ins for a refiner output and a simulated truth: the VM only arranges them
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
        assertThat(vm.series()).hasSize(3).allMatch(s -> s.kind() == SeriesKind.RAW && s.size() == 2000);
        assertThat(vm.titleProperty().get()).isEqualTo("Comparing 3 patterns");
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }
}
