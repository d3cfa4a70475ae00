package irw.service;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.client.ServiceException;
import irw.service.client.TrainingServiceClient;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 item 11: the probe's cancel of a job in its last moments answered 202, and the job still
 * ended FINISHED and published its model. Here a real classifier job (the engine's trainer on tiny
 * real digits, a real service on loopback, a real job store) is held at the moment it publishes, and
 * cancelled there: just before its model is published the cancel wins (202, KILLED, no model); just
 * after, the answer says it is too late (409) and the job ends FINISHED with its model.
 */
class CancelRaceTest {
    @TempDir
    Path dir;
    private TrainingService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aCancelJustBeforeThePublicationKillsTheJobAndPublishesNothing() throws Exception {
        Gate gate = new Gate(false);
        TrainingServiceClient client = start(gate);
        String id = client.submit(TinyDigits.classifierSpec(TinyDigits.write(dir, 2), 3, 2, 5));
        assertThat(gate.reached.await(120, TimeUnit.SECONDS)).as("the job reached its publication").isTrue();

        JobView answer = client.cancel(id); // 202
        assertThat(answer.cancelRequested()).isTrue();
        gate.go.countDown();

        JobView done = client.follow(id, TrainingJobsTestSupport.IGNORE);
        assertThat(done.state()).as("reason: %s", done.reason()).isEqualTo(JobState.KILLED);
        assertThat(done.reason()).contains("cancelled by the user");
        assertThat(done.artifacts()).isEmpty();
        assertThat(done.step()).isEqualTo(3);
    }

    @Test
    void aCancelJustAfterThePublicationIsAnsweredTooLateAndTheJobFinishes() throws Exception {
        Gate gate = new Gate(true);
        TrainingServiceClient client = start(gate);
        String id = client.submit(TinyDigits.classifierSpec(TinyDigits.write(dir, 2), 3, 2, 5));
        assertThat(gate.reached.await(120, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> client.cancel(id)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("too late to cancel")
                .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(409));
        assertThat(client.job(id).cancelRequested()).isFalse();
        gate.go.countDown();

        JobView done = client.follow(id, TrainingJobsTestSupport.IGNORE);
        assertThat(done.state()).as("reason: %s", done.reason()).isEqualTo(JobState.FINISHED);
        assertThat(done.artifacts()).containsExactly("classifier.irwm");
    }

    private TrainingServiceClient start(Gate gate) throws Exception {
        JobRunner real = new ClassifierJobRunner();
        JobRunner gated = new JobRunner() {
            @Override
            public JobSpecParser.DataRoles dataRoles() {
                return real.dataRoles();
            }

            @Override
            public Outcome run(JobContext context) throws Exception {
                return real.run(gate.around(context));
            }
        };
        service = TrainingService.start(ServiceConfig.local(dir.resolve("service")), new JobRunners(Map.of(JobKind.CLASSIFIER, gated)));
        return new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
    }

    /** Holds the runner at its publication (before or after it), until the test has sent its cancel. */
    private static final class Gate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        private final boolean afterPublishing;

        Gate(boolean afterPublishing) {
            this.afterPublishing = afterPublishing;
        }

        JobContext around(JobContext real) {
            return new JobContext() {
                @Override
                public String jobId() {
                    return real.jobId();
                }

                @Override
                public JobSpec spec() {
                    return real.spec();
                }

                @Override
                public Path workDir() {
                    return real.workDir();
                }

                @Override
                public int attempt() {
                    return real.attempt();
                }

                @Override
                public boolean isCancelled() {
                    return real.isCancelled();
                }

                @Override
                public void started(long fromStep, boolean fromCheckpoint, long totalSteps) {
                    real.started(fromStep, fromCheckpoint, totalSteps);
                }

                @Override
                public void report(int epoch, long step, long totalSteps, Map<String, Double> values) {
                    real.report(epoch, step, totalSteps, values);
                }

                @Override
                public void publish(String name, Path file) {
                    if (afterPublishing) {
                        real.publish(name, file);
                    }
                    reached.countDown();
                    try {
                        go.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (!afterPublishing) {
                        real.publish(name, file);
                    }
                }
            };
        }
    }
}
