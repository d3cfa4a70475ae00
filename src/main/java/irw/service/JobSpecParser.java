package irw.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static irw.service.SpecFields.integral;
import static irw.service.SpecFields.rejectUnknown;
import static irw.service.SpecFields.text;

/**
 * Reads and fully validates a job spec. Every problem is reported as an
 * {@link InvalidJobSpecException} naming the field. The JSON form:
 * <pre>
 * {"kind": "refiner", "name": "optional label",
 *  "data": {"train": "/abs/imperfect.bin", "classifier": "/abs/classifier.zip"},
 *  "hyperParameters": {"alpha": 1.0, "beta": 1.0, "lambda": 0.1, "targeted": true,
 *                      "epochs": 10, "batch": 32, "learningRate": 0.001, "modelSize": "small",
 *                      "p": 1, "featureSpaceReg": false, "stepsPerEpoch": 0},
 *  "seed": 42, "checkpointEvery": 50}
 * </pre>
 * A label-refinery or mic job names its data as the CLI's {@code --data digits|xrd --data-dir DIR}
 * does: {@code "data": {"digits": "/abs/mnist"}} or {@code {"xrd": "/abs/datasets/xrd"}}, and its
 * {@code hyperParameters} are those of {@link RefinerySettings} or {@link MicSettings}.
 * A data reference {@code "job:job-3"} names the model file that finished job published for that
 * role ({@code "classifier": "job:job-3"} is job-3's {@code classifier.irwm}); the stored spec
 * holds the resolved absolute path.
 * Unknown fields are errors (a typo must not silently fall back to a default). Missing
 * hyper-parameters take the kind's defaults ({@link JobSettingsReader}); the seed is required so that every run
 * is reproducible.
 */
public final class JobSpecParser {
    static final Set<String> TOP_LEVEL = Set.of("kind", "name", "data", "hyperParameters", "seed", "checkpointEvery");

    public static final String JOB_REFERENCE = "job:";
    /** A job's name is a label in lists: every GET /api/jobs carries it. */
    static final int MAX_NAME = 200;
    private final ObjectMapper json;
    private final Map<JobKind, DataRoles> rolesByKind;
    private final JobReferences jobs;

    /** @param rolesByKind the kinds this service can run, with the data roles each needs */
    public JobSpecParser(ObjectMapper json, Map<JobKind, DataRoles> rolesByKind) {
        this(json, rolesByKind, (jobId, role, field) -> {
            throw new InvalidJobSpecException(field, "job references need a running service");
        });
    }

    public JobSpecParser(ObjectMapper json, Map<JobKind, DataRoles> rolesByKind, JobReferences jobs) {
        this.json = json;
        this.rolesByKind = Map.copyOf(rolesByKind);
        this.jobs = jobs;
    }

    /** Resolves {@code "job:<id>"} data references to the model file a finished job published. */
    @FunctionalInterface
    public interface JobReferences {
        Path modelFile(String jobId, String role, String field) throws InvalidJobSpecException;
    }

    /**
     * The data references a kind needs and may take.
     *
     * @param learningSets roles of which a spec names exactly one: a directory of the
     *                     {@link LearningData} kind of the role's name ("digits" or "xrd"), from
     *                     which the job reads its training and held-out sets
     */
    public record DataRoles(Set<String> required, Set<String> optional, Set<String> learningSets, Set<String> exactlyOneOf) {
        public DataRoles {
            required = Set.copyOf(required);
            optional = Set.copyOf(optional);
            learningSets = Set.copyOf(learningSets);
            exactlyOneOf = Set.copyOf(exactlyOneOf);
        }

        public DataRoles(Set<String> required, Set<String> optional, Set<String> learningSets) {
            this(required, optional, learningSets, Set.of());
        }

        public DataRoles(Set<String> required, Set<String> optional) {
            this(required, optional, Set.of(), Set.of());
        }

        /** Exactly one of {@code "digits"} (MNIST IDX files) or {@code "xrd"} (a {@code dataset xrd} directory). */
        public static DataRoles learningSet() {
            return new DataRoles(Set.of(), Set.of(), Set.of(LearningData.DIGITS, LearningData.XRD));
        }

        boolean allows(String role) {
            return required.contains(role) || optional.contains(role) || learningSets.contains(role);
        }

        private String expected() {
            if (!learningSets.isEmpty()) {
                return "exactly one of " + new TreeSet<>(learningSets) + " (a data directory)";
            }
            return new TreeSet<>(required) + (optional.isEmpty() ? "" : " and optionally " + new TreeSet<>(optional));
        }
    }

    public JobSpec parse(String body) throws InvalidJobSpecException {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidJobSpecException("(body)", "not valid JSON: " + e.getOriginalMessage());
        }
        return parse(root);
    }

    public JobSpec parse(JsonNode root) throws InvalidJobSpecException {
        if (root == null || !root.isObject()) {
            throw new InvalidJobSpecException("(body)", "a job spec must be a JSON object");
        }
        rejectUnknown(root, TOP_LEVEL, "");
        JobKind kind = kind(root.get("kind"));
        String name = root.has("name") ? text(root.get("name"), "name", MAX_NAME) : "";
        Map<String, Path> data = data(root.get("data"), kind);
        JobSettings settings = JobSettingsReader.read(root.get("hyperParameters"), kind);
        if (!root.has("seed")) {
            throw new InvalidJobSpecException("seed", "required (every run records its seed)");
        }
        long seed = integral(root.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int checkpointEvery = root.has("checkpointEvery")
                ? (int) integral(root.get("checkpointEvery"), "checkpointEvery", 1, 1_000_000) : 50;
        return new JobSpec(kind, name, data, settings, seed, checkpointEvery);
    }

    /** The normalised spec (defaults filled in) as stored with the job and shown by the API. */
    public ObjectNode toJson(JobSpec spec) {
        ObjectNode root = json.createObjectNode();
        root.put("kind", spec.kind().wireName());
        root.put("name", spec.name());
        ObjectNode data = root.putObject("data");
        new java.util.TreeMap<>(spec.data()).forEach((role, path) -> data.put(role, path.toString()));
        root.set("hyperParameters", json.valueToTree(spec.settings()));
        root.put("seed", spec.seed());
        root.put("checkpointEvery", spec.checkpointEvery());
        return root;
    }

    private JobKind kind(JsonNode node) throws InvalidJobSpecException {
        if (node == null) {
            throw new InvalidJobSpecException("kind", "required, one of " + available());
        }
        String name = text(node, "kind");
        JobKind kind = JobKind.fromWireName(name)
                .orElseThrow(() -> new InvalidJobSpecException("kind", "unknown kind '" + name + "', expected one of " + available()));
        if (!rolesByKind.containsKey(kind)) {
            throw new InvalidJobSpecException("kind", "'" + name + "' is not available in this service yet; available: " + available());
        }
        return kind;
    }

    private Map<String, Path> data(JsonNode node, JobKind kind) throws InvalidJobSpecException {
        DataRoles roles = rolesByKind.get(kind);
        if (node == null || !node.isObject()) {
            throw new InvalidJobSpecException("data", "required object with " + roles.expected());
        }
        Set<String> named = new TreeSet<>();
        node.fieldNames().forEachRemaining(named::add);
        for (String role : named) {
            if (!roles.allows(role)) {
                throw new InvalidJobSpecException("data." + SpecFields.shown(role), "not a data role of a " + kind.wireName() + " job; expected "
                        + roles.expected());
            }
        }
        if (!roles.exactlyOneOf().isEmpty() && named.stream().filter(roles.exactlyOneOf()::contains).count() != 1) {
            throw new InvalidJobSpecException("data", "a " + kind.wireName() + " job takes exactly one of " + new TreeSet<>(roles.exactlyOneOf())
                    + ", got " + named);
        }
        if (!roles.learningSets().isEmpty() && named.stream().filter(roles.learningSets()::contains).count() != 1) {
            throw new InvalidJobSpecException("data", "a " + kind.wireName() + " job takes " + roles.expected() + ", got " + named);
        }
        Map<String, Path> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String role = it.next();
            String field = "data." + role;
            JsonNode value = node.get(role);
            if (roles.learningSets().contains(role)) {
                Path dir = existingAbsolutePath(value, field);
                Optional<String> problem = LearningData.problem(role, dir);
                if (problem.isPresent()) {
                    throw new InvalidJobSpecException(field, problem.get());
                }
                out.put(role, dir);
            } else if (value != null && value.isTextual() && value.textValue().startsWith(JOB_REFERENCE)) {
                out.put(role, jobs.modelFile(value.textValue().substring(JOB_REFERENCE.length()), role, field));
            } else {
                out.put(role, existingAbsolutePath(value, field));
            }
        }
        for (String role : new TreeSet<>(roles.required())) {
            if (!out.containsKey(role)) {
                throw new InvalidJobSpecException("data." + role, "required for a " + kind.wireName() + " job");
            }
        }
        return out;
    }

    private static Path existingAbsolutePath(JsonNode node, String field) throws InvalidJobSpecException {
        String text = text(node, field);
        if (text.isBlank()) {
            throw new InvalidJobSpecException(field, "empty path");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidJobSpecException(field, "not a valid path: " + e.getMessage());
        }
        if (!path.isAbsolute()) {
            throw new InvalidJobSpecException(field, "must be an absolute path (the service may run in another directory): " + text);
        }
        if (!Files.exists(path)) {
            throw new InvalidJobSpecException(field, "no such file or directory: " + text);
        }
        if (!Files.isReadable(path)) {
            throw new InvalidJobSpecException(field, "not readable: " + text);
        }
        return path.normalize();
    }

    private String available() {
        return rolesByKind.keySet().stream().map(JobKind::wireName).sorted().toList().toString();
    }
}
