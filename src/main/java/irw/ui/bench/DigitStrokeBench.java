package irw.ui.bench;

import irw.app.digits.DigitsViewModel;
import irw.app.models.DigitAnalysis;
import irw.app.models.DigitModels;
import irw.app.workbench.WorkbenchModel;
import irw.app.workbench.WorkbenchView;
import irw.ui.MainWindow;

import java.nio.file.Path;

/**
 * {@code bench gui}, Digits canvas (issue 12): from a stroke to its probabilities on screen, and to the
 * refined digit. Each repetition clears the canvas and draws a 7 in two strokes, as the mouse does; the
 * clock runs from the second stroke (the one that completes the digit) to the first frame after the
 * view model handed the answer to the view.
 */
final class DigitStrokeBench {
    private final MainWindow window;
    private final WorkbenchModel model;
    private final int repeats;

    DigitStrokeBench(MainWindow window, WorkbenchModel model, int repeats) {
        this.window = window;
        this.model = model;
        this.repeats = repeats;
    }

    void run(Path classifier) throws Exception {
        DigitModels digits = DigitModels.load(classifier);
        DigitsViewModel vm = window.digitsViewModel();
        FxBenchSupport.onFx(() -> {
            window.show(WorkbenchView.DIGITS);
            window.loadedModels().digitsProperty().set(digits);
            return null;
        });
        double[] probabilities = new double[repeats];
        double[] refined = new double[repeats];
        for (int i = -1; i < repeats; i++) { // one warm-up round
            FxBenchSupport.onFx(() -> {
                vm.clear();
                vm.stroke(7, 6, 21, 6);
                return null;
            });
            awaitRefined(vm);
            double shift = 0.3 * Math.max(i, 0);
            long t0 = System.nanoTime();
            DigitAnalysis stale = FxBenchSupport.onFx(() -> {
                DigitAnalysis shown = vm.analysisProperty().get();
                vm.stroke(21, 6, 12 + shift, 23);
                return shown;
            });
            long submitted = FxBenchSupport.onFx(vm::requestsSubmitted);
            while (FxBenchSupport.onFx(() -> vm.analysisProperty().get()) == stale) {
                Thread.sleep(1);
            }
            FxBenchSupport.onFx(() -> null); // the frame that shows it
            double pMs = (System.nanoTime() - t0) / 1e6;
            while (FxBenchSupport.onFx(vm::requestShown) < submitted) {
                Thread.sleep(2);
            }
            FxBenchSupport.onFx(() -> null);
            double rMs = (System.nanoTime() - t0) / 1e6;
            if (i >= 0) {
                probabilities[i] = pMs;
                refined[i] = rMs;
            }
        }
        System.out.printf("digits canvas, stroke → probabilities shown: median %.0f ms, max %.0f ms (goal < 150 ms); "
                        + "→ refined digit shown (%d steps): median %.0f ms, max %.0f ms (model %s)%n",
                FxBenchSupport.median(probabilities), FxBenchSupport.max(probabilities), model.refinementStepsProperty().get(),
                FxBenchSupport.median(refined), FxBenchSupport.max(refined),
                classifier.getFileName());
    }

    private static void awaitRefined(DigitsViewModel vm) throws Exception {
        while (FxBenchSupport.onFx(() -> vm.requestShown() < vm.requestsSubmitted())) {
            Thread.sleep(2);
        }
    }
}
