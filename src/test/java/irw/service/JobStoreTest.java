package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.store.JobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobStoreTest {
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void jobsAndHistorySurviveReopeningTheFile() {
        Path db = dir.resolve("jobs.db");
        String first;
        String second;
        try (JobStore store = JobStore.open(db, json)) {
            first = store.insert("refiner", json.createObjectNode().put("seed", 1));
            second = store.insert("classifier", json.createObjectNode().put("seed", 2));
            assertThat(store.claimNext()).get().extracting(JobView::id, JobView::state, JobView::attempts)
                    .containsExactly(first, JobState.RUNNING, 1);
            for (int step = 1; step <= 30; step++) {
                store.appendMetrics(first, step / 10, step, 30, Map.of("loss", 1.0 / step));
            }
            store.finish(first, JobState.FINISHED, null);
        }
        try (JobStore store = JobStore.open(db, json)) {
            assertThat(store.list()).extracting(JobView::id).containsExactly(first, second);
            JobView done = store.find(first).orElseThrow();
            assertThat(done.state()).isEqualTo(JobState.FINISHED);
            assertThat(done.step()).isEqualTo(30);
            assertThat(done.spec().get("seed").asInt()).isEqualTo(1);
            List<MetricsPoint> history = store.metrics(first, 0);
            assertThat(history).extracting(MetricsPoint::seq).containsExactly(
                    java.util.stream.LongStream.rangeClosed(1, 30).boxed().toArray(Long[]::new));
            assertThat(history).extracting(MetricsPoint::step).isSorted();
            assertThat(history.get(9).values()).containsEntry("loss", 0.1);
            assertThat(store.metrics(first, 25)).hasSize(5);
            assertThat(store.find(second).orElseThrow().state()).isEqualTo(JobState.SCHEDULED);
        }
    }

    @Test
    void interruptedJobsGoBackToTheHeadOfTheQueueWithAResumeMarker() {
        Path db = dir.resolve("jobs.db");
        String crashed;
        try (JobStore store = JobStore.open(db, json)) {
            crashed = store.insert("refiner", json.createObjectNode());
            store.insert("refiner", json.createObjectNode());
            store.claimNext();
            for (int step = 1; step <= 12; step++) {
                store.appendMetrics(crashed, 0, step, 40, Map.of("loss", 2.0 - step * 0.1));
            }
            // no finish: the process "died" here
        }
        try (JobStore store = JobStore.open(db, json)) {
            assertThat(store.requeueInterrupted()).containsExactly(crashed);
            assertThat(store.metrics(crashed, 0)).hasSize(12);
            // the resumed job runs before the one that never started, and counts a second attempt
            JobView next = store.claimNext().orElseThrow();
            assertThat(next.id()).isEqualTo(crashed);
            assertThat(next.attempts()).isEqualTo(2);
            assertThat(next.startedAt()).isNotNull();
            // its trainer found the checkpoint of step 9: the marker says so, at the last recorded step
            store.appendResumeMarker(crashed, next.attempts(), 9);
            List<MetricsPoint> history = store.metrics(crashed, 0);
            assertThat(history).hasSize(13);
            MetricsPoint marker = history.get(12);
            assertThat(marker.isResumeMarker()).isTrue();
            assertThat(marker.step()).isEqualTo(12);
            assertThat(marker.values()).containsEntry(MetricsPoint.ATTEMPT, 2.0).containsEntry(MetricsPoint.LAST_RECORDED_STEP, 12.0)
                    .containsEntry(MetricsPoint.FROM_STEP, 9.0);
            store.appendMetrics(crashed, 0, 13, 40, Map.of("loss", 0.7));
            assertThat(store.metrics(crashed, 0)).extracting(MetricsPoint::seq).containsExactly(
                    java.util.stream.LongStream.rangeClosed(1, 14).boxed().toArray(Long[]::new));
        }
    }

    @Test
    void cancellingAScheduledJobKillsItAndARunningOneIsFlagged() {
        try (JobStore store = JobStore.open(dir.resolve("jobs.db"), json)) {
            String running = store.insert("refiner", json.createObjectNode());
            String waiting = store.insert("refiner", json.createObjectNode());
            store.claimNext();
            assertThat(store.requestCancel(waiting)).contains(JobState.SCHEDULED);
            assertThat(store.find(waiting).orElseThrow().state()).isEqualTo(JobState.KILLED);
            assertThat(store.requestCancel(running)).contains(JobState.RUNNING);
            assertThat(store.find(running).orElseThrow().cancelRequested()).isTrue();
            assertThat(store.requestCancel("job-99")).isEmpty();
            // a cancelled job interrupted by a crash is not resumed
            assertThat(store.requeueInterrupted()).isEmpty();
            assertThat(store.find(running).orElseThrow().state()).isEqualTo(JobState.KILLED);
            assertThat(store.claimNext()).isEmpty();
        }
    }
}
