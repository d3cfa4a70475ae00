package irw.engine;

import irw.engine.net.PatternConstraints;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Interactive refinement of ONE item x by optimisation, for the live preview: the same objective
 * as the trained refiner, eq. 3,
 * <pre>
 *   L(r) = ℓ_pred(r) + α·ℓ_reg(r, x) + β·ℓ_proto(r)
 * </pre>
 * with the same terms ({@link RefinementObjective}: ℓ_reg = ||Ψ(r) − Ψ(x)||_p of eq. 7, ℓ_pred of
 * eq. 4 towards a target class or the prediction's entropy, ℓ_proto of eq. 5 or 6), so α and β mean
 * what they mean for {@code train refiner}. Only the refiner differs: instead of a network R(x),
 * Adam moves the refinement's free variables for this one item.
 * <ul>
 *   <li>Patterns: the variables are the change and smoothing-gate fields of
 *       {@link PatternConstraints}, the same constraints the trained refiner's output passes
 *       through: r is non-negative, unchanged outside the measured range, changed only smoothly,
 *       and no peak grows where the raw pattern has none.</li>
 *   <li>Images: the variables are the pixels themselves, kept in [0, 1] and shaped after every
 *       step by a {@link ChangeShape} (digits: {@link ImageChangeShape}, no speckle).</li>
 * </ul>
 * Entry 0 of the trace is the input itself; a step that moves no value of r by more than
 * {@value #MIN_CHANGE} ends the refinement early (nothing left to show).
 * <p>
 * Latency: the graphs are built once per classifier and mode (targeted or not); the weights and the
 * target are placeholders, so moving a slider costs no rebuild. Every step runs on ONE OpenMP thread
 * by default ({@link OpenMpThreads}): batch-1 steps are chains of tiny ops, and on busy cores the
 * multi-threaded ops were 2.5-27× slower (figures in src/site/markdown/engine.md). Results are
 * deterministic for a given input and settings. Not thread-safe: one refinement at a time (calls are synchronized).
 */
public final class PerPatternRefiner {
    /** In item units (items are scaled to max 1): a step moving no value further than this ends refinement. */
    public static final float MIN_CHANGE = 1e-5f;

    private final PrototypicalClassifier classifier;
    private final PatternConstraints constraints;
    private final int p;
    private final boolean featureSpaceReg;
    private final int nativeThreads;
    private ChangeShape shape = ChangeShape.NONE;
    private Graph targetedGraph;
    private Graph untargetedGraph;

    /**
     * @param alpha       weight α of ℓ_reg (eq. 3 and 7), ≥ 0
     * @param beta        weight β of ℓ_proto (eq. 5 or 6), ≥ 0
     * @param targetClass class index to refine toward, or -1 for non-targeted refinement
     * @param steps       most Adam steps (fewer when refinement stops moving)
     * @param stepSize    Adam step size, in item units (items are scaled to max 1)
     */
    public record Settings(double alpha, double beta, int targetClass, int steps, double stepSize) {
        public Settings {
            if (!(alpha >= 0) || !(beta >= 0) || steps < 0 || !(stepSize > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("need finite alpha >= 0, finite beta >= 0, steps >= 0, stepSize > 0; got alpha "
                        + alpha + ", beta " + beta + ", steps " + steps + ", stepSize " + stepSize);
            }
        }

        /** 15 steps of size 0.05. */
        public static Settings of(double alpha, double beta, int targetClass) {
            return new Settings(alpha, beta, targetClass, 15, 0.05);
        }
    }

    /**
     * The objective and constraints of a trained refiner, so that the preview refines as it does
     * (or, without one, the standard constraints, ℓ_reg = l1 in pattern space as the paper's).
     *
     * @param like the trained refiner whose p, Ψ and constraints to share, or null
     */
    public static PerPatternRefiner like(PrototypicalClassifier classifier, Refiner like) {
        if (like == null) {
            return new PerPatternRefiner(classifier);
        }
        RefinerTrainingConfig c = like.config();
        return new PerPatternRefiner(classifier, c.constraintsFor(classifier), c.p(), c.featureSpaceReg(), 1);
    }

    /** The standard constraints, ℓ_reg = l1, Ψ = identity, one OpenMP thread per step (the fastest measured for batch-1 steps). */
    public PerPatternRefiner(PrototypicalClassifier classifier) {
        this(classifier, 1);
    }

    /** The same with {@code nativeThreads} OpenMP threads per step, or 0 for the process default (OMP_NUM_THREADS). */
    public PerPatternRefiner(PrototypicalClassifier classifier, int nativeThreads) {
        this(classifier, defaults(classifier), 1, false, nativeThreads);
    }

    /**
     * @param constraints   the physical constraints of patterns (null for images)
     * @param p             the norm of ℓ_reg, 1 or 2
     * @param nativeThreads OpenMP threads for the native ops of a step, or 0 for the process default (OMP_NUM_THREADS)
     */
    public PerPatternRefiner(PrototypicalClassifier classifier, PatternConstraints constraints, int p, boolean featureSpaceReg, int nativeThreads) {
        if (nativeThreads < 0 || (p != 1 && p != 2)) {
            throw new IllegalArgumentException("need nativeThreads >= 0 and p in {1, 2}, got " + nativeThreads + " and " + p);
        }
        if ((constraints == null) != (classifier.itemShape().length == 2)) {
            throw new IllegalArgumentException("patterns need their physical constraints; images take none");
        }
        LibraryNoise.filterStdout(); // refinement builds a gradient function
        this.classifier = classifier;
        this.constraints = constraints;
        this.p = p;
        this.featureSpaceReg = featureSpaceReg;
        this.nativeThreads = nativeThreads;
    }

    private static PatternConstraints defaults(PrototypicalClassifier classifier) {
        return new RefinerTrainingConfig(0, 0, false, 1, false, 1, 1, 1, 0).constraintsFor(classifier);
    }

    /**
     * The graph of one mode. Targeted and non-targeted objectives are separate graphs (built on
     * first use), so each step runs only the ops its objective needs: SameDiff's per-op overhead,
     * not arithmetic, dominates this small graph.
     */
    private static final class Graph {
        final SameDiff sd = SameDiff.create();
        /** The free variables Adam moves, in order: pattern fields (change, gate) or the image's pixels. */
        final List<String> variables = new ArrayList<>();

        Graph(PrototypicalClassifier classifier, PatternConstraints constraints, int p, boolean featureSpaceReg, boolean targeted) {
            int classes = classifier.classes().size();
            long[] shape = Batches.nchw(1, classifier.itemShape());
            SDVariable original = sd.placeHolder("original", DataType.FLOAT, shape);
            SDVariable alpha = sd.placeHolder("alpha", DataType.FLOAT, 1);
            SDVariable beta = sd.placeHolder("beta", DataType.FLOAT, 1);
            SDVariable refined;
            if (constraints != null) {
                SDVariable change = sd.var("change", Nd4j.zeros(DataType.FLOAT, shape));
                SDVariable gate = sd.var("gate", Nd4j.zeros(DataType.FLOAT, shape));
                variables.addAll(List.of("change", "gate"));
                refined = constraints.apply(sd, "refined", original, change, gate);
            } else {
                refined = sd.var("pixels", Nd4j.zeros(DataType.FLOAT, shape));
                variables.add("pixels");
                sd.identity("refined", refined);
            }
            SDVariable target = targeted ? sd.placeHolder("target", DataType.FLOAT, 1, classes) : null;
            RefinementObjective o = RefinementObjective.build(sd, classifier, original, refined, target, p, featureSpaceReg);
            SDVariable objective = o.loss("objective", alpha, beta);
            double temperature = classifier.calibration().temperature();
            sd.nn().softmax("probabilities", o.onRefined().logits().div(temperature)); // shown to the user: calibrated
            sd.nn().softmax("inputProbabilities", classifier.buildFrozen(sd, original).logits().div(temperature));
            sd.setLossVariables(objective);
        }

        INDArray array(String name) {
            return sd.getVariable(name).getArr();
        }
    }

    private Graph graph(boolean targeted) {
        if (targeted) {
            if (targetedGraph == null) {
                targetedGraph = new Graph(classifier, constraints, p, featureSpaceReg, true);
            }
            return targetedGraph;
        }
        if (untargetedGraph == null) {
            untargetedGraph = new Graph(classifier, constraints, p, featureSpaceReg, false);
        }
        return untargetedGraph;
    }

    /**
     * Shapes every step's image (e.g. {@link ImageChangeShape} for digits: blurred change, ink reach, no
     * speckle); the default accepts every step as it is. Patterns are shaped by their constraints instead.
     */
    public PerPatternRefiner withChangeShape(ChangeShape shape) {
        if (constraints != null && shape != null && shape != ChangeShape.NONE) {
            throw new IllegalArgumentException("patterns are shaped by their PatternConstraints, not by a ChangeShape");
        }
        this.shape = shape == null ? ChangeShape.NONE : shape;
        return this;
    }

    public PrototypicalClassifier classifier() {
        return classifier;
    }

    /** The constraints refined patterns obey (null for images). */
    public PatternConstraints constraints() {
        return constraints;
    }

    /**
     * Builds the graph of one mode and its gradient function now (one evaluation on a blank item),
     * so that the first real refinement does not pay for them: 0.2-0.4 s in a warm process, 1.5-3 s
     * for the first gradient of a fresh JVM. Call it from a background task when a model loads.
     */
    public void prepare(boolean targeted) {
        refine(new float[classifier.itemLength()], new Settings(1, 0, targeted ? 0 : -1, 1, 0.05), () -> false);
    }

    /**
     * Sees each step's refined item as soon as Adam has taken the step, before the next gradient:
     * the live preview draws step 1 after one gradient evaluation instead of waiting for all of them.
     */
    @FunctionalInterface
    public interface StepObserver {
        StepObserver NONE = (step, refined) -> {
        };

        /** @param step 1 … settings.steps(); {@code refined} is the item after that many steps (not yet classified) */
        void stepTaken(int step, float[] refined);

        /**
         * Whether {@link #stepTaken} wants step {@code step} at all: a pattern after a step costs one
         * more graph execution (the constraint ops), so steps nobody draws are not computed.
         */
        default boolean wants(int step) {
            return true;
        }

        /** An observer of the steps {@code wanted} says yes to. */
        static StepObserver of(java.util.function.IntPredicate wanted, StepObserver observer) {
            return new StepObserver() {
                @Override
                public void stepTaken(int step, float[] refined) {
                    observer.stepTaken(step, refined);
                }

                @Override
                public boolean wants(int step) {
                    return wanted.test(step);
                }
            };
        }
    }

    /** Refines one preprocessed item; {@code cancelled} is polled before every step. */
    public synchronized RefinementTrace refine(float[] item, Settings settings, BooleanSupplier cancelled) {
        return refine(item, settings, cancelled, StepObserver.NONE);
    }

    /** The same, showing every step to {@code observer} as it is taken (on the calling thread). */
    public synchronized RefinementTrace refine(float[] item, Settings settings, BooleanSupplier cancelled, StepObserver observer) {
        return OpenMpThreads.with(nativeThreads, () -> run(item, settings, cancelled, observer));
    }

    private RefinementTrace run(float[] item, Settings settings, BooleanSupplier cancelled, StepObserver observer) {
        classifier.checkItems(new float[][]{item});
        int classes = classifier.classes().size();
        if (settings.targetClass() >= classes) {
            throw new IllegalArgumentException("target class " + settings.targetClass() + " outside 0.." + (classes - 1));
        }
        boolean targeted = settings.targetClass() >= 0;
        Graph graph = graph(targeted);
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("original", Batches.input(new float[][]{item}, classifier.itemShape()));
        if (targeted) {
            INDArray target = Nd4j.zeros(DataType.FLOAT, 1, classes);
            target.putScalar(0, settings.targetClass(), 1f);
            ph.put("target", target);
        }
        ph.put("alpha", Nd4j.createFromArray((float) settings.alpha()));
        ph.put("beta", Nd4j.createFromArray((float) settings.beta()));
        int n = item.length;
        float[] v = new float[n * graph.variables.size()];
        if (constraints == null) {
            System.arraycopy(item, 0, v, 0, n); // pixels start at the input; fields start at zero (close to the identity)
        }
        float lower = constraints == null ? 0f : Float.NEGATIVE_INFINITY;
        float upper = constraints == null ? 1f : Float.POSITIVE_INFINITY;
        InputAdam adam = new InputAdam(v.length);
        List<float[]> patterns = new ArrayList<>();
        List<float[]> probabilities = new ArrayList<>();
        List<Double> objective = new ArrayList<>();
        patterns.add(item.clone());
        boolean stopped = false;
        boolean still = false;
        // evaluation t gives the gradient at the state after t steps and records that state (t = 0: the input's probabilities)
        for (int t = 0; t <= settings.steps(); t++) {
            if (t > 0 && t < settings.steps() && cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            assign(graph, v, n);
            boolean last = t == settings.steps();
            List<String> outputs = t == 0 ? List.of("objective", "inputProbabilities") : List.of("objective", "probabilities", "refined");
            Map<String, INDArray> out;
            OutAndGrad r = null;
            if (last) {
                out = graph.sd.output(ph, outputs.toArray(new String[0]));
            } else {
                r = graph.sd.calculateGradientsAndOutputs(ph, outputs, Set.copyOf(graph.variables));
                out = r.getOutputs();
            }
            objective.add(out.get("objective").getDouble(0));
            if (t == 0) {
                probabilities.add(floats(out.get("inputProbabilities")));
            } else {
                float[] refined = floats(out.get("refined"));
                probabilities.add(floats(out.get("probabilities")));
                still = maxChange(refined, patterns.get(patterns.size() - 1)) <= MIN_CHANGE;
                patterns.add(refined);
            }
            float[] g = null;
            if (r != null && !still) {
                g = new float[v.length];
                for (int k = 0; k < graph.variables.size(); k++) {
                    System.arraycopy(floats(r.getGradients().get(graph.variables.get(k))), 0, g, k * n, n);
                }
            }
            // "refined" of an image is the pixel variable's own array: never close that one
            out.forEach((k, a) -> {
                if (!k.equals("refined")) {
                    release(a);
                }
            });
            if (r != null) {
                r.getGradients().values().forEach(PerPatternRefiner::release);
            }
            if (last || still) {
                break; // done, or r stands still: the trace ends at the last evaluated pattern
            }
            adam.step(v, g, settings.stepSize(), lower, upper);
            if (constraints == null) {
                float[] shaped = shape.accept(item, v); // images: v is the pixels
                if (shaped != v) {
                    System.arraycopy(shaped, 0, v, 0, n);
                }
            }
            if (observer != StepObserver.NONE && observer.wants(t + 1)) {
                observer.stepTaken(t + 1, stepped(graph, ph, v, n));
            }
        }
        return new RefinementTrace(patterns, probabilities, objective, stopped);
    }

    /**
     * The item after the step just taken: for images the pixels themselves; for patterns only the
     * constraint ops run (SameDiff executes what "refined" needs, not the classifier), a few ms
     * against a gradient evaluation's tens.
     */
    private float[] stepped(Graph graph, Map<String, INDArray> ph, float[] v, int n) {
        if (constraints == null) {
            return Arrays.copyOf(v, n);
        }
        assign(graph, v, n);
        INDArray refined = graph.sd.output(ph, "refined").get("refined");
        float[] out = floats(refined);
        release(refined);
        return out;
    }

    /** Writes the free variables into the graph. */
    private static void assign(Graph graph, float[] v, int n) {
        for (int k = 0; k < graph.variables.size(); k++) {
            INDArray target = graph.array(graph.variables.get(k));
            INDArray current = Nd4j.create(Arrays.copyOfRange(v, k * n, (k + 1) * n), target.shape(), 'c');
            target.assign(current);
            release(current);
        }
    }

    private static float maxChange(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static float[] floats(INDArray a) {
        return a.dup().data().asFloat();
    }

    /**
     * Frees a native buffer now: left to the GC they pile up to JavaCPP's physical-memory cap, after
     * which every allocation waits for a collection (30 steps took 6x 15 steps).
     */
    private static void release(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }
}
