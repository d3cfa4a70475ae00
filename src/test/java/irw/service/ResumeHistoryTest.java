package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.TrainingServiceClient;
import irw.service.store.JobStore;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 10: a classifier job killed before its first checkpoint cannot resume; the probe
 * saw it start again with nothing in its history to say so. The job store here is the one such a
 * kill leaves (a real SQLite file: the job RUNNING at attempt 1, two steps recorded, no checkpoint
 * in its directory); a real service then runs it again with the engine's trainer.
 */
class ResumeHistoryTest {
    @TempDir
    Path dir;

    @Test
    void aClassifierKilledBeforeItsFirstCheckpointSaysItStartedAgainFromTheBeginning() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path dataDir = dir.resolve("service");
        String id;
        try (JobStore store = JobStore.open(dataDir.resolve("jobs.db"), json)) {
            id = store.insert("classifier", json.readTree(TinyDigits.classifierSpec(TinyDigits.write(dir, 2), 4, 3, 8)));
            store.claimNext();
            store.appendMetrics(id, 0, 1, 4, Map.of("loss", 2.5, "accuracy", 0.1));
            store.appendMetrics(id, 0, 2, 4, Map.of("loss", 2.4, "accuracy", 0.2));
        }
        Files.createDirectories(dataDir.resolve("jobs").resolve(id)); // the kill came before the checkpoint at step 3

        try (TrainingService service = TrainingService.start(ServiceConfig.local(dataDir), EngineRunners.create())) {
            assertThat(service.resumedJobs()).containsExactly(id);
            TrainingServiceClient client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
            JobView done = client.follow(id, TrainingJobsTestSupport.IGNORE);
            assertThat(done.state()).as("reason: %s", done.reason()).isEqualTo(JobState.FINISHED);
            assertThat(done.attempts()).isEqualTo(2);
            List<MetricsPoint> history = client.metrics(id);
            assertThat(history.get(0).step()).isEqualTo(1);
            assertThat(history.get(1).step()).isEqualTo(2);
            MetricsPoint marker = history.get(2);
            assertThat(marker.isResumeMarker()).isTrue();
            assertThat(marker.step()).isEqualTo(2);
            assertThat(marker.values()).containsEntry(MetricsPoint.ATTEMPT, 2.0).containsEntry(MetricsPoint.FROM_STEP, 0.0)
                    .containsEntry(MetricsPoint.LAST_RECORDED_STEP, 2.0);
            MetricsPoint restart = history.get(3);
            assertThat(restart.step()).isZero();
            assertThat(restart.values()).containsEntry(MetricsPoint.RESTARTED_FROM_SCRATCH, 2.0);
            assertThat(history.subList(4, history.size())).extracting(MetricsPoint::step)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 4).boxed().toList());
            assertThat(history).filteredOn(MetricsPoint::isResumeMarker).hasSize(1);
        }
    }
}
