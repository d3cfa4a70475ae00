package irw.service;

import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.JobEventListener;

final class TrainingJobsTestSupport {
    /** Follows a job for its final state only. */
    static final JobEventListener IGNORE = new JobEventListener() {
        @Override
        public void onState(JobView job) {
        }

        @Override
        public void onPoint(MetricsPoint point) {
        }
    };

    private TrainingJobsTestSupport() {
    }
}
