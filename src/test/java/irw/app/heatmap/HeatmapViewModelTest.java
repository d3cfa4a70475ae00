package irw.app.heatmap;

import irw.app.SampleBatch;
import irw.app.workbench.WorkbenchModel;
import irw.app.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HeatmapViewModelTest {
    @TempDir
    Path dir;

    @Test
    void buildsABatchByGridMatrixAndOpensAClickedRow() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        HeatmapViewModel vm = new HeatmapViewModel(model);
        vm.rebuild();
        HeatmapMatrix m = vm.matrixProperty().get();
        assertThat(m.rowCount()).isEqualTo(model.patterns().size());
        assertThat(m.columns()).isEqualTo(2000);
        assertThat(m.zMax()).isEqualTo(1.0); // rows are max-normalised
        // row 3, at the grid point of its strongest peak, is 1
        double[] row3 = model.patterns().get(3).rawOnGrid(model.grid()).intensityValues();
        int peak = 0;
        for (int i = 0; i < row3.length; i++) {
            peak = row3[i] > row3[peak] ? i : peak;
        }
        assertThat(m.at(3, peak)).isEqualTo(1.0);
        vm.openRow(3);
        assertThat(model.current()).isSameAs(model.patterns().get(3));
        assertThat(model.requestedViewProperty().get()).isEqualTo(WorkbenchView.SPECTRA);
    }

    @Test
    void rowsWithoutARefinedPatternAreCountedAsMissing() {
        WorkbenchModel model = SampleBatch.loaded(dir);
        HeatmapViewModel vm = new HeatmapViewModel(model);
        vm.kindProperty().set(HeatmapKind.RAW_MINUS_REFINED);
        assertThat(vm.matrixProperty().get().missing()).isEqualTo(model.patterns().size());
        assertThat(vm.statusProperty().get()).contains("have no raw − refined yet");
    }
}
