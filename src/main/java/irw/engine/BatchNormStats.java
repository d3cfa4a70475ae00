package irw.engine;

import irw.engine.net.Layers;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running statistics of a training graph's batch-normalisation layers: exponential averages of
 * each step's batch mean and variance ({@link #MOMENTUM} of the old value), stored with the model's
 * parameters (NAME_rmean, NAME_rvar) for frozen use.
 */
final class BatchNormStats {
    static final double MOMENTUM = 0.9;
    private final List<String> layers;
    private final Map<String, INDArray> running = new LinkedHashMap<>();

    /** Finds the layers in a training graph; starts from {@code given} (a resumed run) or mean 0, variance 1. */
    BatchNormStats(SameDiff training, Map<String, INDArray> given) {
        layers = new ArrayList<>();
        for (SDVariable v : training.variables()) {
            if (v.name().endsWith(Layers.BATCH_MEAN)) {
                String layer = v.name().substring(0, v.name().length() - Layers.BATCH_MEAN.length());
                layers.add(layer);
                long[] shape = training.getVariable(layer + "_gamma").getShape();
                running.put(layer + Layers.RUNNING_MEAN, given.containsKey(layer + Layers.RUNNING_MEAN)
                        ? given.get(layer + Layers.RUNNING_MEAN).dup() : Nd4j.zeros(DataType.FLOAT, shape));
                running.put(layer + Layers.RUNNING_VAR, given.containsKey(layer + Layers.RUNNING_VAR)
                        ? given.get(layer + Layers.RUNNING_VAR).dup() : Nd4j.ones(DataType.FLOAT, shape));
            }
        }
    }

    /** The graph outputs a step must request. */
    List<String> outputs() {
        List<String> out = new ArrayList<>();
        for (String l : layers) {
            out.add(l + Layers.BATCH_MEAN);
            out.add(l + Layers.BATCH_VAR);
        }
        return out;
    }

    void update(Map<String, INDArray> stepOutputs) {
        for (String l : layers) {
            running.get(l + Layers.RUNNING_MEAN).muli(MOMENTUM).addi(stepOutputs.get(l + Layers.BATCH_MEAN).castTo(DataType.FLOAT).mul(1 - MOMENTUM));
            running.get(l + Layers.RUNNING_VAR).muli(MOMENTUM).addi(stepOutputs.get(l + Layers.BATCH_VAR).castTo(DataType.FLOAT).mul(1 - MOMENTUM));
        }
    }

    /** The running statistics by parameter name. */
    Map<String, INDArray> arrays() {
        return running;
    }
}
