package irw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.EngineRunners;
import irw.service.JobKind;
import irw.service.JobSpec;
import irw.service.JobSpecParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example specs in sample-data/jobs are valid specs of the service, as {@code submit} sends them. */
class SampleJobSpecsTest {
    private static final Path JOBS = Path.of("sample-data", "jobs").toAbsolutePath();

    @Test
    void everyKindHasAnExampleSpecThatTheServiceAccepts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JobSpecParser parser = new JobSpecParser(json, EngineRunners.create().dataRoles());
        for (JobKind kind : JobKind.values()) {
            Path file = JOBS.resolve(kind.wireName() + ".json");
            JsonNode spec = json.readTree(file.toFile());
            SubmitCommand.absolutiseData(spec, file.getParent());
            JobSpec parsed = parser.parse(spec);
            assertThat(parsed.kind()).as(file.toString()).isEqualTo(kind);
            assertThat(parsed.seed()).isEqualTo(1);
            assertThat(parsed.data().values()).allSatisfy(p -> assertThat(p).startsWith(JOBS.getParent()));
        }
    }
}
