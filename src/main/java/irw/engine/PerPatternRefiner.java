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
 * Interactive refinement of ONE pattern, the optimisation form of the paper's Q&A:
 * min over x' of (1 − λ)·δ(x, x') + λ·η_C(x'), by Adam steps on x' itself through the frozen
 * classifier. δ = ||x' − x||²₂; η = cross-entropy to the target class (targeted) or the entropy of
 * the prediction (non-targeted), plus β times the prototype term (NLL to the target's prototype,
 * or the entropy of the prototype distribution, as eq. 5/6). Values are kept ≥ 0 (intensities,
 * grey levels) and images ≤ 1.
 * <p>
 * The graphs are built once per classifier and mode; λ, β and the target are placeholders, so
 * moving a slider costs no rebuild. Not thread-safe: one refinement at a time (calls are synchronized).
 */
public final class PerPatternRefiner {
    private final PrototypicalClassifier classifier;
    private Graph targetedGraph;
    private Graph untargetedGraph;

    /**
     * @param lambda      trade-off λ in [0, 1]: 0 keeps the input, 1 only pleases the classifier
     * @param beta        weight of the prototype term inside η
     * @param targetClass class index to refine toward, or -1 for non-targeted refinement
     * @param steps       gradient steps
     * @param stepSize    Adam step size, in item units (items are scaled to max 1)
     */
    public record Settings(double lambda, double beta, int targetClass, int steps, double stepSize) {
        public Settings {
            if (!(lambda >= 0 && lambda <= 1) || !(beta >= 0) || steps < 0 || !(stepSize > 0)) {
                throw new IllegalArgumentException("need 0 <= lambda <= 1, beta >= 0, steps >= 0, stepSize > 0; got " + lambda + ", " + beta
                        + ", " + steps + ", " + stepSize);
            }
        }

        public static Settings of(double lambda, double beta, int targetClass) {
            return new Settings(lambda, beta, targetClass, 15, 0.08);
        }
    }

    public PerPatternRefiner(PrototypicalClassifier classifier) {
        this.classifier = classifier;
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
            SDVariable objective = diff.mul(diff).sum().mul(lambda.rsub(1.0)).add("objective", eta.mul(lambda));
            sd.nn().softmax("probabilities", g.logits());
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

    public PrototypicalClassifier classifier() {
        return classifier;
    }

    /** Refines one preprocessed item; {@code cancelled} is polled before every step. */
    public synchronized RefinementTrace refine(float[] item, Settings settings, BooleanSupplier cancelled) {
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
        ph.put("lambda", Nd4j.createFromArray((float) settings.lambda()));
        ph.put("beta", Nd4j.createFromArray((float) settings.beta()));
        float[] x = item.clone();
        float[] m = new float[x.length];
        float[] v = new float[x.length];
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
            adamStep(x, g, m, v, t + 1, settings.stepSize(), upper);
        }
        return new RefinementTrace(patterns, probabilities, objective, stopped);
    }

    private static void release(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }

    private static void adamStep(float[] x, float[] g, float[] m, float[] v, int t, double lr, float upper) {
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int i = 0; i < x.length; i++) {
            m[i] = 0.9f * m[i] + 0.1f * g[i];
            v[i] = 0.999f * v[i] + 0.001f * g[i] * g[i];
            double step = lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            x[i] = (float) Math.min(upper, Math.max(0, x[i] - step));
        }
    }
}
