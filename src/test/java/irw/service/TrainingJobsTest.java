package irw.service;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.JobEventListener;
import irw.service.client.TrainingServiceClient;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real training jobs (the engine's trainers on tiny real digit sets) through a real service. */
class TrainingJobsTest {
    @TempDir
    static Path dataDir;
    private static TrainingService service;
    private static TrainingServiceClient client;
    private static Path tiny;

    @BeforeAll
    static void start() throws Exception {
        tiny = TinyDigits.write(dataDir, 3);
        service = TrainingService.start(ServiceConfig.local(dataDir.resolve("service")).withConcurrency(2), EngineRunners.create());
        client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aJobStreamsItsMetricsLiveAndInOrderUntilItFinishes() {
        String id = client.submit(TinyDigits.classifierSpec(tiny, 12, 4, 1));
        List<MetricsPoint> live = Collections.synchronizedList(new ArrayList<>());
        List<JobState> states = Collections.synchronizedList(new ArrayList<>());
        JobView last = client.follow(id, new JobEventListener() {
            @Override
            public void onState(JobView job) {
                states.add(job.state());
            }

            @Override
            public void onPoint(MetricsPoint point) {
                live.add(point);
            }
        });
        assertThat(last.state()).as("reason: %s", last.reason()).isEqualTo(JobState.FINISHED);
        assertThat(states).last().isEqualTo(JobState.FINISHED);
        assertThat(live).extracting(MetricsPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(live).extracting(MetricsPoint::seq).isSorted().doesNotHaveDuplicates();
        assertThat(live).allSatisfy(p -> assertThat(p.values()).containsKeys("loss", "accuracy"));
        assertThat(client.metrics(id)).isEqualTo(live);
        JobView job = client.job(id);
        assertThat(job.progress()).isEqualTo(1.0);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.spec().get("seed").asLong()).isEqualTo(1);
        assertThat(dataDir.resolve("service/jobs").resolve(id).resolve("checkpoint")).exists();
        assertThat(job.artifacts()).containsExactly("classifier.irwm");
    }

    @Test
    void aRefinerTrainsThroughTheModelOfAFinishedClassifierJob() throws Exception {
        String classifierJob = client.submit(TinyDigits.classifierSpec(tiny, 4, 2, 7));
        assertThat(client.follow(classifierJob, TrainingJobsTestSupport.IGNORE).state()).isEqualTo(JobState.FINISHED);
        Path classifierFile = dataDir.resolve("downloaded-classifier.irwm");
        client.downloadArtifact(classifierJob, "classifier.irwm", classifierFile);
        assertThat(irw.engine.ModelStore.loadClassifier(classifierFile).classes().size()).isEqualTo(10);

        String refinerJob = client.submit(TinyDigits.refinerSpec(tiny, "job:" + classifierJob, 3, 8));
        JobView refined = client.follow(refinerJob, TrainingJobsTestSupport.IGNORE);
        assertThat(refined.state()).as("reason: %s", refined.reason()).isEqualTo(JobState.FINISHED);
        assertThat(refined.spec().get("data").get("classifier").asText()).endsWith(classifierJob + "/classifier.irwm");
        assertThat(client.metrics(refinerJob)).extracting(MetricsPoint::step).containsExactly(1L, 2L, 3L);
        assertThat(client.metrics(refinerJob).get(2).values()).containsKeys("loss");
        Path refinerFile = dataDir.resolve("downloaded-refiner.irwm");
        client.downloadArtifact(refinerJob, "refiner.irwm", refinerFile);
        irw.engine.Refiner refiner = irw.engine.ModelStore.loadRefiner(refinerFile);
        assertThat(refiner.refine(new float[][]{new float[784]})[0]).hasSize(784);

        // references to jobs that have no such model are refused up front, naming the field
        for (String ref : new String[]{"job:job-999", "job:" + refinerJob}) {
            assertThatThrownBy(() -> client.submit(TinyDigits.refinerSpec(tiny, ref, 1, 9)))
                    .hasMessageContaining("HTTP 400").hasMessageContaining("data.classifier");
        }
    }

    @Test
    void twentyConcurrentSubmissionsAreAllQueuedAndAllFinish() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long seed = 100 + i;
            ids.add(pool.submit(() -> {
                go.await();
                return client.submit(TinyDigits.classifierSpec(tiny, 2, 1, seed));
            }));
        }
        go.countDown();
        Set<String> submitted = ConcurrentHashMap.newKeySet();
        for (Future<String> f : ids) {
            submitted.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(submitted).hasSize(20);
        int maxRunning = 0;
        long deadline = System.currentTimeMillis() + 150_000;
        List<JobView> ours;
        do {
            ours = client.jobs().stream().filter(j -> submitted.contains(j.id())).toList();
            maxRunning = Math.max(maxRunning, (int) ours.stream().filter(j -> j.state() == JobState.RUNNING).count());
            Thread.sleep(200);
        } while (ours.stream().anyMatch(j -> !j.state().isFinal()) && System.currentTimeMillis() < deadline);
        assertThat(ours).hasSize(20).allSatisfy(j -> {
            assertThat(j.state()).as(j.id() + " " + j.reason()).isEqualTo(JobState.FINISHED);
            assertThat(j.step()).isEqualTo(2);
        });
        assertThat(maxRunning).as("jobs running at once with --jobs 2").isLessThanOrEqualTo(2);
    }

    @Test
    void badDataAndDivergingLossesFailTheJobWithItsReasonAndTheServiceKeepsServing() {
        Path notDigits = Path.of("sample-data/reference-structures/Li2CO3_15.cif").toAbsolutePath();
        String bad = client.submit(TinyDigits.classifierSpec(tiny, 2, 1, 3).replace(tiny.toString(), notDigits.toString()));
        JobView failed = client.follow(bad, TrainingJobsTestSupport.IGNORE);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.reason()).contains("data.train").contains("Li2CO3_15.cif").contains("IDX");
        assertThat(client.health().state()).isEqualTo("serving");

        String exploding = client.submit(TinyDigits.classifierSpec(tiny, 30, 10, 6)
                .replace("\"learningRate\": 0.002, \"lambda\": 0.5", "\"learningRate\": 10, \"lambda\": 1000000"));
        JobView diverged = client.follow(exploding, TrainingJobsTestSupport.IGNORE);
        assertThat(diverged.state()).isEqualTo(JobState.FAILED);
        assertThat(diverged.reason()).contains("diverged").contains("learning rate");
        assertThat(diverged.artifacts()).isEmpty();

        assertThat(client.follow(client.submit(TinyDigits.classifierSpec(tiny, 1, 1, 4)), TrainingJobsTestSupport.IGNORE).state())
                .isEqualTo(JobState.FINISHED);
    }

    @Test
    void aJobFollowedInTheBackgroundCanBeCancelled() throws Exception {
        String id = client.submit(TinyDigits.classifierSpec(tiny, 5000, 50, 5));
        CountDownLatch twoSteps = new CountDownLatch(2);
        List<MetricsPoint> seen = Collections.synchronizedList(new ArrayList<>());
        TrainingServiceClient.Following following = client.followInBackground(id, new JobEventListener() {
            @Override
            public void onState(JobView job) {
            }

            @Override
            public void onPoint(MetricsPoint point) {
                seen.add(point);
                twoSteps.countDown();
            }
        });
        TrainingServiceClient.Following closedEarly = client.followInBackground(id, TrainingJobsTestSupport.IGNORE);
        assertThat(twoSteps.await(60, TimeUnit.SECONDS)).isTrue();
        closedEarly.close();
        assertThat(closedEarly.done()).isCompletedExceptionally();
        assertThat(client.job(id).state()).as("closing a follower leaves the job alone").isEqualTo(JobState.RUNNING);

        assertThat(client.cancel(id).cancelRequested()).isTrue();
        JobView end = following.done().get(60, TimeUnit.SECONDS);
        assertThat(end.state()).isEqualTo(JobState.KILLED);
        assertThat(end.reason()).contains("cancelled");
        assertThat(end.step()).isLessThan(5000);
        assertThat(seen).extracting(MetricsPoint::step).isSorted();
    }
}
