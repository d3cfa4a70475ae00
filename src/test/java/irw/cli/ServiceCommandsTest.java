package irw.cli;

import irw.service.EngineRunners;
import irw.service.ServiceConfig;
import irw.service.TrainingService;
import irw.service.api.MetricsPoint;
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
    void submitAndWatchATinyRefinerJobUntilItFinishes() throws Exception {
        Path tiny = irw.testsupport.TinyDigits.write(dataDir, 2);
        Path classifierSpec = dataDir.resolve("classifier.json");
        Files.writeString(classifierSpec, irw.testsupport.TinyDigits.classifierSpec(tiny, 3, 1, 31)
                .replace(tiny.toString(), tiny.getFileName().toString())); // relative to the spec file
        assertThat(run("submit", classifierSpec.toString(), "--data-dir", dataDir.toString())).isZero();
        String classifierJob = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(classifierJob).matches("job-[0-9]+");
        assertThat(run("watch", classifierJob, "--data-dir", dataDir.toString())).as("%s", out).isZero();

        Path refinerSpec = dataDir.resolve("refiner.json");
        Files.writeString(refinerSpec, irw.testsupport.TinyDigits.refinerSpec(tiny, "job:" + classifierJob, 3, 32));
        assertThat(run("submit", refinerSpec.toString(), "--data-dir", dataDir.toString())).as("%s", err).isZero();
        String refinerJob = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(run("watch", refinerJob, "--data-dir", dataDir.toString())).as("%s", out).isZero();
        String watched = out.toString(StandardCharsets.UTF_8);
        assertThat(watched).contains("[##########--------------------]  33.3% epoch 0 step 1/3")
                .contains("[##############################] 100.0% epoch 0 step 3/3").contains(refinerJob + " FINISHED");
        assertThat(watched.indexOf("step 1/3")).isLessThan(watched.indexOf("step 2/3"));

        assertThat(run("jobs", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(refinerJob + " +refiner +FINISHED +100.0% +3/3");
        assertThat(run("cancel", refinerJob, "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("409").contains("already ended");
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
        var spec = json.readTree("{\"data\": {\"train\": \"../sets/train.idx\", \"classifier\": \"/abs/c.model\", \"test\": \"job:job-2\"}}");
        SubmitCommand.absolutiseData(spec, Path.of("/work/specs"));
        assertThat(spec.get("data").get("train").asText()).isEqualTo("/work/sets/train.idx");
        assertThat(spec.get("data").get("classifier").asText()).isEqualTo("/abs/c.model");
        assertThat(spec.get("data").get("test").asText()).isEqualTo("job:job-2");
    }

    @Test
    void theProgressLineShowsABarAndTheMetrics() {
        String line = WatchCommand.line(new MetricsPoint(5, MetricsPoint.METRICS, 1, 15, 60, Map.of("loss", 0.123456, "accuracy", 0.5), "t"));
        assertThat(line).startsWith("[########----------------------]  25.0% epoch 1 step 15/60")
                .contains("accuracy=0.5000").contains("loss=0.1235");
    }
}
