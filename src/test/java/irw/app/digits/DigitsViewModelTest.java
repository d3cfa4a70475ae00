package irw.app.digits;

import irw.app.SampleBatch;
import irw.app.models.LoadedModels;
import irw.app.workbench.WorkbenchModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DigitsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aStrokeInksThePixelsAlongItAndClearEmptiesTheCanvas() {
        DigitsViewModel vm = new DigitsViewModel(SampleBatch.emptyModel(dir), new LoadedModels(), Path.of("sample-data/mnist"));
        vm.stroke(14, 4, 14, 24); // a vertical "1"
        float[] img = vm.imageProperty().get();
        assertThat(img[10 * 28 + 14]).isEqualTo(1f);
        assertThat(img[10 * 28 + 2]).isZero();
        assertThat(img[1 * 28 + 14]).isZero();
        vm.clear();
        assertThat(vm.imageProperty().get()).containsOnly(0f);
    }

    @Test
    void browsesMnistTestDigitsWithTheirLabelsAndTypesetDigits() {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        DigitsViewModel vm = new DigitsViewModel(model, new LoadedModels(), Path.of("sample-data/mnist"));
        vm.loadSource();
        var set = vm.browsedProperty().get();
        assertThat(set.size()).isGreaterThan(100);
        vm.next();
        vm.next();
        assertThat(vm.indexProperty().get()).isEqualTo(2);
        assertThat(vm.imageProperty().get()).containsExactly(set.items()[2]);
        assertThat(vm.statusProperty().get()).contains("#2 of " + set.size(), "label " + set.labels()[2], "no digit model loaded");
        vm.previous();
        vm.previous();
        vm.previous();
        assertThat(vm.indexProperty().get()).isEqualTo(set.size() - 1); // wraps around
        vm.sourceProperty().set(DigitsViewModel.Source.TYPESET);
        var typeset = vm.browsedProperty().get();
        assertThat(typeset.size()).isGreaterThanOrEqualTo(100);
        for (int k = 0; k < 10; k++) {
            assertThat(typeset.indicesOfClass(k)).isNotEmpty();
        }
    }

    /** Issue 14 item 7: once the user draws, the caption stops naming the browsed MNIST digit. */
    @Test
    void drawingReplacesTheCaptionOfTheBrowsedDigit() {
        DigitsViewModel vm = new DigitsViewModel(SampleBatch.emptyModel(dir), new LoadedModels(), Path.of("sample-data/mnist"));
        vm.loadSource();
        assertThat(vm.statusProperty().get()).startsWith("MNIST test #0 of ").contains("label ");
        vm.stroke(14, 4, 14, 24);
        assertThat(vm.statusProperty().get()).isEqualTo("your drawing · no digit model loaded: drawing and browsing only");
        vm.next();
        assertThat(vm.statusProperty().get()).startsWith("MNIST test #1 of ");
        vm.clear();
        assertThat(vm.statusProperty().get()).startsWith("empty canvas").doesNotContain("MNIST");
    }
}
