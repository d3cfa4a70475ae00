package irw.experiments.report;

/**
 * One number measured in one run: e.g. method "UNet+proto", condition "N=5", seed 2, metric
 * "accuracy", value 0.81. The report's tables are aggregates of these over seeds; the raw rows go
 * to {@code runs.csv} so every aggregate can be checked.
 *
 * @param condition the experimental condition beside the method ("" when there is none)
 */
public record Measurement(String method, String condition, long seed, String metric, double value) {
    public Measurement {
        if (method == null || method.isBlank() || metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("a measurement needs a method and a metric");
        }
        condition = condition == null ? "" : condition;
    }
}
