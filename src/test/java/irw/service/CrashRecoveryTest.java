package irw.service;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.LocalServiceLauncher;
import irw.service.client.TrainingServiceClient;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a real service process mid-run: the next start resumes the RUNNING job from its
 * last checkpoint, with its history intact and the resume point marked, and runs the queued one;
 * a clean stop mid-run resumes the same way.
 */
class CrashRecoveryTest {
    private static final LocalServiceLauncher.Options CAPPED = new LocalServiceLauncher.Options("768m", "1g", "2g", List.of());
    @TempDir
    Path dir;

    @Test
    void aKilledServiceResumesItsRunningJobFromTheCheckpointAndLosesNothing() throws Exception {
        Path tiny = TinyDigits.write(dir, 3);
        Path dataDir = dir.resolve("service");
        String running;
        String queued;
        long stepAtKill;
        try (LocalServiceLauncher first = LocalServiceLauncher.connectOrStart(dataDir, CAPPED)) {
            TrainingServiceClient client = first.client();
            running = client.submit(TinyDigits.classifierSpec(tiny, 20, 3, 21));
            queued = client.submit(TinyDigits.classifierSpec(tiny, 12, 3, 22));
            long deadline = System.currentTimeMillis() + 90_000;
            while (client.job(running).step() < 7 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            ProcessHandle process = first.process().orElseThrow();
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of anything
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        try (var store = irw.service.store.JobStore.open(dataDir.resolve("jobs.db"), new com.fasterxml.jackson.databind.ObjectMapper())) {
            JobView atKill = store.find(running).orElseThrow();
            assertThat(atKill.state()).as("the crash left it RUNNING").isEqualTo(JobState.RUNNING);
            assertThat(atKill.step()).isBetween(7L, 19L);
            stepAtKill = atKill.step();
            assertThat(store.find(queued).orElseThrow().state()).isEqualTo(JobState.SCHEDULED);
        }

        try (LocalServiceLauncher second = LocalServiceLauncher.connectOrStart(dataDir, CAPPED)) {
            assertThat(second.startedHere()).isTrue();
            TrainingServiceClient client = second.client();
            JobView done = client.follow(running, TrainingJobsTestSupport.IGNORE);
            assertThat(done.state()).as("reason: %s", done.reason()).isEqualTo(JobState.FINISHED);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(done.step()).isEqualTo(20);

            List<MetricsPoint> history = client.metrics(running);
            List<MetricsPoint> markers = history.stream().filter(MetricsPoint::isResumeMarker).toList();
            assertThat(markers).hasSize(1);
            MetricsPoint marker = markers.get(0);
            int at = history.indexOf(marker);
            // everything recorded before the crash is still there, in order, up to the marker
            assertThat(history.subList(0, at)).extracting(MetricsPoint::step)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, stepAtKill).boxed().toList());
            assertThat(marker.step()).isEqualTo(stepAtKill);
            assertThat(marker.values()).containsEntry(MetricsPoint.ATTEMPT, 2.0).containsEntry(MetricsPoint.LAST_RECORDED_STEP, (double) stepAtKill);
            // training went on from the last checkpoint (a multiple of 3), not from step 1, and the marker says which
            long from = marker.values().get(MetricsPoint.FROM_STEP).longValue();
            assertThat(from).isPositive().isLessThanOrEqualTo(stepAtKill);
            assertThat(from % 3).isZero();
            // issue 15 item 10: the steps it repeated between the checkpoint and the kill are not recorded twice
            assertThat(history.subList(at + 1, history.size())).extracting(MetricsPoint::step)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(stepAtKill + 1, 20).boxed().toList());
            assertThat(history).filteredOn(p -> !p.isResumeMarker()).extracting(MetricsPoint::step)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(history).extracting(MetricsPoint::seq).isSorted().doesNotHaveDuplicates();
            // The queued job starts now; a clean stop of the service (what the workbench does at exit)
            // leaves it RUNNING with its checkpoint, and the next start resumes it.
            long deadline = System.currentTimeMillis() + 60_000;
            while (client.job(queued).step() < 4 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            ProcessHandle process = second.process().orElseThrow();
            second.close();
            assertThat(process.isAlive()).isFalse();
        }
        try (LocalServiceLauncher third = LocalServiceLauncher.connectOrStart(dataDir, CAPPED)) {
            JobView next = third.client().follow(queued, TrainingJobsTestSupport.IGNORE);
            assertThat(next.state()).as("reason: %s", next.reason()).isEqualTo(JobState.FINISHED);
            assertThat(next.attempts()).isEqualTo(2);
            assertThat(third.client().metrics(queued)).filteredOn(MetricsPoint::isResumeMarker).hasSize(1);
            assertThat(third.client().metrics(queued)).extracting(MetricsPoint::step).contains(12L);
        }
    }
}
