package irw.service.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Map;
import java.util.Set;

/**
 * One entry of a job's metrics history, in the order it was recorded ({@code seq} grows by one).
 * {@code type} is {@link #METRICS} for a training report and {@link #RESUMED} for the marker the
 * service writes when a job interrupted by a crash or a shutdown starts again: from its checkpoint
 * ({@link #FROM_STEP} &gt; 0; the steps it repeats up to {@link #LAST_RECORDED_STEP} are not recorded
 * twice) or from the beginning (then a {@link #RESTARTED_FROM_SCRATCH} point at step 0 follows).
 */
public record MetricsPoint(long seq, String type, int epoch, long step, long totalSteps, Map<String, Double> values, String at) {
    public static final String METRICS = "metrics";
    public static final String RESUMED = "resumed";
    /** The Label Refinery round of a point. */
    public static final String ROUND = "round";
    /** The class whose MIC generator a point belongs to. */
    public static final String CLASS = "class";
    /** The value of the step-0 point a job that cannot resume mid-run writes when it starts again: the attempt. */
    public static final String RESTARTED_FROM_SCRATCH = "restartedFromScratch";
    /** Values of a {@link #RESUMED} marker: the attempt, the last step recorded before, the step it goes on from. */
    public static final String ATTEMPT = "attempt";
    public static final String LAST_RECORDED_STEP = "lastRecordedStep";
    public static final String FROM_STEP = "fromStep";
    /** Values that say where a run is (round, class, restart attempt), not how it does: not curves. */
    private static final Set<String> COUNTERS = Set.of(ROUND, CLASS, RESTARTED_FROM_SCRATCH);

    public MetricsPoint {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static boolean isCounter(String valueName) {
        return COUNTERS.contains(valueName);
    }

    @JsonIgnore
    public boolean isResumeMarker() {
        return RESUMED.equals(type);
    }
}
