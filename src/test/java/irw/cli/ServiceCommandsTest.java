package irw.cli;

import irw.service.EngineRunners;
import irw.service.MetricsPoint;
import irw.service.ServiceConfig;
import irw.service.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client commands against a real service on 127.0.0.1. */
class ServiceCommandsTest {
    @TempDir
    Path dataDir;
    private TrainingService service;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void start() throws Exception {
        service = TrainingService.start(ServiceConfig.local(dataDir), EngineRunners.create());
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(stdout);
        System.setErr(stderr);
        service.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return IrwCommand.execute(args);
    }

    @Test
    void aBadSpecFileIsReportedWithItsField() throws Exception {
        Path spec = dataDir.resolve("spec.json");
        Files.writeString(spec, "{\"kind\": \"refiner\", \"data\": {\"train\": \"nothing-here.idx\"}, \"seed\": 1, \"colour\": \"red\"}");
        assertThat(run("submit", spec.toString(), "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 400").contains("colour");

        Files.writeString(spec, "{broken");
        assertThat(run("submit", spec.toString(), "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("spec.json").contains("not valid JSON");

        assertThat(run("submit", dataDir.resolve("missing.json").toString(), "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such spec file");
    }

    @Test
    void jobsAndCancelTalkToTheService() {
        assertThat(run("jobs", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("id").contains("state").contains("progress");
        assertThat(run("cancel", "job-7", "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 404").contains("job-7");
        assertThat(run("jobs", "--data-dir", dataDir.resolve("elsewhere").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no training service runs on");
    }

    @Test
    void relativeDataPathsAreResolvedAgainstTheSpecFile() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var spec = json.readTree("{\"data\": {\"train\": \"../sets/train.idx\", \"classifier\": \"/abs/c.model\"}}");
        SubmitCommand.absolutiseData(spec, Path.of("/work/specs"));
        assertThat(spec.get("data").get("train").asText()).isEqualTo("/work/sets/train.idx");
        assertThat(spec.get("data").get("classifier").asText()).isEqualTo("/abs/c.model");
    }

    @Test
    void theProgressLineShowsABarAndTheMetrics() {
        String line = WatchCommand.line(new MetricsPoint(5, MetricsPoint.METRICS, 1, 15, 60, Map.of("loss", 0.123456, "accuracy", 0.5), "t"));
        assertThat(line).startsWith("[########----------------------]  25.0% epoch 1 step 15/60")
                .contains("accuracy=0.5000").contains("loss=0.1235");
    }
}
