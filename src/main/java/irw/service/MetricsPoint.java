package irw.service;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Map;

/**
 * One entry of a job's metrics history, in the order it was recorded ({@code seq} grows by one).
 * {@code type} is {@link #METRICS} for a training report and {@link #RESUMED} for the marker the
 * service writes when a job interrupted by a crash or a shutdown starts again from its checkpoint.
 */
public record MetricsPoint(long seq, String type, int epoch, long step, long totalSteps, Map<String, Double> values, String at) {
    public static final String METRICS = "metrics";
    public static final String RESUMED = "resumed";

    public MetricsPoint {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    @JsonIgnore
    public boolean isResumeMarker() {
        return RESUMED.equals(type);
    }
}
