package irw.app.digits;

import irw.app.SampleBatch;
import irw.app.WorkbenchModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DigitsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aStrokeInksThePixelsAlongItAndClearEmptiesTheCanvas() {
        DigitsViewModel vm = new DigitsViewModel(SampleBatch.emptyModel(dir), Path.of("sample-data/mnist"));
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
        DigitsViewModel vm = new DigitsViewModel(model, Path.of("sample-data/mnist"));
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

    @Test
    void withAModelEachStrokeIsAnalysedAndTheNewestAnswerIsShown() {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        DigitsViewModel vm = new DigitsViewModel(model, Path.of("sample-data/mnist"));
        vm.refinementProperty().set(new InkCentroidRefinement());
        vm.stroke(5, 14, 10, 14);
        DigitAnalysis first = vm.analysisProperty().get();
        vm.stroke(10, 14, 24, 14);
        DigitAnalysis second = vm.analysisProperty().get();
        assertThat(second).isNotSameAs(first);
        assertThat(second.before()).isNotEqualTo(first.before());
        assertThat(vm.requestShown()).isEqualTo(vm.requestsSubmitted());
        model.alphaProperty().set(3);
        assertThat(vm.requestsSubmitted()).isEqualTo(3);
    }

    /**
     * A deterministic stand-in for the engine's digit model in this unit test: its "probabilities"
     * follow where the ink's centre of mass lies, so any change to the drawing changes them.
     */
    private static final class InkCentroidRefinement implements DigitRefinement {
        @Override
        public String description() {
            return "ink-centroid test model";
        }

        @Override
        public DigitAnalysis analyse(float[] image, irw.app.refine.RefinementWeights w, java.util.function.BooleanSupplier obsolete) {
            double sum = 0;
            double cx = 0;
            for (int i = 0; i < image.length; i++) {
                sum += image[i];
                cx += image[i] * (i % 28);
            }
            double[] p = new double[10];
            int k = (int) Math.min(9, Math.max(0, cx / Math.max(sum, 1e-9) / 2.8));
            p[k] = 0.6;
            for (int i = 0; i < 10; i++) {
                p[i] += 0.04;
            }
            return new DigitAnalysis(p, p.clone(), image.clone(), java.util.List.of(image.clone()));
        }
    }
}
