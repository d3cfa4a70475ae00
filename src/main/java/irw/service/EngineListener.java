package irw.service;

import irw.engine.TrainingListener;
import irw.service.api.MetricsPoint;
import irw.engine.TrainingMetrics;
import irw.engine.TrainingPosition;
import irw.engine.TrainingStart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passes a trainer's reports (steps and held-out evaluations) to the job's history and the job's
 * cancellation to the trainer. {@link #continueAfter} shifts the steps of a later phase (MIC's
 * classification after its training) so that the job's step count runs on.
 */
final class EngineListener implements TrainingListener {
    private final JobContext context;
    private final long totalSteps;
    private long offset;

    /** @param totalSteps the job's total, or 0 to take each report's own */
    EngineListener(JobContext context, long totalSteps) {
        this.context = context;
        this.totalSteps = totalSteps;
    }

    EngineListener(JobContext context) {
        this(context, 0);
    }

    /** Later reports count their steps from {@code steps} on. */
    void continueAfter(long steps) {
        offset = steps;
    }

    @Override
    public void onMetrics(TrainingMetrics metrics) {
        context.report(metrics.epoch(), offset + metrics.step(), totalSteps > 0 ? totalSteps : metrics.totalSteps(), wire(metrics));
    }

    @Override
    public void onStart(TrainingStart start) {
        context.started(offset + start.step(), start.fromCheckpoint(), totalSteps > 0 ? totalSteps : start.totalSteps());
    }

    @Override
    public void onEvaluation(TrainingMetrics evaluation) {
        onMetrics(evaluation);
    }

    @Override
    public boolean isCancelled() {
        return context.isCancelled();
    }

    /** The values with the position as the history's counters ("round", "class"). */
    private static Map<String, Double> wire(TrainingMetrics m) {
        TrainingPosition p = m.position();
        if (!p.hasRound() && !p.hasClass()) {
            return m.values();
        }
        Map<String, Double> values = new LinkedHashMap<>(m.values());
        if (p.hasRound()) {
            values.put(MetricsPoint.ROUND, (double) p.round());
        }
        if (p.hasClass()) {
            values.put(MetricsPoint.CLASS, (double) p.classIndex());
        }
        return values;
    }
}
