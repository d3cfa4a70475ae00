package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.api.JobView;
import irw.service.client.TrainingServiceClient;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 9 and 14 on a real server on loopback over a real job store: request bodies are
 * capped however they are sent (the probe's chunked 50 MB body was accepted), names and strings
 * are capped (a 10 MB name made every job list 12 MB), and a submission retried after a lost
 * answer does not start the job twice.
 */
class RequestLimitsTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private TrainingService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private void start() throws Exception {
        // the jobs submitted here are one step of a tiny real classifier
        service = TrainingService.start(ServiceConfig.local(dir.resolve("service")), new JobRunners(Map.of(JobKind.CLASSIFIER,
                new ClassifierJobRunner())));
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnswered413AndNothingIsStored() throws Exception {
        start();
        // the probe's 50 MB chunked body: a JSON string that never ends, sent in 64 KB chunks without a length
        String answer = chunkedPost("/api/jobs", 50L << 20);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("over the 1 MB limit");
        assertThat(service.store().list()).isEmpty();
        HttpResponse<String> health = get("/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        // a declared length over the limit is refused too, before its body is read
        HttpResponse<String> declared = post("/api/jobs", "{\"name\": \"" + "x".repeat(1_100_000) + "\"}", Map.of());
        assertThat(declared.statusCode()).isEqualTo(413);
    }

    @Test
    void longNamesAndStringsAreRefusedNamingTheField() throws Exception {
        start();
        Path images = TinyDigits.write(dir, 1);
        String spec = TinyDigits.classifierSpec(images, 1, 1, 3);
        HttpResponse<String> name = post("/api/jobs", spec.replace("{\"kind\"", "{\"name\": \"" + "n".repeat(900_000) + "\", \"kind\""), Map.of());
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(json.readTree(name.body()).get("field").asText()).isEqualTo("name");
        assertThat(name.body()).contains("too long: 900000 characters, at most 200").hasSizeLessThan(1000);
        HttpResponse<String> path = post("/api/jobs", spec.replace(images.toString(), "/" + "p".repeat(5000)), Map.of());
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(json.readTree(path.body()).get("field").asText()).isEqualTo("data.train");
        assertThat(path.body()).hasSizeLessThan(1000);
        HttpResponse<String> field = post("/api/jobs", spec.replace("{\"kind\"", "{\"" + "f".repeat(40_000) + "\": 1, \"kind\""), Map.of());
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.body()).contains("unknown field", "(40000 characters)").hasSizeLessThan(1000);
        assertThat(service.store().list()).isEmpty();
    }

    @Test
    void aRepeatedRequestIdAnswersTheSameJob_evenAfterARestart() throws Exception {
        start();
        String spec = TinyDigits.classifierSpec(TinyDigits.write(dir, 1), 1, 1, 3);
        Map<String, String> key = Map.of("Idempotency-Key", "2c7c1a60-5d5b-4b0e-9f57-ffb0f1c1c0aa");
        HttpResponse<String> first = post("/api/jobs", spec, key);
        assertThat(first.statusCode()).isEqualTo(201);
        String id = json.readTree(first.body()).get("id").asText();
        HttpResponse<String> again = post("/api/jobs", spec, key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("id").asText()).isEqualTo(id);
        assertThat(json.readTree(again.body()).get("replayed").asBoolean()).isTrue();
        HttpResponse<String> otherSpec = post("/api/jobs", spec.replace("\"seed\": 3", "\"seed\": 4"), key);
        assertThat(otherSpec.statusCode()).isEqualTo(422);
        assertThat(otherSpec.body()).contains("already used for " + id);
        assertThat(post("/api/jobs", spec, Map.of("Idempotency-Key", "no spaces allowed")).statusCode()).isEqualTo(400);
        assertThat(service.store().list()).extracting(JobView::id).containsExactly(id);

        service.close();
        start();
        HttpResponse<String> afterRestart = post("/api/jobs", spec, key);
        assertThat(afterRestart.statusCode()).isEqualTo(200);
        assertThat(json.readTree(afterRestart.body()).get("id").asText()).isEqualTo(id);
        // without a key, each submission is a job of its own
        assertThat(post("/api/jobs", spec, Map.of()).statusCode()).isEqualTo(201);
        assertThat(service.store().list()).hasSize(2);
    }

    @Test
    void theClientRetriesASubmissionWhoseAnswerWasLostAndTheJobStartsOnce() throws Exception {
        start();
        String spec = TinyDigits.classifierSpec(TinyDigits.write(dir, 1), 1, 1, 3);
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(service.port())) {
            TrainingServiceClient client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + proxy.port()), service.token());
            String id = client.submit(spec);
            assertThat(proxy.connections.get()).as("the first answer was lost, the retry got through").isEqualTo(2);
            assertThat(service.store().list()).extracting(JobView::id).containsExactly(id);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + service.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + service.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code bytes} of body with Transfer-Encoding: chunked, stopping when the server answers or closes. */
    private String chunkedPost(String path, long bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + service.token()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 << 10];
            Arrays.fill(chunk, (byte) 'a');
            chunk[0] = '{';
            try {
                out.write(("10000\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write("{\"name\": \"".getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk, 10, chunk.length - 10);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                chunk[0] = 'a';
                for (long sent = chunk.length; sent < bytes; sent += chunk.length) {
                    out.write(("10000\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedByTheServer) {
                // it answered and closed before the whole body was sent: what a capped server does
            }
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(4096);
            return new String(head, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * A loopback TCP proxy in front of the service that forwards the first connection's request but
     * closes it without passing on the answer (a lost answer); later connections pass through.
     */
    private static final class AnswerDroppingProxy implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final int target;
        private final Thread acceptor;

        AnswerDroppingProxy(int target) throws IOException {
            this.target = target;
            acceptor = new Thread(this::accept, "answer-dropping-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    boolean drop = connections.incrementAndGet() == 1;
                    Thread t = new Thread(() -> relay(client, drop), "proxy-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void relay(Socket client, boolean dropAnswer) {
            try (client; Socket upstream = new Socket("127.0.0.1", target)) {
                Thread up = new Thread(() -> pump(client, upstream), "proxy-up");
                up.setDaemon(true);
                up.start();
                InputStream fromService = upstream.getInputStream();
                if (dropAnswer) {
                    fromService.read(); // the service has handled the request and begun its answer
                    client.setSoLinger(true, 0); // then the connection breaks: the client never sees the answer
                    return;
                }
                fromService.transferTo(client.getOutputStream());
            } catch (IOException ignored) {
                // a side closed: the connection is over
            }
        }

        private static void pump(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ignored) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
