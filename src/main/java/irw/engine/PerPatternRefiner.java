package irw.engine;

import irw.engine.net.ClassifierGraph;
import irw.engine.net.Losses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Interactive refinement of ONE pattern x: gradient steps on x' itself through the frozen
 * classifier, starting at x' = x. The objective joins the Q&A form min (1 − λ)·δ(x, x') + λ·η_C(x')
 * with the loss of eq. 3, L = ℓ_pred + α·ℓ_reg + β·ℓ_proto, where the refiner's output R(x) is
 * replaced by x' itself:
 * <pre>
 *   J(x') = (1 − λ)·α·δ(x, x') + λ·[ℓ_pred(x') + β·ℓ_proto(x')]
 * </pre>
 * <ul>
 *   <li>δ(x, x') = ||x' − x||²₂ plays ℓ_reg (eq. 7 with Ψ = identity, p = 2), squared so that its
 *       gradient vanishes at x' = x: λ = 0 (or α = 0 and λ = 0) returns the input exactly.</li>
 *   <li>ℓ_pred (eq. 4): cross-entropy to the target class (targeted), or the entropy of the
 *       prediction (non-targeted). ℓ_proto: NLL of the target under the prototype distribution of
 *       eq. 2 (eq. 5), or the entropy of that distribution (eq. 6).</li>
 *   <li>λ = ½ gives J = ½·L of eq. 3; α = 1 gives the Q&A form with η = ℓ_pred + β·ℓ_proto; α = 0
 *       (λ > 0) lets only the classifier speak.</li>
 * </ul>
 * Steps are Adam's on x'; values are kept ≥ 0 (intensities, grey levels) and images ≤ 1. A step that
 * moves no value by more than {@value #MIN_CHANGE} ends the refinement early (nothing left to show).
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
    private final int nativeThreads;
    private ChangeShape shape = ChangeShape.NONE;
    private Graph targetedGraph;
    private Graph untargetedGraph;

    /**
     * @param alpha       weight α of the closeness term δ (ℓ_reg of eq. 3), ≥ 0
     * @param beta        weight β of the prototype term ℓ_proto inside the classifier's loss, ≥ 0
     * @param lambda      trade-off λ in [0, 1]: 0 keeps the input, 1 only pleases the classifier
     * @param targetClass class index to refine toward, or -1 for non-targeted refinement
     * @param steps       most gradient steps (fewer when refinement stops moving)
     * @param stepSize    Adam step size, in item units (items are scaled to max 1)
     */
    public record Settings(double alpha, double beta, double lambda, int targetClass, int steps, double stepSize) {
        public Settings {
            if (!(alpha >= 0) || !(beta >= 0) || !(lambda >= 0 && lambda <= 1) || steps < 0 || !(stepSize > 0)
                    || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("need finite alpha >= 0, finite beta >= 0, 0 <= lambda <= 1, steps >= 0, stepSize > 0; got alpha "
                        + alpha + ", beta " + beta + ", lambda " + lambda + ", steps " + steps + ", stepSize " + stepSize);
            }
        }

        /** 15 steps of size 0.08. */
        public static Settings of(double alpha, double beta, double lambda, int targetClass) {
            return new Settings(alpha, beta, lambda, targetClass, 15, 0.08);
        }

        /** Weight of δ in J: (1 − λ)·α. */
        double closenessWeight() {
            return (1 - lambda) * alpha;
        }
    }

    /** Refines with one OpenMP thread per step (the fastest choice measured for batch-1 steps). */
    public PerPatternRefiner(PrototypicalClassifier classifier) {
        this(classifier, 1);
    }

    /** @param nativeThreads OpenMP threads for the native ops of a step, or 0 for the process default (OMP_NUM_THREADS) */
    public PerPatternRefiner(PrototypicalClassifier classifier, int nativeThreads) {
        if (nativeThreads < 0) {
            throw new IllegalArgumentException("nativeThreads must be >= 0, got " + nativeThreads);
        }
        LibraryNoise.filterStdout(); // refinement builds a gradient function
        this.classifier = classifier;
        this.nativeThreads = nativeThreads;
    }

    /**
     * The graph of one mode. Targeted and non-targeted objectives are separate graphs (built on
     * first use), so each step runs only the ops its objective needs: SameDiff's per-op overhead,
     * not arithmetic, dominates this small graph.
     */
    private static final class Graph {
        final SameDiff sd = SameDiff.create();
        final INDArray patternArr;

        Graph(PrototypicalClassifier classifier, boolean targeted) {
            int classes = classifier.classes().size();
            SDVariable pattern = sd.var("pattern", Nd4j.zeros(DataType.FLOAT, Batches.nchw(1, classifier.itemShape())));
            SDVariable original = sd.placeHolder("original", DataType.FLOAT, Batches.nchw(1, classifier.itemShape()));
            SDVariable closeness = sd.placeHolder("closenessWeight", DataType.FLOAT, 1);
            SDVariable lambda = sd.placeHolder("lambda", DataType.FLOAT, 1);
            SDVariable beta = sd.placeHolder("beta", DataType.FLOAT, 1);
            ClassifierGraph g = classifier.buildFrozen(sd, pattern);
            SDVariable logp = Losses.logSoftmax(sd, g.logits());
            SDVariable protoLogp = Losses.prototypeLogProbabilities(sd, g.embedding(), sd.constant("prototypes", classifier.prototypeArray()));
            SDVariable eta;
            if (targeted) {
                SDVariable target = sd.placeHolder("target", DataType.FLOAT, 1, classes);
                eta = Losses.negativeLogLikelihood(logp, target).add(Losses.negativeLogLikelihood(protoLogp, target).mul(beta));
            } else {
                eta = Losses.entropy(sd, logp).add(Losses.entropy(sd, protoLogp).mul(beta));
            }
            SDVariable diff = pattern.sub(original);
            SDVariable objective = diff.mul(diff).sum().mul(closeness).add("objective", eta.mul(lambda)); // J of the class comment
            sd.nn().softmax("probabilities", g.logits().div(classifier.calibration().temperature())); // shown to the user: calibrated
            sd.setLossVariables(objective);
            patternArr = sd.getVariable("pattern").getArr();
        }
    }

    private Graph graph(boolean targeted) {
        if (targeted) {
            if (targetedGraph == null) {
                targetedGraph = new Graph(classifier, true);
            }
            return targetedGraph;
        }
        if (untargetedGraph == null) {
            untargetedGraph = new Graph(classifier, false);
        }
        return untargetedGraph;
    }

    /** Shapes every step's result (e.g. {@link ImageChangeShape} for digits); the default accepts every step as it is. */
    public PerPatternRefiner withChangeShape(ChangeShape shape) {
        this.shape = shape == null ? ChangeShape.NONE : shape;
        return this;
    }

    public PrototypicalClassifier classifier() {
        return classifier;
    }

    /**
     * Builds the graph of one mode and its gradient function now (one evaluation on a blank item),
     * so that the first real refinement does not pay for them: 0.2-0.4 s in a warm process, 1.5-3 s
     * for the first gradient of a fresh JVM. Call it from a background task when a model loads.
     */
    public void prepare(boolean targeted) {
        refine(new float[classifier.itemLength()], new Settings(1, 0, 0.5, targeted ? 0 : -1, 0, 1), () -> false);
    }

    /** Refines one preprocessed item; {@code cancelled} is polled before every step. */
    public synchronized RefinementTrace refine(float[] item, Settings settings, BooleanSupplier cancelled) {
        return OpenMpThreads.with(nativeThreads, () -> run(item, settings, cancelled));
    }

    private RefinementTrace run(float[] item, Settings settings, BooleanSupplier cancelled) {
        classifier.checkItems(new float[][]{item});
        int classes = classifier.classes().size();
        if (settings.targetClass() >= classes) {
            throw new IllegalArgumentException("target class " + settings.targetClass() + " outside 0.." + (classes - 1));
        }
        float upper = classifier.itemShape().length == 2 ? 1f : Float.POSITIVE_INFINITY;
        INDArray original = Batches.input(new float[][]{item}, classifier.itemShape());
        boolean targeted = settings.targetClass() >= 0;
        Graph graph = graph(targeted);
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("original", original);
        if (targeted) {
            INDArray target = Nd4j.zeros(DataType.FLOAT, 1, classes);
            target.putScalar(0, settings.targetClass(), 1f);
            ph.put("target", target);
        }
        ph.put("closenessWeight", Nd4j.createFromArray((float) settings.closenessWeight()));
        ph.put("lambda", Nd4j.createFromArray((float) settings.lambda()));
        ph.put("beta", Nd4j.createFromArray((float) settings.beta()));
        float[] x = item.clone();
        InputAdam adam = new InputAdam(x.length);
        List<float[]> patterns = new ArrayList<>();
        List<float[]> probabilities = new ArrayList<>();
        List<Double> objective = new ArrayList<>();
        boolean stopped = false;
        for (int t = 0; ; t++) {
            INDArray current = Nd4j.create(x, graph.patternArr.shape(), 'c');
            graph.patternArr.assign(current);
            release(current);
            OutAndGrad r = graph.sd.calculateGradientsAndOutputs(ph, List.of("objective", "probabilities"), Set.of("pattern"));
            patterns.add(x.clone());
            probabilities.add(r.getOutputs().get("probabilities").dup().data().asFloat());
            objective.add(r.getOutputs().get("objective").getDouble(0));
            float[] g = r.getGradients().get("pattern").dup().data().asFloat();
            // free the native buffers now: left to the GC they pile up to JavaCPP's physical-memory
            // cap, after which every allocation waits for a collection (30 steps took 6x 15 steps)
            r.getOutputs().values().forEach(PerPatternRefiner::release);
            r.getGradients().values().forEach(PerPatternRefiner::release);
            if (t == settings.steps()) {
                break;
            }
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            if (adam.step(x, g, settings.stepSize(), 0, upper) <= MIN_CHANGE) {
                break; // x' stands still (zero gradient, or every value at its bound): the trace ends at the last evaluated pattern
            }
            float[] shaped = shape.accept(item, x);
            if (shaped != x) {
                System.arraycopy(shaped, 0, x, 0, x.length);
            }
        }
        return new RefinementTrace(patterns, probabilities, objective, stopped);
    }

    private static void release(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }
}
