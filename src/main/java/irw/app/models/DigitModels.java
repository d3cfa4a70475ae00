package irw.app.models;

import irw.app.workbench.RefinementSettings;
import irw.engine.ImageChangeShape;
import irw.engine.ModelStore;
import irw.engine.net.UNet2d;
import irw.engine.PerPatternRefiner;
import irw.engine.PrototypicalClassifier;
import irw.engine.RefinementTrace;
import irw.engine.Verdict;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The digit classifier with per-image refinement for the Digits view: non-targeted (the drawing
 * has no known label), so refinement makes the digit more like what the classifier is sure of.
 * α, β and λ enter as in {@link PerPatternRefiner}.
 */
public final class DigitModels implements DigitRefinement {
    private final PrototypicalClassifier classifier;
    private final PerPatternRefiner perImage;
    private final String description;

    private DigitModels(PrototypicalClassifier classifier, String description) {
        this.classifier = classifier;
        // the preview follows the trained refiner's shaping: smooth, within 2 px of the ink, in [0, 1] (issue 11, item 4)
        this.perImage = new PerPatternRefiner(classifier).withChangeShape(new ImageChangeShape(28, 28, UNet2d.DEFAULT_REACH));
        this.description = description;
    }

    public static DigitModels load(Path classifierFile) throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(classifierFile);
        if (c.itemLength() != 28 * 28) {
            throw new IllegalArgumentException(classifierFile.getFileName() + " is not a 28×28 digit classifier (items of " + c.itemLength() + ")");
        }
        DigitModels m = new DigitModels(c, classifierFile.getFileName().toString());
        m.perImage.prepare(false); // the first stroke then answers without building the gradient graph
        return m;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public DigitAnalysis classify(float[] image) {
        float[] item = classifier.preprocessing().apply(image);
        float[] p = classifier.classify(new float[][]{item}).probabilities()[0];
        return DigitAnalysis.beforeRefinement(toDouble(p), item, says(p));
    }

    @Override
    public DigitAnalysis analyse(float[] image, RefinementSettings w, BooleanSupplier obsolete) {
        float[] item = classifier.preprocessing().apply(image);
        RefinementTrace trace = perImage.refine(item, XrdModels.settings(w, -1), obsolete);
        float[] before = trace.probabilities().get(0);
        float[] after = trace.finalProbabilities();
        return new DigitAnalysis(toDouble(before), toDouble(after), trace.refined(), List.copyOf(trace.patterns()),
                says(before), says(after));
    }

    private String says(float[] probabilities) {
        return Verdict.of(probabilities, classifier.calibration()).describe(classifier.classes());
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
