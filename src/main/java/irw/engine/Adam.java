package irw.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.HashMap;
import java.util.Map;

/**
 * The Adam step (Algorithm 1 line 7) applied in place to a graph's parameter arrays. Our own
 * rather than SameDiff's fit(), so that the moments can be checkpointed and restored exactly and
 * the same forward/backward pass also yields the outputs a trainer needs (embeddings, terms).
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private final double learningRate;
    private final Map<String, INDArray> m = new HashMap<>();
    private final Map<String, INDArray> v = new HashMap<>();
    private long t;

    Adam(double learningRate) {
        this.learningRate = learningRate;
    }

    void step(Map<String, INDArray> params, Map<String, INDArray> gradients) {
        step(params, gradients, 1);
    }

    /** One step with the learning rate scaled by {@code factor} (a schedule's value at this step). */
    void step(Map<String, INDArray> params, Map<String, INDArray> gradients, double factor) {
        t++;
        double correction = factor * learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            INDArray g = gradients.get(e.getKey());
            if (g == null) {
                continue;
            }
            INDArray mi = m.computeIfAbsent(e.getKey(), k -> Nd4j.zerosLike(g));
            INDArray vi = v.computeIfAbsent(e.getKey(), k -> Nd4j.zerosLike(g));
            mi.muli(BETA1).addi(g.mul(1 - BETA1));
            vi.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            INDArray update = mi.div(Transforms.sqrt(vi, true).addi(EPSILON)).muli(correction);
            e.getValue().subi(update);
        }
    }

    long stepCount() {
        return t;
    }

    /** The moments as named arrays ("m/NAME", "v/NAME"), for checkpoints. */
    Map<String, INDArray> state() {
        Map<String, INDArray> s = new HashMap<>();
        m.forEach((k, a) -> s.put("m/" + k, a));
        v.forEach((k, a) -> s.put("v/" + k, a));
        return s;
    }

    void restore(Map<String, INDArray> state, long stepCount) {
        m.clear();
        v.clear();
        state.forEach((k, a) -> {
            if (k.startsWith("m/")) {
                m.put(k.substring(2), a.dup());
            } else if (k.startsWith("v/")) {
                v.put(k.substring(2), a.dup());
            }
        });
        t = stepCount;
    }
}
