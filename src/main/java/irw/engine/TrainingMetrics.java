package irw.engine;

import java.util.Map;

/**
 * One progress report of a trainer.
 *
 * @param epoch      0-based epoch of the step
 * @param step       steps done so far (1-based: 1 after the first step)
 * @param totalSteps steps the run will do when not cancelled
 * @param values     named figures of the step, e.g. "loss", "accuracy", "l_pred", "l_reg", "l_proto"
 */
public record TrainingMetrics(int epoch, long step, long totalSteps, Map<String, Double> values) {
    public TrainingMetrics {
        values = Map.copyOf(values);
    }

    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
