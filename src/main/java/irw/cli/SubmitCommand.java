package irw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import irw.service.JobSpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;

/** Submits a job spec file and prints the new job's id. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a training job spec (JSON) to the service; prints the job id.")
final class SubmitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the job spec, a JSON file")
    Path specFile;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException("no such spec file: " + specFile);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode spec;
        try {
            spec = json.readTree(specFile.toFile());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(specFile + " is not valid JSON: " + e.getMessage(), e);
        }
        absolutiseData(spec, specFile.toAbsolutePath().getParent());
        System.out.println(service.client().submit(json.writeValueAsString(spec)));
        return 0;
    }

    /** Data paths in a spec file are relative to the file; the service needs them absolute ("job:" references stay). */
    static void absolutiseData(JsonNode spec, Path base) {
        if (spec instanceof ObjectNode root && root.get("data") instanceof ObjectNode data) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String value = e.getValue().isTextual() ? e.getValue().asText() : "";
                if (!value.isBlank() && !value.startsWith(JobSpecParser.JOB_REFERENCE) && !Path.of(value).isAbsolute()) {
                    e.setValue(data.textNode(base.resolve(value).normalize().toString()));
                }
            }
        }
    }
}
