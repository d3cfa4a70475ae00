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
import java.util.Set;
import java.util.TreeSet;

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
 * A data reference {@code "job:job-3"} names the model file that finished job published for that
 * role ({@code "classifier": "job:job-3"} is job-3's {@code classifier.irwm}); the stored spec
 * holds the resolved absolute path.
 * Unknown fields are errors (a typo must not silently fall back to a default). Missing
 * hyper-parameters take {@link HyperParameters#DEFAULTS}; the seed is required so that every run
 * is reproducible.
 */
public final class JobSpecParser {
    static final Set<String> TOP_LEVEL = Set.of("kind", "name", "data", "hyperParameters", "seed", "checkpointEvery");
    static final Set<String> HYPER = Set.of("alpha", "beta", "lambda", "targeted", "epochs", "batch", "learningRate", "modelSize", "p",
            "featureSpaceReg", "stepsPerEpoch");
    static final Set<String> MODEL_SIZES = Set.of("small", "vgg19", "densenet121");

    public static final String JOB_REFERENCE = "job:";
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

    /** The data references a kind needs and may take. */
    public record DataRoles(Set<String> required, Set<String> optional) {
        public DataRoles {
            required = Set.copyOf(required);
            optional = Set.copyOf(optional);
        }

        boolean allows(String role) {
            return required.contains(role) || optional.contains(role);
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
        String name = root.has("name") ? text(root.get("name"), "name") : "";
        Map<String, Path> data = data(root.get("data"), kind);
        HyperParameters hyper = hyperParameters(root.get("hyperParameters"));
        if (!root.has("seed")) {
            throw new InvalidJobSpecException("seed", "required (every run records its seed)");
        }
        long seed = integral(root.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int checkpointEvery = root.has("checkpointEvery")
                ? (int) integral(root.get("checkpointEvery"), "checkpointEvery", 1, 1_000_000) : 50;
        return new JobSpec(kind, name, data, hyper, seed, checkpointEvery);
    }

    /** The normalised spec (defaults filled in) as stored with the job and shown by the API. */
    public ObjectNode toJson(JobSpec spec) {
        ObjectNode root = json.createObjectNode();
        root.put("kind", spec.kind().wireName());
        root.put("name", spec.name());
        ObjectNode data = root.putObject("data");
        new java.util.TreeMap<>(spec.data()).forEach((role, path) -> data.put(role, path.toString()));
        root.set("hyperParameters", json.valueToTree(spec.hyperParameters()));
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
            throw new InvalidJobSpecException("data", "required object with " + roles.required());
        }
        Map<String, Path> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String role = it.next();
            String field = "data." + role;
            if (!roles.allows(role)) {
                throw new InvalidJobSpecException(field, "not a data role of a " + kind.wireName() + " job; expected "
                        + new TreeSet<>(roles.required()) + (roles.optional().isEmpty() ? "" : " and optionally " + new TreeSet<>(roles.optional())));
            }
            JsonNode value = node.get(role);
            if (value != null && value.isTextual() && value.textValue().startsWith(JOB_REFERENCE)) {
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

    private static HyperParameters hyperParameters(JsonNode node) throws InvalidJobSpecException {
        HyperParameters d = HyperParameters.DEFAULTS;
        if (node == null) {
            return d;
        }
        if (!node.isObject()) {
            throw new InvalidJobSpecException("hyperParameters", "must be an object");
        }
        rejectUnknown(node, HYPER, "hyperParameters.");
        String p = "hyperParameters.";
        double alpha = node.has("alpha") ? finite(node.get("alpha"), p + "alpha", 0, 1e6) : d.alpha();
        double beta = node.has("beta") ? finite(node.get("beta"), p + "beta", 0, 1e6) : d.beta();
        double lambda = node.has("lambda") ? finite(node.get("lambda"), p + "lambda", 0, 1e6) : d.lambda();
        boolean targeted = node.has("targeted") ? bool(node.get("targeted"), p + "targeted") : d.targeted();
        boolean featureSpaceReg = node.has("featureSpaceReg") ? bool(node.get("featureSpaceReg"), p + "featureSpaceReg") : d.featureSpaceReg();
        int norm = node.has("p") ? (int) integral(node.get("p"), p + "p", 1, 2) : d.p();
        int stepsPerEpoch = node.has("stepsPerEpoch") ? (int) integral(node.get("stepsPerEpoch"), p + "stepsPerEpoch", 0, 10_000_000)
                : d.stepsPerEpoch();
        int epochs = node.has("epochs") ? (int) integral(node.get("epochs"), p + "epochs", 1, 100_000) : d.epochs();
        int batch = node.has("batch") ? (int) integral(node.get("batch"), p + "batch", 1, 65_536) : d.batch();
        double lr = node.has("learningRate") ? finite(node.get("learningRate"), p + "learningRate", 0, 10) : d.learningRate();
        if (lr <= 0) {
            throw new InvalidJobSpecException(p + "learningRate", "must be greater than 0, was " + lr);
        }
        String size = node.has("modelSize") ? text(node.get("modelSize"), p + "modelSize") : d.modelSize();
        if (!MODEL_SIZES.contains(size)) {
            throw new InvalidJobSpecException(p + "modelSize", "unknown size '" + size + "', expected one of " + new TreeSet<>(MODEL_SIZES));
        }
        return new HyperParameters(alpha, beta, lambda, targeted, epochs, batch, lr, size, norm, featureSpaceReg, stepsPerEpoch);
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix) throws InvalidJobSpecException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new InvalidJobSpecException(prefix + name, "unknown field; expected one of " + new TreeSet<>(known));
            }
        }
    }

    private static boolean bool(JsonNode node, String field) throws InvalidJobSpecException {
        if (node == null || !node.isBoolean()) {
            throw new InvalidJobSpecException(field, "must be true or false");
        }
        return node.booleanValue();
    }

    private static String text(JsonNode node, String field) throws InvalidJobSpecException {
        if (node == null || !node.isTextual()) {
            throw new InvalidJobSpecException(field, "must be a string");
        }
        return node.textValue();
    }

    private static double finite(JsonNode node, String field, double min, double max) throws InvalidJobSpecException {
        if (node == null || !node.isNumber()) {
            throw new InvalidJobSpecException(field, "must be a number");
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new InvalidJobSpecException(field, "must be between " + min + " and " + max + ", was " + node.asText());
        }
        return v;
    }

    private static long integral(JsonNode node, String field, long min, long max) throws InvalidJobSpecException {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidJobSpecException(field, "must be a whole number");
        }
        long v = node.longValue();
        if (v < min || v > max) {
            throw new InvalidJobSpecException(field, "must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    private String available() {
        return rolesByKind.keySet().stream().map(JobKind::wireName).sorted().toList().toString();
    }
}
