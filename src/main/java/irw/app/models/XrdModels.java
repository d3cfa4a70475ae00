package irw.app.models;

import irw.app.workbench.PatternEntry;
import irw.app.workbench.Prediction;
import irw.app.workbench.RefinementSettings;
import irw.core.Pattern;
import irw.core.TwoThetaGrid;
import irw.engine.Classification;
import irw.engine.Verdict;
import irw.engine.ModelStore;
import irw.engine.PerPatternRefiner;
import irw.engine.PrototypicalClassifier;
import irw.engine.RefinementTrace;
import irw.engine.Refiner;
import irw.xrd.preprocess.ModelInputPreparation;

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
        this.perPattern = PerPatternRefiner.like(classifier, refiner);
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

    /**
     * A model-space item as a pattern on the grid cells the instrument measured, and only those: a
     * partial scan stays partial, nothing is drawn or exported where nothing was measured.
     */
    Pattern measuredCells(float[] item, Pattern like, String name, Map<String, String> extras) {
        int n = 0;
        for (float v : item) {
            n += v >= 0 ? 1 : 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, k = 0; i < item.length; i++) {
            if (item[i] >= 0) {
                x[k] = grid().at(i);
                y[k++] = item[i];
            }
        }
        // its angles are the grid's, at the model's wavelength (the input was converted through d): the d
        // and Q axes must use that wavelength, not the file's
        return new Pattern(x, y, like.metadata().withSampleName(name).withWavelength(grid().wavelength()).withExtras(extras));
    }

    /**
     * One pattern through a refiner: the input as the models see it (background removed, strongest
     * measured cell 1, measured cells only) and the refined pattern, named after its method; or,
     * for a pattern that must not be classified, only the reason.
     */
    public record Refinement(Pattern input, Pattern refined, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private Refinement refinement(float[] input, float[] refined, Pattern like, String method) {
        return new Refinement(measuredCells(input, like, like.name() + " model input", Map.of()),
                measuredCells(refined, like, like.name() + " refined", Map.of(PatternEntry.REFINED_BY, method)), null);
    }

    /** What the trained refiner network is called in legends and exports. */
    public String networkMethod() {
        return "trained U-Net refiner " + (refinerFile == null ? "(none loaded)" : refinerFile.getFileName());
    }

    /** What a per-pattern refinement is called in legends and exports. */
    public static String perPatternMethod(PerPatternRefiner.Settings s) {
        return String.format(java.util.Locale.ROOT, "per-pattern optimisation of eq. 3, %d steps, α %.3g, β %.3g", s.steps(), s.alpha(), s.beta());
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

    /**
     * Refines a batch with the trained refiner network (Algorithm 2's R) under its physical
     * constraints; a pattern the classifier must refuse (too little measured, no signal) is not refined.
     */
    public List<Refinement> refineBatch(List<Pattern> patterns) {
        List<Refinement> out = new java.util.ArrayList<>();
        List<float[]> items = new java.util.ArrayList<>();
        List<Integer> at = new java.util.ArrayList<>();
        for (Pattern p : patterns) {
            ModelInputPreparation.Prepared prepared = classifier.preprocessing().prepare(p);
            if (prepared.refusal().isPresent()) {
                out.add(new Refinement(null, null, prepared.refusalMessage()));
            } else {
                at.add(out.size());
                items.add(prepared.values());
                out.add(null);
            }
        }
        float[][] refined = items.isEmpty() ? new float[0][] : refiner.refine(items.toArray(new float[0][]));
        for (int i = 0; i < refined.length; i++) {
            int k = at.get(i);
            out.set(k, refinement(items.get(i), refined[i], patterns.get(k), networkMethod()));
        }
        return out;
    }

    /**
     * Per-pattern refinement for the live preview (see {@link PerPatternRefiner}): the trained
     * refiner's objective L = ℓ_pred + α·ℓ_reg + β·ℓ_proto (eq. 3) and physical constraints, optimised
     * for this one pattern; a pattern the classifier refuses is not refined.
     *
     * @param targetClass the class to refine toward (the known label), or -1 for non-targeted
     */
    public Preview refineOne(Pattern p, RefinementSettings w, int targetClass, BooleanSupplier obsolete) {
        return refineOne(p, w, targetClass, obsolete, partial -> {
        });
    }

    /**
     * The same, handing {@code partial} the pattern after each step as Adam takes it (not yet
     * classified: its {@code predictionAfter} is null and {@code finished} false), so the preview
     * moves within one gradient evaluation of the slider.
     */
    public Preview refineOne(Pattern p, RefinementSettings w, int targetClass, BooleanSupplier obsolete, java.util.function.Consumer<Preview> partial) {
        ModelInputPreparation.Prepared prepared = classifier.preprocessing().prepare(p);
        if (prepared.refusal().isPresent()) {
            return new Preview(new Refinement(null, null, prepared.refusalMessage()), null, false, 0, true);
        }
        PerPatternRefiner.Settings s = settings(w, targetClass);
        String method = perPatternMethod(s);
        // steps 1, 2, 4, 8, …: the first answer at once, then fewer redraws competing with the steps for the 2 cores
        PerPatternRefiner.StepObserver drawn = PerPatternRefiner.StepObserver.of(step -> step < s.steps() && Integer.bitCount(step) == 1,
                (step, refined) -> partial.accept(new Preview(refinement(prepared.values(), refined, p, method), null, false, step, false)));
        RefinementTrace trace = perPattern.refine(prepared.values(), s, obsolete, drawn);
        float[] probs = trace.finalProbabilities();
        return new Preview(refinement(prepared.values(), trace.refined(), p, method),
                prediction(Verdict.of(probs, classifier.calibration())), trace.cancelled(), trace.steps(), true);
    }

    /**
     * The engine's settings for the workbench's weights, clamped to their valid ranges: α and β as in
     * eq. 3 (the trained refiner's meaning); λ belongs to the classifier's training (Algorithm 1) and
     * does not enter refinement.
     */
    static PerPatternRefiner.Settings settings(RefinementSettings w, int targetClass) {
        return new PerPatternRefiner.Settings(Math.max(0, w.alpha()), Math.max(0, w.beta()), targetClass, w.steps(), PREVIEW_STEP_SIZE);
    }

    /**
     * The result of one preview refinement after {@code step} steps; {@code predictionAfter} is null
     * when the pattern was refused or the refinement is still under way ({@code finished} false).
     */
    public record Preview(Refinement refinement, Prediction predictionAfter, boolean cancelled, int step, boolean finished) {
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
