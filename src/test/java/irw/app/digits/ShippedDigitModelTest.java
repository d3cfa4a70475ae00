package irw.app.digits;

import irw.app.SampleBatch;
import irw.app.models.DigitAnalysis;
import irw.app.models.DigitModels;
import irw.app.models.LoadedModels;
import irw.app.workbench.WorkbenchModel;
import irw.digits.InkMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: a clearly drawn 7 on the canvas is read as 7 by the shipped digit classifier, and its preview stays physical. */
class ShippedDigitModelTest {
    @TempDir
    Path dir;

    @Test
    void aDrawnSevenIsReadAsSevenAndItsRefinementAddsNoStrokes() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(5);
        model.lambdaProperty().set(0.5);
        LoadedModels loaded = new LoadedModels();
        DigitsViewModel vm = new DigitsViewModel(model, loaded, Path.of("sample-data/mnist"));
        loaded.digitsProperty().set(DigitModels.load(Path.of("sample-data/models/digits-classifier.irwm")));
        vm.stroke(7, 6, 21, 6);   // the bar
        vm.stroke(21, 6, 12, 23); // the stem
        DigitAnalysis a = vm.analysisProperty().get();
        assertThat(argmax(a.before())).isEqualTo(7);
        assertThat(a.before()[7]).isGreaterThan(0.9);
        assertThat(argmax(a.after())).isEqualTo(7);
        float[] drawn = vm.imageProperty().get();
        for (float v : a.refined()) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(InkMetrics.farInk(drawn, a.refined(), 3)).isLessThan(1e-3);
    }

    @Test
    void drawingOverABrowsedDigitIsNamedYourDrawingAndItsProbabilitiesComeBeforeTheRefinement() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(3);
        LoadedModels loaded = new LoadedModels();
        DigitsViewModel vm = new DigitsViewModel(model, loaded, Path.of("sample-data/mnist"));
        loaded.digitsProperty().set(DigitModels.load(Path.of("sample-data/models/digits-classifier.irwm")));
        vm.loadSource();
        vm.next();
        assertThat(vm.subjectProperty().get()).isEqualTo("MNIST test #1 (label 0)");
        assertThat(vm.statusProperty().get()).startsWith("MNIST test #1 of 2000, label 0");
        java.util.List<DigitAnalysis> shown = new java.util.ArrayList<>();
        vm.analysisProperty().addListener((o, a, now) -> shown.add(now));
        vm.clear();
        shown.clear();
        vm.stroke(7, 6, 21, 6);
        vm.stroke(21, 6, 12, 23);
        assertThat(vm.subjectProperty().get()).isEqualTo(DigitsViewModel.YOUR_DRAWING);
        assertThat(vm.statusProperty().get()).startsWith("your drawing · model digits-classifier.irwm");
        // per stroke: the classification alone first (one forward pass), then the refinement
        assertThat(shown).hasSize(4);
        DigitAnalysis classified = shown.get(2);
        DigitAnalysis refined = shown.get(3);
        assertThat(classified.refining()).isTrue();
        assertThat(classified.predictedAfter()).isEqualTo(-1);
        assertThat(classified.saysBefore()).startsWith("7 (");
        assertThat(refined.refining()).isFalse();
        assertThat(classified.before()).containsExactly(refined.before(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(refined.steps()).hasSize(4);
        assertThat(refined.totalVariationRatio(0)).isEqualTo(1.0);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
