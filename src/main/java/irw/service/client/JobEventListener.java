package irw.service.client;

import irw.service.api.JobView;
import irw.service.api.MetricsPoint;

/** Receives a job's server-sent events, in order, on the thread that follows the job. */
public interface JobEventListener {
    /** The job whenever its state changes; the last call carries the final state. */
    void onState(JobView job);

    /** One history entry: a training report, or a resume marker ({@link MetricsPoint#isResumeMarker()}). */
    void onPoint(MetricsPoint point);
}
