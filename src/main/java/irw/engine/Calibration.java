package irw.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Temperature scaling (Guo et al. 2017): probabilities are softmax(logits / T), with T fitted on
 * held-out data so that confidence matches accuracy; the prediction (the arg max) does not change.
 * Below {@link #uncertainBelow()} the answer is shown as "uncertain". The threshold is fitted with T on
 * the same held-out data: the lowest confidence above which at least 90 % of the answers were right
 * (never under 0.5, where the model itself holds its answer more likely wrong than right).
 *
 * @param temperature    T > 0 (1: as trained)
 * @param uncertainBelow top probabilities under this are reported as uncertain
 * @param report         how T was fitted: the held-out set, its size, NLL and expected calibration error before and after
 */
public record Calibration(double temperature, double uncertainBelow, Map<String, Object> report) {
    public static final double DEFAULT_UNCERTAIN_BELOW = 0.5;

    public Calibration {
        if (!(temperature > 0) || !Double.isFinite(temperature) || !(uncertainBelow >= 0 && uncertainBelow < 1)) {
            throw new IllegalArgumentException("calibration needs T > 0 and a threshold in [0, 1), got " + temperature + ", " + uncertainBelow);
        }
        report = report == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(report));
    }

    /** The network's own softmax, not calibrated. */
    public static Calibration none() {
        return new Calibration(1, DEFAULT_UNCERTAIN_BELOW, Map.of());
    }

    public boolean isFitted() {
        return !report.isEmpty();
    }

    public boolean uncertain(double topProbability) {
        return topProbability < uncertainBelow;
    }
}
