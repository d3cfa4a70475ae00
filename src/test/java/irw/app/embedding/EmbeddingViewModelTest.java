package irw.app.embedding;

import irw.app.SampleBatch;
import irw.app.models.LoadedModels;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.app.workbench.WorkbenchView;
import irw.core.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingViewModelTest {
    @TempDir
    Path dir;

    @Test
    void mapsRawAndRefinedPatternsDrawsSelectionArrowsAndExports() throws Exception {
        WorkbenchModel model = SampleBatch.loaded(dir);
        PatternEntry a = model.patterns().get(0);
        Pattern aGrid = a.rawOnGrid(model.grid());
        a.setRefined(aGrid.withIntensity(smoothed(aGrid.intensityValues())), "a test refiner");
        EmbeddingViewModel vm = new EmbeddingViewModel(model, new LoadedModels());
        vm.compute();
        assertThat(vm.points()).hasSize(model.patterns().size() + 1);
        assertThat(vm.points()).filteredOn(p -> p.kind() == PointKind.REFINED).singleElement()
                .satisfies(p -> assertThat(p.entry()).isSameAs(a));
        assertThat(vm.points()).allMatch(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()));
        assertThat(vm.statusProperty().get()).contains("seed 42", "pattern space");

        model.selection().setAll(a, model.patterns().get(1));
        assertThat(vm.arrowsForSelection()).hasSize(1); // only a has a refined point

        Path csv = dir.resolve("embedding.csv");
        vm.exportCsv(csv);
        try (Reader r = Files.newBufferedReader(csv)) {
            var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            assertThat(rows).hasSize(vm.points().size());
            assertThat(rows.get(0).get("kind")).isEqualTo("raw");
        }

        vm.open(vm.points().get(3));
        assertThat(model.current()).isSameAs(vm.points().get(3).entry());
        assertThat(model.requestedViewProperty().get()).isEqualTo(WorkbenchView.SPECTRA);
    }

    @Test
    void theSameSeedGivesTheSameMap() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        EmbeddingViewModel vm = new EmbeddingViewModel(model, new LoadedModels());
        vm.compute();
        double x = vm.points().get(5).x();
        vm.compute();
        assertThat(vm.points().get(5).x()).isEqualTo(x);
    }

    private static double[] smoothed(double[] v) {
        double[] out = v.clone();
        for (int i = 1; i < v.length - 1; i++) {
            out[i] = (v[i - 1] + v[i] + v[i + 1]) / 3;
        }
        return out;
    }
}
