package irw.app.models;

import irw.app.workbench.Prediction;
import irw.app.workbench.RefinementSettings;
import irw.core.Pattern;
import irw.core.TwoThetaGrid;
import irw.engine.Classification;
import irw.engine.Verdict;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.engine.ModelStore;
import irw.engine.PerPatternRefiner;
import irw.engine.PrototypicalClassifier;
import irw.engine.RefinementTrace;
import irw.engine.Refiner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The loaded XRD models, seen from the workbench: the prototypical classifier (predictions,
 * embeddings, prototypes), the trained refiner network for whole batches, and per-pattern
 * refinement through the frozen classifier for the live α/β/λ preview.
 */
public final class XrdModels {
    private final PrototypicalClassifier classifier;
    private final Refiner refiner;
    /** Adam step size of the interactive refinement, in item units (items are scaled to max 1). */
    static final double PREVIEW_STEP_SIZE = 0.05;
    private final PerPatternRefiner perPattern;
    private final Path classifierFile;
    private final Path refinerFile;

    private XrdModels(PrototypicalClassifier classifier, Refiner refiner, Path classifierFile, Path refinerFile) {
        this.classifier = classifier;
        this.refiner = refiner;
        this.perPattern = new PerPatternRefiner(classifier);
        this.classifierFile = classifierFile;
        this.refinerFile = refinerFile;
    }

    /**
     * Loads a classifier file and, when given, a refiner file (ModelStore format), and builds the
     * per-pattern refinement graphs (a slower load in the background, a fast first preview).
     */
    public static XrdModels load(Path classifierFile, Path refinerFileOrNull) throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(classifierFile);
        if (c.preprocessing().grid() == null) {
            throw new IllegalArgumentException(classifierFile.getFileName() + " is an image (digits) classifier, not an XRD one");
        }
        Refiner r = refinerFileOrNull == null ? null : ModelStore.loadRefiner(refinerFileOrNull);
        XrdModels m = new XrdModels(c, r, classifierFile, r == null ? null : refinerFileOrNull);
        // the first preview then answers without building the gradient graphs (labelled patterns are
        // refined toward their label, unlabelled ones non-targeted)
        m.perPattern.prepare(true);
        m.perPattern.prepare(false);
        return m;
    }

    /** The classifier's file name, and the refiner's when one is loaded ("a.irwm + b.irwm"). */
    public String description() {
        return classifierFile.getFileName() + (refinerFile == null ? "" : " + " + refinerFile.getFileName());
    }

    public Path classifierFile() {
        return classifierFile;
    }

    /** The refiner network's file, or null when only the classifier is loaded. */
    public Path refinerFile() {
        return refinerFile;
    }

    public TwoThetaGrid grid() {
        return classifier.preprocessing().grid();
    }

    public boolean hasRefinerNetwork() {
        return refiner != null;
    }

    private float[] item(Pattern p) {
        return classifier.preprocessing().apply(p);
    }

    private Pattern pattern(float[] item, Pattern like) {
        double[] v = new double[item.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = item[i];
        }
        return Pattern.onGrid(grid(), v, like.metadata().withSampleName(like.name() + " refined"));
    }

    /**
     * The verdict on each pattern: a class, "uncertain" under the model's calibrated threshold, or why it
     * is not classified (too little of the grid measured, no signal).
     */
    public List<Prediction> classify(List<Pattern> patterns) {
        List<ModelInputPreparation.Prepared> prepared = patterns.stream().map(classifier.preprocessing()::prepare).toList();
        List<Integer> classifiable = java.util.stream.IntStream.range(0, prepared.size())
                .filter(i -> prepared.get(i).refusal().isEmpty()).boxed().toList();
        Prediction[] out = new Prediction[patterns.size()];
        if (!classifiable.isEmpty()) {
            Classification c = classifier.classify(classifiable.stream().map(i -> prepared.get(i).values()).toArray(float[][]::new));
            for (int j = 0; j < classifiable.size(); j++) {
                out[classifiable.get(j)] = prediction(Verdict.of(c.probabilities()[j], classifier.calibration()));
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = prediction(Verdict.refused(prepared.get(i)));
            }
        }
        return List.of(out);
    }

    private Prediction prediction(Verdict v) {
        return v.classified() ? new Prediction(classifier.classes().name(v.predicted()), v.probability(), v.describe(classifier.classes()))
                : new Prediction("", Double.NaN, v.describe(classifier.classes()));
    }

    /** Refines a batch with the trained refiner network (Algorithm 2's R), on the model's grid. */
    public List<Pattern> refineBatch(List<Pattern> patterns) {
        float[][] out = refiner.refine(patterns.stream().map(this::item).toArray(float[][]::new));
        return java.util.stream.IntStream.range(0, out.length).mapToObj(i -> pattern(out[i], patterns.get(i))).toList();
    }

    /**
     * Per-pattern refinement for the live preview, J(x') = (1 − λ)·α·||x' − x||² + λ·(ℓ_pred + β·ℓ_proto)
     * (see {@link PerPatternRefiner}): α weighs staying close to the input (ℓ_reg of eq. 3), β the
     * prototype term, λ trades the two sides off (the paper's Q&A form).
     *
     * @param targetClass the class to refine toward (the known label), or -1 for non-targeted
     */
    public Preview refineOne(Pattern p, RefinementSettings w, int targetClass, BooleanSupplier obsolete) {
        RefinementTrace trace = perPattern.refine(item(p), settings(w, targetClass), obsolete);
        float[] probs = trace.finalProbabilities();
        int best = 0;
        for (int k = 1; k < probs.length; k++) {
            best = probs[k] > probs[best] ? k : best;
        }
        return new Preview(pattern(trace.refined(), p), prediction(Verdict.of(probs, classifier.calibration())), trace.cancelled());
    }

    /** The engine's settings for the workbench's weights, clamped to their valid ranges. */
    static PerPatternRefiner.Settings settings(RefinementSettings w, int targetClass) {
        return new PerPatternRefiner.Settings(Math.max(0, w.alpha()), Math.max(0, w.beta()), Math.max(0, Math.min(1, w.lambda())),
                targetClass, w.steps(), PREVIEW_STEP_SIZE);
    }

    /** The result of one preview refinement. */
    public record Preview(Pattern refined, Prediction predictionAfter, boolean cancelled) {
    }

    public int classIndex(String name) {
        return classifier.classes().indexOf(name);
    }

    /** The classifier's embedding space F(x) with its prototypes, for the t-SNE map. */
    public FeatureSpace featureSpace() {
        return new FeatureSpace() {
            @Override
            public String description() {
                return "classifier embedding F(x) of " + classifierFile.getFileName();
            }

            @Override
            public double[][] features(List<Pattern> onGrid) {
                float[][] emb = classifier.classify(onGrid.stream().map(XrdModels.this::item).toArray(float[][]::new)).embeddings();
                return toDouble(emb);
            }

            @Override
            public Map<String, double[]> prototypes() {
                float[][] protos = classifier.prototypes();
                Map<String, double[]> out = new LinkedHashMap<>();
                for (int k = 0; k < protos.length; k++) {
                    out.put(classifier.classes().name(k), toDouble(new float[][] {protos[k]})[0]);
                }
                return out;
            }
        };
    }

    static double[][] toDouble(float[][] f) {
        double[][] d = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            d[i] = new double[f[i].length];
            for (int j = 0; j < f[i].length; j++) {
                d[i][j] = f[i][j];
            }
        }
        return d;
    }
}
