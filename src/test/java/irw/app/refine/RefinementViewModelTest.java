package irw.app.refine;

import irw.app.SampleBatch;
import irw.app.data.DataViewModel;
import irw.app.digits.DigitsViewModel;
import irw.app.models.DigitAnalysis;
import irw.app.models.DigitModels;
import irw.app.models.LoadedModels;
import irw.app.models.XrdModels;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.ClassSet;
import irw.core.Pattern;
import irw.xrd.io.PatternReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's real classifiers and per-pattern refinement behind the view models. */
class RefinementViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aLoadedModelClassifiesEveryRowAndTheAlphaAndBetaSlidersChangeThePhysicalPreview() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(3); // a short refinement keeps the test quick; the default is 10
        model.alphaProperty().set(0.0);
        LoadedModels loaded = new LoadedModels();
        RefinementViewModel vm = new RefinementViewModel(model, loaded);
        new DataViewModel(model, PatternReaders::read).load(List.of(SampleBatch.MEASURED));
        loaded.xrdProperty().set(XrdModels.load(TinyModels.xrdClassifier(), null));
        assertThat(model.patterns()).allSatisfy(e -> {
            assertThat(e.predictionProperty().get()).isNotNull();
            assertThat(ClassSet.CRYSTAL_SYSTEMS.names()).contains(e.predictionProperty().get().className());
        });
        PatternEntry current = model.current();
        Pattern first = current.preview();
        Pattern input = current.modelInput();
        assertThat(first.twoThetaValues()).containsExactly(input.twoThetaValues()); // the measured cells, and only those
        assertThat(java.util.Arrays.stream(first.intensityValues()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(current.refined()).as("a preview is no refinement until accepted").isNull();
        model.betaProperty().set(3.0); // the user drags β
        Pattern second = current.preview();
        assertThat(second).isNotSameAs(first);
        assertThat(second.intensityValues()).isNotEqualTo(first.intensityValues());
        assertThat(vm.previewShown()).isEqualTo(vm.previewsSubmitted());
        assertThat(vm.statusProperty().get()).startsWith(current.name() + ": preview after refinement ").contains("β 3.00");
        model.alphaProperty().set(5.0); // the user drags α: staying close to the input weighs more
        Pattern third = current.preview();
        assertThat(distance(third.intensityValues(), input.intensityValues())).isLessThan(distance(second.intensityValues(), input.intensityValues()));
        model.lambdaProperty().set(0.9); // λ is the classifier's training weight (Algorithm 1): it does not enter refinement
        assertThat(current.preview().intensityValues()).containsExactly(third.intensityValues());
    }

    @Test
    void thePreviewIsDrawnAtEveryStepButOnlyTheFinishedRefinementCanBeAccepted() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(6);
        LoadedModels loaded = new LoadedModels();
        RefinementViewModel vm = new RefinementViewModel(model, loaded);
        new DataViewModel(model, PatternReaders::read).load(List.of(SampleBatch.MEASURED));
        loaded.xrdProperty().set(XrdModels.load(TinyModels.xrdClassifier(), null));
        PatternEntry current = model.current();
        Pattern input = current.modelInput();
        List<Pattern> drawn = new java.util.ArrayList<>();
        List<Boolean> acceptable = new java.util.ArrayList<>();
        List<String> statuses = new java.util.ArrayList<>();
        current.previewProperty().addListener((o, was, now) -> {
            if (now != null) {
                drawn.add(now);
                acceptable.add(vm.previewOnScreenProperty().get());
                statuses.add(vm.statusProperty().get());
            }
        });
        model.betaProperty().set(2.0); // one slider move
        // steps 1, 2 and 4 drawn as Adam takes them, then the finished, classified refinement (step 6)
        assertThat(drawn).hasSize(4);
        assertThat(acceptable).containsExactly(false, false, false, false); // set before the status of each is known
        assertThat(statuses.subList(1, 4)).allSatisfy(st -> assertThat(st).contains(": refining, step "));
        assertThat(statuses.get(3)).contains("step 4 of 6");
        assertThat(vm.statusProperty().get()).contains(": preview after refinement ");
        assertThat(vm.previewOnScreenProperty().get()).isTrue();
        for (Pattern p : drawn) { // every step is as physical as the result: the measured cells only, never negative
            assertThat(p.twoThetaValues()).containsExactly(input.twoThetaValues());
            assertThat(java.util.Arrays.stream(p.intensityValues()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        }
        assertThat(drawn.get(0).intensityValues()).isNotEqualTo(drawn.get(3).intensityValues());
    }

    @Test
    void aScanOfTooLittleOfTheRangeIsNeitherClassifiedNorRefined() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(3);
        LoadedModels loaded = new LoadedModels();
        RefinementViewModel vm = new RefinementViewModel(model, loaded);
        loaded.xrdProperty().set(XrdModels.load(TinyModels.xrdClassifier(), null));
        new DataViewModel(model, PatternReaders::read).load(List.of(Path.of("sample-data/instrument-files/23-012-AG_2thomegascan_long.brml")));
        PatternEntry scan = model.current();
        assertThat(scan.raw().orElseThrow().firstTwoTheta()).isGreaterThanOrEqualTo(43.9);
        assertThat(scan.refined()).isNull();
        assertThat(scan.preview()).isNull();
        assertThat(scan.modelInput()).isNull();
        assertThat(vm.statusProperty().get()).contains("not refined: too little of the pattern measured");
    }

    @Test
    void alphaChangesTheDigitPreview() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(3);
        model.lambdaProperty().set(0.5);
        model.alphaProperty().set(0.0);
        LoadedModels loaded = new LoadedModels();
        DigitsViewModel vm = new DigitsViewModel(model, loaded, Path.of("sample-data/mnist"));
        loaded.digitsProperty().set(DigitModels.load(TinyModels.digitClassifier()));
        vm.stroke(14, 4, 14, 24);
        DigitAnalysis free = vm.analysisProperty().get();
        model.alphaProperty().set(5.0);
        DigitAnalysis held = vm.analysisProperty().get();
        assertThat(held.before()).containsExactly(free.before()); // same drawing
        assertThat(held.refined()).isNotEqualTo(free.refined());
        assertThat(held.after()).isNotEqualTo(free.after());
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return d;
    }

    @Test
    void drawingChangesTheDigitProbabilities() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(3);
        LoadedModels loaded = new LoadedModels();
        DigitsViewModel vm = new DigitsViewModel(model, loaded, Path.of("sample-data/mnist"));
        loaded.digitsProperty().set(DigitModels.load(TinyModels.digitClassifier()));
        vm.stroke(14, 4, 14, 24);
        DigitAnalysis one = vm.analysisProperty().get();
        assertThat(one.before()).hasSize(10);
        assertThat(java.util.Arrays.stream(one.before()).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(one.steps()).hasSizeGreaterThan(1);
        vm.stroke(8, 6, 20, 6);
        DigitAnalysis two = vm.analysisProperty().get();
        assertThat(two.before()).isNotEqualTo(one.before());
        assertThat(vm.requestShown()).isEqualTo(vm.requestsSubmitted()).isEqualTo(2);
    }

    /** Issue 14 item 1: looking at a pattern previews it; only accepting (or refining) marks it refined, saying by what. */
    @Test
    void lookingAtAPatternDoesNotMarkItRefinedUntilThePreviewIsAccepted() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        model.refinementStepsProperty().set(3);
        LoadedModels loaded = new LoadedModels();
        RefinementViewModel vm = new RefinementViewModel(model, loaded);
        new DataViewModel(model, PatternReaders::read).load(List.of(SampleBatch.MEASURED));
        loaded.xrdProperty().set(XrdModels.load(TinyModels.xrdClassifier(), null));
        PatternEntry looked = model.current();
        assertThat(looked.preview()).as("the live preview is shown").isNotNull();
        assertThat(looked.refined()).as("but looking refines nothing").isNull();
        assertThat(looked.refinedBy()).isEmpty();
        model.currentProperty().set(model.patterns().get(1));
        assertThat(looked.preview()).as("a preview lives while its pattern is current").isNull();
        assertThat(looked.refined()).isNull();
        PatternEntry accepted = model.current();
        Pattern preview = accepted.preview();
        vm.acceptPreview();
        assertThat(accepted.refined()).isSameAs(preview);
        assertThat(accepted.refinedBy()).isEqualTo("per-pattern, α 1.00, β 0.50, 3 steps · xrd-classifier.zip");
        assertThat(model.patterns()).filteredOn(e -> e.refined() != null).containsExactly(accepted);

        vm.refine(List.of(looked)); // Data ▸ Refine: no refiner network in the tiny model, so per pattern
        assertThat(looked.refined()).isNotNull();
        assertThat(looked.refinedBy()).startsWith("per-pattern, α 1.00");
    }
}
