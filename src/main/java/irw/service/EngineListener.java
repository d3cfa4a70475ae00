package irw.service;

import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;

/** Passes a trainer's reports to the job's history and the job's cancellation to the trainer. */
final class EngineListener implements TrainingListener {
    private final JobContext context;

    EngineListener(JobContext context) {
        this.context = context;
    }

    @Override
    public void onMetrics(TrainingMetrics metrics) {
        context.report(metrics.epoch(), metrics.step(), metrics.totalSteps(), metrics.values());
    }

    @Override
    public boolean isCancelled() {
        return context.isCancelled();
    }
}
