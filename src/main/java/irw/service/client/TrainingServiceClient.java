package irw.service.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.AccessToken;
import irw.service.TrainingService;
import irw.service.api.HealthReport;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Java client of the training service's REST API and event stream (java.net.http), used by
 * the CLI and the workbench. Every call throws {@link ServiceException} with the service's own
 * message when it answers with an error.
 */
public final class TrainingServiceClient {
    private static final int MAX_RECONNECTS = 5;
    private static final int SUBMIT_ATTEMPTS = 3;
    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param base e.g. {@code http://127.0.0.1:41234} */
    public TrainingServiceClient(URI base, String token) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client for the service running on a data directory (it wrote its port and token there). */
    public static TrainingServiceClient forDataDir(Path dataDir) {
        try {
            String port = Files.readString(dataDir.resolve(TrainingService.PORT_FILE)).trim();
            return new TrainingServiceClient(URI.create("http://127.0.0.1:" + Integer.parseInt(port)), AccessToken.readFrom(dataDir));
        } catch (IOException | NumberFormatException e) {
            throw new ServiceException(0, "no training service runs on " + dataDir + " (no readable port/token file there;"
                    + " start one with 'serve --data-dir " + dataDir + "')", e);
        }
    }

    public URI base() {
        return base;
    }

    public HealthReport health() {
        return get("/api/health", new TypeReference<>() {
        });
    }

    /**
     * Submits a job spec (JSON) and returns the new job's id. The submission carries a request id of
     * its own ({@code Idempotency-Key}); when the answer is lost (the connection broke) it is sent
     * again with the same id, and the service answers the job the first attempt created instead of
     * starting it twice.
     */
    public String submit(String specJson) {
        return submit(specJson, java.util.UUID.randomUUID().toString());
    }

    /** {@link #submit(String)} with the caller's request id (for a caller that retries across runs). */
    public String submit(String specJson, String requestId) {
        HttpRequest request = request("/api/jobs").header("Content-Type", "application/json").header("Idempotency-Key", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(specJson, StandardCharsets.UTF_8)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 400) {
                    throw error(response.statusCode(), response.body());
                }
                JsonNode answer = json.readTree(response.body());
                return answer.get("id").asText();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ServiceException(0, "the service's answer to a submission is not JSON: " + e.getOriginalMessage(), e);
            } catch (ConnectException e) {
                throw unreachable(e); // nothing was sent: no job to find again
            } catch (IOException e) {
                if (attempt >= SUBMIT_ATTEMPTS) {
                    throw unreachable(e);
                }
                sleepBeforeRetry(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException(0, "interrupted while submitting a job", e);
            }
        }
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(0, "interrupted while submitting a job", e);
        }
    }

    public List<JobView> jobs() {
        return get("/api/jobs", new TypeReference<>() {
        });
    }

    public JobView job(String id) {
        return get("/api/jobs/" + segment(id), new TypeReference<>() {
        });
    }

    public List<MetricsPoint> metrics(String id) {
        return get("/api/jobs/" + segment(id) + "/metrics", new TypeReference<>() {
        });
    }

    /** Cancels a job; answers the job as it is right after the request (KILLED, or RUNNING while it stops). */
    public JobView cancel(String id) {
        HttpRequest request = request("/api/jobs/" + segment(id) + "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build();
        return parse(send(request), new TypeReference<>() {
        });
    }

    /** Downloads one of a job's model files to {@code target}. */
    public void downloadArtifact(String id, String name, Path target) {
        HttpRequest request = request("/api/jobs/" + segment(id) + "/artifacts/" + segment(name)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw error(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                irw.core.io.AtomicFiles.write(target, in::transferTo);
            }
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(0, "interrupted while downloading " + name, e);
        }
    }

    /** A job followed on a background thread; closing it stops following (not the job). */
    public interface Following extends AutoCloseable {
        /** Completes with the job's final state, or exceptionally when following failed or was closed. */
        java.util.concurrent.CompletableFuture<JobView> done();

        @Override
        void close();
    }

    /**
     * Follows a job on a daemon thread (the listener is called there: a GUI hands the events to
     * its own thread). For the workbench's Training view.
     */
    public Following followInBackground(String id, JobEventListener listener) {
        java.util.concurrent.CompletableFuture<JobView> done = new java.util.concurrent.CompletableFuture<>();
        InputStream[] open = new InputStream[1];
        boolean[] closed = {false};
        Thread thread = new Thread(() -> {
            try {
                done.complete(follow(id, listener, in -> {
                    synchronized (open) {
                        if (closed[0]) {
                            return false;
                        }
                        open[0] = in;
                        return true;
                    }
                }));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "irw-follow-" + id);
        thread.setDaemon(true);
        thread.start();
        return new Following() {
            @Override
            public java.util.concurrent.CompletableFuture<JobView> done() {
                return done;
            }

            @Override
            public void close() {
                synchronized (open) {
                    closed[0] = true;
                    if (open[0] != null) {
                        try {
                            open[0].close();
                        } catch (IOException ignored) {
                            // closing is all we wanted
                        }
                    }
                }
                thread.interrupt();
                done.completeExceptionally(new java.util.concurrent.CancellationException("stopped following " + id));
            }
        };
    }

    /**
     * Follows a job's event stream until the job ends, and returns its final state. Reconnects
     * (continuing after the last event seen) if the connection drops.
     */
    public JobView follow(String id, JobEventListener listener) {
        return follow(id, listener, in -> true);
    }

    private JobView follow(String id, JobEventListener listener, java.util.function.Predicate<InputStream> opened) {
        long lastId = 0;
        JobView[] last = new JobView[1];
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder builder = request("/api/jobs/" + segment(id) + "/events").header("Accept", "text/event-stream").GET();
            if (lastId > 0) {
                builder.header("Last-Event-ID", Long.toString(lastId));
            }
            long[] seen = {lastId};
            try {
                HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() != 200) {
                        throw error(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                    if (!opened.test(in)) {
                        throw new ServiceException(0, "stopped following " + id, null);
                    }
                    SseReader.read(in, event -> {
                        if ("state".equals(event.name())) {
                            last[0] = json.readValue(event.data(), JobView.class);
                            listener.onState(last[0]);
                            return !last[0].state().isFinal();
                        }
                        if (MetricsPoint.METRICS.equals(event.name()) || MetricsPoint.RESUMED.equals(event.name())) {
                            MetricsPoint point = json.readValue(event.data(), MetricsPoint.class);
                            seen[0] = point.seq();
                            listener.onPoint(point);
                        }
                        return true;
                    });
                }
                if (last[0] != null && last[0].state().isFinal()) {
                    return last[0];
                }
            } catch (IOException e) {
                if (attempt >= MAX_RECONNECTS || Thread.currentThread().isInterrupted()) {
                    throw unreachable(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException(0, "interrupted while following " + id, e);
            }
            if (attempt >= MAX_RECONNECTS) {
                throw new ServiceException(0, "the event stream of " + id + " kept ending before the job did", null);
            }
            lastId = seen[0];
            pause(attempt);
        }
    }

    private <T> T get(String path, TypeReference<T> type) {
        return parse(send(request(path).GET().build()), type);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw error(response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(0, "interrupted while calling " + request.uri(), e);
        }
    }

    private <T> T parse(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ServiceException(response.statusCode(), "unexpected answer from " + response.uri() + ": " + e.getMessage(), e);
        }
    }

    private ServiceException error(int status, String body) {
        String message = body;
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.hasNonNull("error")) {
                message = node.get("error").asText();
            }
        } catch (IOException ignored) {
            // not JSON: show the body as it is
        }
        return new ServiceException(status, "HTTP " + status + ": " + message, null);
    }

    private ServiceException unreachable(IOException e) {
        String why = e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage());
        return new ServiceException(0, "cannot reach the training service at " + base + ": " + why, e);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * (attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
