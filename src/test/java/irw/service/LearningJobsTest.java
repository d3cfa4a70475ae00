package irw.service;

import irw.engine.mic.MicModelFiles;
import irw.engine.mic.ModularInverseClassifier;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.TrainingServiceClient;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Label-refinery and mic jobs through a real service (loopback, real SQLite file) with the
 * engine's own trainers on a tiny MNIST directory: 3 training and 2 test digits of each class.
 */
class LearningJobsTest {
    @TempDir
    static Path dir;
    private static Path mnist;
    private static TrainingService service;
    private static TrainingServiceClient client;

    @BeforeAll
    static void start() throws Exception {
        mnist = TinyDigits.writeMnistDir(dir.resolve("mnist"), 3, 2);
        service = TrainingService.start(ServiceConfig.local(dir.resolve("service")), EngineRunners.create());
        client = clientOf(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static TrainingServiceClient clientOf(TrainingService s) {
        return new TrainingServiceClient(URI.create("http://127.0.0.1:" + s.port()), s.token());
    }

    @Test
    void aLabelRefineryJobFinishesWithLiveLossesHeldOutAccuraciesAndItsSummary() throws Exception {
        // 30 training digits, 1 of each class per step: 3 steps an epoch, 2 epochs, rounds 0 and 1 -> 12 steps
        String id = client.submit(TinyDigits.labelRefinerySpec(mnist, "\"rounds\": 1, \"epochs\": 2, \"batch\": 1", 5));
        JobView job = client.follow(id, TrainingJobsTestSupport.IGNORE);
        assertThat(job.state()).as("reason: %s", job.reason()).isEqualTo(JobState.FINISHED);
        assertThat(job.progress()).isEqualTo(1.0);
        assertThat(job.spec().get("seed").asLong()).isEqualTo(5);
        assertThat(job.spec().get("hyperParameters").get("learningRate").asDouble()).as("the CLI's default").isEqualTo(0.001);

        List<MetricsPoint> history = client.metrics(id);
        List<MetricsPoint> steps = history.stream().filter(p -> p.values().containsKey("loss")).toList();
        assertThat(steps).extracting(MetricsPoint::step).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
        assertThat(steps).allSatisfy(p -> assertThat(p.totalSteps()).isEqualTo(12));
        List<MetricsPoint> rounds = history.stream().filter(p -> p.values().containsKey("accuracy_test")).toList();
        assertThat(rounds).extracting(p -> p.values().get("round")).containsExactly(0.0, 1.0);
        assertThat(rounds).extracting(MetricsPoint::step).containsExactly(6L, 12L);
        assertThat(rounds).allSatisfy(p -> assertThat(p.values().get("accuracy_test")).isBetween(0.0, 1.0));
        assertThat(rounds.get(0).values()).containsEntry("targetAgreement", 1.0).containsEntry("targetEntropy", 0.0);
        assertThat(history).extracting(MetricsPoint::seq).isSorted().doesNotHaveDuplicates();

        assertThat(job.artifacts()).containsExactlyInAnyOrder("round-0.irwm", "round-1.irwm", "classifier.irwm", "soft-labels.csv",
                "summary.csv", "summary.md");
        // Every round is a classifier model file; the last round, published as classifier.irwm, is what the workbench opens.
        Path model = dir.resolve(id + "-classifier.irwm");
        client.downloadArtifact(id, "classifier.irwm", model);
        irw.engine.PrototypicalClassifier last = irw.engine.ModelStore.loadClassifier(model);
        assertThat(last.classes()).isEqualTo(irw.core.ClassSet.DIGITS);
        Path soft = dir.resolve(id + "-soft-labels.csv");
        client.downloadArtifact(id, "soft-labels.csv", soft);
        irw.core.data.SoftLabels labels = irw.core.data.SoftLabels.read(soft);
        assertThat(labels.size()).isEqualTo(30);
        Path csv = dir.resolve(id + "-summary.csv");
        client.downloadArtifact(id, "summary.csv", csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("round,seed,base_seed,held_out_set,accuracy");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("1,").contains(",5,test,");
        assertThat(lines.get(2).split(",")[4]).isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", rounds.get(1).values().get("accuracy_test")));
    }

    @Test
    void aMicJobTrainsItsGeneratorsClassifiesTheHeldOutDigitsAndPublishesTheModelDirectory() throws Exception {
        // 10 generators x 1 Adam step (a SameDiff LSTM step takes about 1 s on 2 cores), then one
        // inversion per generator of the 20 test digits
        String id = client.submit(TinyDigits.micSpec(mnist,
                "\"types\": 1, \"hidden\": 4, \"iterations\": 1, \"copies\": 1, \"inversionSteps\": 2, \"trainPerClass\": 3", 9));
        JobView job = client.follow(id, TrainingJobsTestSupport.IGNORE);
        assertThat(job.state()).as("reason: %s", job.reason()).isEqualTo(JobState.FINISHED);
        assertThat(job.progress()).isEqualTo(1.0);
        List<MetricsPoint> history = client.metrics(id);
        List<MetricsPoint> training = history.stream().filter(p -> p.values().containsKey("loss")).toList();
        assertThat(training).extracting(MetricsPoint::step).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(training).extracting(p -> p.values().get("class")).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        List<MetricsPoint> inversions = history.stream().filter(p -> p.values().keySet().equals(java.util.Set.of("class"))).toList();
        assertThat(inversions).extracting(MetricsPoint::step).containsExactlyElementsOf(LongStream.rangeClosed(11, 20).boxed().toList());
        MetricsPoint last = history.get(history.size() - 1);
        assertThat(last.step()).isEqualTo(20);
        assertThat(last.values().get("accuracy_test")).isBetween(0.0, 1.0);
        assertThat(last.values()).containsKey("accuracy0_test");

        List<String> generators = IntStream.range(0, 10).mapToObj(k -> "generator-" + k + ".bin").toList();
        assertThat(job.artifacts()).contains("mic.json", "training.md", "summary.csv", "summary.md", "predictions.csv")
                .containsAll(generators).hasSize(15);
        Path model = dir.resolve(id + "-model");
        Files.createDirectories(model);
        for (String artifact : job.artifacts()) {
            client.downloadArtifact(id, artifact, model.resolve(artifact));
        }
        ModularInverseClassifier mic = MicModelFiles.load(model);
        assertThat(mic.config().seed()).isEqualTo(9);
        assertThat(mic.config().types()).isEqualTo(1);
        assertThat(mic.classes().size()).isEqualTo(10);
        assertThat(Files.readAllLines(model.resolve("predictions.csv"))).hasSize(21);
        assertThat(Files.readString(model.resolve("summary.csv"))).contains("test,all," + String.format(java.util.Locale.ROOT, "%.4f",
                last.values().get("accuracy_test")));
    }

    @Test
    void badFieldsAreAnswered400NamingTheField() throws Exception {
        Path notData = Files.createDirectories(dir.resolve("empty"));
        String mic = TinyDigits.micSpec(mnist, "", 1);
        String refinery = TinyDigits.labelRefinerySpec(mnist, "", 1);
        assertRefused(refinery.replace("\"digits\"", "\"train\""), "data.train");
        assertRefused(refinery.replace("{\"digits\": \"" + mnist + "\"}", "{}"), "data");
        assertRefused(refinery.replace("{\"digits\": \"" + mnist + "\"}", "{\"digits\": \"" + mnist + "\", \"xrd\": \"" + mnist + "\"}"), "data");
        assertRefused(refinery.replace(mnist.toString(), notData.toString()), "data.digits");
        assertRefused(refinery.replace(mnist.toString(), "relative/mnist"), "data.digits");
        assertRefused(refinery.replace("\"digits\": \"" + mnist, "\"xrd\": \"" + mnist), "data.xrd");
        assertRefused(TinyDigits.labelRefinerySpec(mnist, "\"rounds\": -1", 1), "hyperParameters.rounds");
        assertRefused(TinyDigits.labelRefinerySpec(mnist, "\"epochs\": 0", 1), "hyperParameters.epochs");
        assertRefused(TinyDigits.labelRefinerySpec(mnist, "\"hidden\": 256", 1), "hyperParameters.hidden");
        assertRefused(TinyDigits.labelRefinerySpec(mnist, "\"learningRate\": 0", 1), "hyperParameters.learningRate");
        assertRefused(TinyDigits.labelRefinerySpec(mnist, "\"alpha\": 1", 1), "hyperParameters.alpha");
        assertRefused(TinyDigits.labelRefinerySpec(mnist, "\"testPerClass\": -3", 1), "hyperParameters.testPerClass");
        assertRefused(refinery.replace(", \"seed\": 1", ""), "seed");
        assertRefused(TinyDigits.micSpec(mnist, "\"types\": 0", 1), "hyperParameters.types");
        assertRefused(TinyDigits.micSpec(mnist, "\"iterations\": \"many\"", 1), "hyperParameters.iterations");
        assertRefused(TinyDigits.micSpec(mnist, "\"selection\": \"best\"", 1), "hyperParameters.selection");
        assertRefused(TinyDigits.micSpec(mnist, "\"noiseIn\": -0.1", 1), "hyperParameters.noiseIn");
        assertRefused(TinyDigits.micSpec(mnist, "\"inversionRate\": 0", 1), "hyperParameters.inversionRate");
        assertRefused(TinyDigits.micSpec(mnist, "\"clip\": 1", 1), "hyperParameters.clip");
        assertRefused(TinyDigits.micSpec(mnist, "\"rounds\": 2", 1), "hyperParameters.rounds");
        assertRefused(mic.replace("\"seed\": 1", "\"seed\": \"one\""), "seed");
    }

    private static void assertRefused(String spec, String field) {
        assertThatThrownBy(() -> client.submit(spec)).as(spec).hasMessageContaining("HTTP 400").hasMessageContaining(field + ": ");
    }

    @Test
    void runningLabelRefineryAndMicJobsCanBeCancelled() throws Exception {
        String refinery = client.submit(TinyDigits.labelRefinerySpec(mnist, "\"rounds\": 50, \"epochs\": 1000, \"batch\": 1", 2));
        awaitStep(client, refinery, 3);
        client.cancel(refinery);
        JobView stopped = client.follow(refinery, TrainingJobsTestSupport.IGNORE);
        assertThat(stopped.state()).isEqualTo(JobState.KILLED);
        assertThat(stopped.artifacts()).isEmpty();

        String mic = client.submit(TinyDigits.micSpec(mnist, "\"types\": 1, \"hidden\": 4, \"iterations\": 100000, \"copies\": 1", 3));
        awaitStep(client, mic, 2);
        client.cancel(mic);
        JobView micStopped = client.follow(mic, TrainingJobsTestSupport.IGNORE);
        assertThat(micStopped.state()).isEqualTo(JobState.KILLED);
        assertThat(micStopped.reason()).contains("cancelled");
        assertThat(micStopped.step()).isLessThan(100_000);
    }

    @Test
    void aJobInterruptedByAShutdownRestartsFromTheStartAndFinishes() throws Exception {
        Path data = dir.resolve("restart-service");
        String id;
        long before;
        // 30 digits, 1 of each class per step: 3 steps an epoch; 100 epochs of model 0 -> 300 steps
        String spec = TinyDigits.labelRefinerySpec(mnist, "\"rounds\": 0, \"epochs\": 100, \"batch\": 1", 4);
        try (TrainingService first = TrainingService.start(ServiceConfig.local(data), EngineRunners.create())) {
            id = clientOf(first).submit(spec);
            awaitStep(clientOf(first), id, 5);
        }
        try (TrainingService second = TrainingService.start(ServiceConfig.local(data), EngineRunners.create())) {
            TrainingServiceClient c = clientOf(second);
            JobView done = c.follow(id, TrainingJobsTestSupport.IGNORE);
            assertThat(done.state()).as("reason: %s", done.reason()).isEqualTo(JobState.FINISHED);
            assertThat(done.attempts()).isEqualTo(2);
            List<MetricsPoint> history = c.metrics(id);
            int marker = IntStream.range(0, history.size()).filter(i -> history.get(i).isResumeMarker()).findFirst().orElseThrow();
            before = history.get(marker).step();
            assertThat(before).isBetween(5L, 299L);
            assertThat(history.subList(0, marker)).extracting(MetricsPoint::step)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, before).boxed().toList());
            MetricsPoint restart = history.get(marker + 1);
            assertThat(restart.step()).isZero();
            assertThat(restart.values()).containsEntry(FreshStart.RESTARTED, 2.0);
            assertThat(history.subList(marker + 2, history.size()).stream().filter(p -> p.values().containsKey("loss")).toList())
                    .extracting(MetricsPoint::step).containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
            assertThat(done.artifacts()).containsExactlyInAnyOrder("round-0.irwm", "classifier.irwm", "soft-labels.csv", "summary.csv", "summary.md");
        }
    }

    private static void awaitStep(TrainingServiceClient c, String id, long step) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (c.job(id).step() < step && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(c.job(id).step()).as("%s reached step %d", id, step).isGreaterThanOrEqualTo(step);
    }
}
