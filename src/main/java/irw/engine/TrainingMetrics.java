package irw.engine;

import java.util.Map;

/**
 * One progress report of a trainer.
 *
 * @param epoch      0-based epoch of the step (within the stage: a Label Refinery round, a MIC class)
 * @param step       steps done so far over the whole run (1-based: 1 after the first step)
 * @param totalSteps steps the run will do when not cancelled
 * @param values     named figures of the step, e.g. "loss", "accuracy", "l_pred", "l_reg", "l_proto"
 * @param position   the round or class of the stage the step belongs to ({@link TrainingPosition#NONE} for one-stage runs)
 */
public record TrainingMetrics(int epoch, long step, long totalSteps, Map<String, Double> values, TrainingPosition position) {
    public TrainingMetrics {
        values = Map.copyOf(values);
        position = position == null ? TrainingPosition.NONE : position;
    }

    public TrainingMetrics(int epoch, long step, long totalSteps, Map<String, Double> values) {
        this(epoch, step, totalSteps, values, TrainingPosition.NONE);
    }

    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
