package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.api.HealthReport;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.JobEventListener;
import irw.service.client.ServiceException;
import irw.service.client.TrainingServiceClient;
import irw.service.store.JobStore;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP contract on a real server (127.0.0.1, a free port) over a real database file. */
class TrainingServiceApiTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dataDir;
    private TrainingService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private TrainingService start() throws Exception {
        service = TrainingService.start(ServiceConfig.local(dataDir), EngineRunners.create());
        return service;
    }

    private HttpResponse<String> call(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyEndpointNeedsTheTokenFromTheOwnerOnlyFile() throws Exception {
        start();
        Path tokenFile = dataDir.resolve("token");
        assertThat(Files.getPosixFilePermissions(tokenFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String token = Files.readString(tokenFile).trim();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40).isEqualTo(service.token());
        assertThat(Files.readString(dataDir.resolve("port")).trim()).isEqualTo(Integer.toString(service.port()));

        for (String path : List.of("/api/health", "/api/jobs", "/api/jobs/job-1", "/api/jobs/job-1/metrics",
                "/api/jobs/job-1/events", "/api/jobs/job-1/artifacts/model.zip", "/api/nothing-here")) {
            assertThat(call("GET", path, null, null).statusCode()).as("no token on " + path).isEqualTo(401);
            assertThat(call("GET", path, "Bearer wrong" + token, null).statusCode()).as("wrong token on " + path).isEqualTo(401);
            assertThat(call("GET", path, token, null).statusCode()).as("no 'Bearer' on " + path).isEqualTo(401);
        }
        assertThat(call("POST", "/api/jobs", "Bearer " + token.substring(1), "{}").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/jobs/job-1/cancel", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> denied = call("GET", "/api/health", null, null);
        assertThat(denied.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(denied.body()).contains("token").doesNotContain(token);

        HttpResponse<String> health = call("GET", "/api/health", "Bearer " + token, null);
        assertThat(health.statusCode()).isEqualTo(200);
        HealthReport report = json.readValue(health.body(), HealthReport.class);
        assertThat(report.state()).isEqualTo("serving");
        assertThat(report.backend()).isIn("CPU", "CUDA");
        assertThat(report.device()).isNotBlank();
        assertThat(report.memory().heapMaxBytes()).isPositive();
        assertThat(report.memory().heapUsedBytes()).isPositive();
        assertThat(report.concurrency()).isEqualTo(1);
        assertThat(report.kinds()).contains("classifier");
    }

    @Test
    void aBadSpecIsAnswered400NamingTheField() throws Exception {
        start();
        String auth = "Bearer " + service.token();
        for (Map.Entry<String, String> bad : Map.of(
                "{not json", "(body)",
                "{\"data\": {}, \"seed\": 1}", "kind",
                "{\"kind\": \"wavelets\", \"data\": {}, \"seed\": 1}", "kind",
                "{\"kind\": \"mic\", \"data\": {}, \"seed\": 1}", "data", // mic jobs run now: exactly one of digits, xrd
                "{\"kind\": \"refiner\", \"data\": {\"train\": \"/no/such.npz\", \"classifier\": \"job:job-1\"}, \"seed\": 1}", "data.train",
                "{\"kind\": \"classifier\", \"data\": {\"train\": \"" + TinyDigits.MNIST_TRAIN + "\"}, \"seed\": 1, \"hyperParameters\": {\"alpha\": -2}}",
                "hyperParameters.alpha",
                "{\"kind\": \"refiner\", \"data\": {\"train\": \"" + TinyDigits.MNIST_TRAIN + "\", \"classifier\": \"job:job-1\"}, \"seed\": 1}",
                "data.classifier").entrySet()) {
            HttpResponse<String> answer = call("POST", "/api/jobs", auth, bad.getKey());
            assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo(bad.getValue());
            assertThat(json.readTree(answer.body()).get("error").asText()).startsWith(bad.getValue() + ": ");
        }
        TrainingServiceClient client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
        assertThatThrownBy(() -> client.submit("{\"kind\": \"refiner\"}"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("HTTP 400").hasMessageContaining("data: required");
        assertThat(client.jobs()).isEmpty();
    }

    @Test
    void aClassifierJobTakesEitherAnIdealSetOrAStructureLibraryNotBoth() throws Exception {
        start();
        String auth = "Bearer " + service.token();
        Path library = Path.of("sample-data/structure-library/amcsd.cif.gz").toAbsolutePath();
        Path ownCifs = Path.of("sample-data/reference-structures").toAbsolutePath();
        for (String data : List.of("{}", "{\"train\": \"" + TinyDigits.MNIST_TRAIN + "\", \"structures\": \"" + library + "\"}",
                "{\"userCifs\": \"" + ownCifs + "\"}")) {
            HttpResponse<String> answer = call("POST", "/api/jobs", auth, "{\"kind\": \"classifier\", \"data\": " + data + ", \"seed\": 1}");
            assertThat(answer.statusCode()).as(data).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("error").asText()).as(data).contains("exactly one of [structures, train]");
        }
    }

    @Test
    void pathTraversalNeverReachesOutsideTheJobDirectory() throws Exception {
        String job = finishedJobWithHistory(3);
        Path model = dataDir.resolve("jobs").resolve(job).resolve("refiner.zip");
        Files.createDirectories(model.getParent());
        Files.write(model, new byte[]{1, 2, 3, 4});
        try (JobStore store = JobStore.open(dataDir.resolve("jobs.db"), json)) {
            store.addArtifact(job, "refiner.zip", "refiner.zip", 4);
            store.addArtifact(job, "tampered.zip", "../../token", 40);
        }
        start();
        String token = service.token();
        TrainingServiceClient client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), token);
        Path downloaded = dataDir.resolve("downloaded.zip");
        client.downloadArtifact(job, "refiner.zip", downloaded);
        assertThat(Files.readAllBytes(downloaded)).containsExactly(1, 2, 3, 4);
        assertThat(client.job(job).artifacts()).contains("refiner.zip");

        String base = "/api/jobs/" + job + "/artifacts/";
        for (String target : List.of(base + "../../token", base + "..%2F..%2Ftoken", base + "%2e%2e%2f%2e%2e%2ftoken",
                base + "%2e%2e", base + "..", base + "%2Fetc%2Fpasswd", base + "%252e%252e%252ftoken", base + "tampered.zip",
                base + "..%5c..%5ctoken", "/api/jobs/..%2F..%2Ftoken/artifacts/refiner.zip", "/api/jobs/../token",
                "/api/jobs/%2e%2e/artifacts/refiner.zip", base + "nosuch.zip")) {
            RawHttp.Answer answer = RawHttp.get(service.port(), target, token);
            assertThat(answer.status()).as(target).isIn(400, 404);
            assertThat(answer.text()).as(target).doesNotContain(token).doesNotContain("root:");
        }
        assertThat(RawHttp.get(service.port(), base + "refiner.zip", token).status()).isEqualTo(200);
    }

    @Test
    void eventsDeliverTheHistoryInOrderThenTheFinalState() throws Exception {
        String job = finishedJobWithHistory(40);
        start();
        TrainingServiceClient client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
        List<MetricsPoint> points = new ArrayList<>();
        List<JobState> states = new ArrayList<>();
        JobView last = client.follow(job, listener(points, states));
        assertThat(last.state()).isEqualTo(JobState.FINISHED);
        assertThat(states).containsExactly(JobState.FINISHED);
        assertThat(points).extracting(MetricsPoint::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(points).extracting(MetricsPoint::step).isSorted();
        assertThat(points.get(39).values()).containsEntry("loss", 1.0 / 40);
        assertThat(client.metrics(job)).isEqualTo(points);

        // The raw stream: named events with the history's sequence numbers as ids; Last-Event-ID resumes.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/jobs/" + job + "/events"))
                .header("Authorization", "Bearer " + service.token()).header("Accept", "text/event-stream")
                .header("Last-Event-ID", "37").build();
        HttpResponse<String> raw = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(raw.body()).contains("id: 38\nevent: metrics\n").contains("id: 40\n").doesNotContain("id: 37\n")
                .contains("event: state\n");
        assertThat(raw.body().indexOf("id: 38")).isLessThan(raw.body().indexOf("id: 39"));
        assertThat(raw.body().indexOf("id: 40")).isLessThan(raw.body().indexOf("event: state"));
    }

    @Test
    void cancellingAQueuedJobKillsIt_andUnknownOrEndedJobsAreErrors() throws Exception {
        String done = finishedJobWithHistory(1);
        start();
        TrainingServiceClient client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
        assertThatThrownBy(() -> client.cancel(done)).isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> client.job("job-404")).isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> client.metrics("not-a-job")).isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(404));
        assertThat(call("GET", "/api/jobs/" + done + "/events", "Bearer " + service.token(), null).statusCode()).isEqualTo(406);
    }

    @Test
    void refusesRemoteBindingWithoutTheFlag_andASecondServiceOnTheSameData() throws Exception {
        assertThatThrownBy(() -> new ServiceConfig(dataDir, "0.0.0.0", 0, false, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-remote");
        assertThat(new ServiceConfig(dataDir, "0.0.0.0", 0, true, 1).bind()).isEqualTo("0.0.0.0");
        start();
        assertThatThrownBy(() -> TrainingService.start(ServiceConfig.local(dataDir), EngineRunners.create()))
                .hasMessageContaining("already runs");
        assertThat(call("GET", "/api/health", "Bearer " + service.token(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRemoteBindingStillNeedsTheToken() throws Exception {
        service = TrainingService.start(new ServiceConfig(dataDir, "0.0.0.0", 0, true, 1), EngineRunners.create());
        assertThat(call("GET", "/api/jobs", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/jobs", "Bearer " + service.token(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aCorruptJobStoreIsReportedByNameAndLeavesTheDirectoryUsable() throws Exception {
        Files.writeString(dataDir.resolve("jobs.db"), "this is not a database, it is a text file of 60 bytes......");
        assertThatThrownBy(() -> TrainingService.start(ServiceConfig.local(dataDir), EngineRunners.create()))
                .hasMessageContaining("jobs.db");
        Files.delete(dataDir.resolve("jobs.db"));
        start(); // the lock was released: a fixed directory starts
        assertThat(call("GET", "/api/jobs", "Bearer " + service.token(), null).body()).isEqualTo("[]");
    }

    /** A FINISHED job with {@code steps} reports, written to the store the way a run writes them. */
    private String finishedJobWithHistory(int steps) {
        try (JobStore store = JobStore.open(dataDir.resolve("jobs.db"), json)) {
            String id = store.insert("refiner", json.createObjectNode().put("seed", 3));
            store.claimNext();
            for (int step = 1; step <= steps; step++) {
                store.appendMetrics(id, 0, step, steps, Map.of("loss", 1.0 / step, "accuracy", step / (double) steps));
            }
            store.finish(id, JobState.FINISHED, null);
            return id;
        }
    }

    private static JobEventListener listener(List<MetricsPoint> points, List<JobState> states) {
        return new JobEventListener() {
            @Override
            public void onState(JobView job) {
                states.add(job.state());
            }

            @Override
            public void onPoint(MetricsPoint point) {
                points.add(point);
            }
        };
    }
}
