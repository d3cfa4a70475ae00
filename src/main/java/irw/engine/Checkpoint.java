package irw.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trainer's resumable state in one atomically written file: parameters, the Adam moments and
 * step count, extra arrays (the prototypes), the step reached and the run's identity (kind, seed
 * and a description of model and data). Batch sampling is a pure function of (seed, step), so
 * no random-generator state needs saving: a resumed run draws exactly the batches the
 * uninterrupted run would have drawn.
 */
final class Checkpoint {
    static final int FORMAT_VERSION = 1;

    record State(long step, Map<String, INDArray> params, Map<String, INDArray> adamState, long adamSteps, Map<String, INDArray> extra) {
    }

    private Checkpoint() {
    }

    static void save(Path file, String kind, String identity, long seed, long step, Map<String, INDArray> params, Adam adam,
                     Map<String, INDArray> extra) throws IOException {
        ObjectNode m = ArrayArchive.JSON.createObjectNode();
        m.put("format", "irw-checkpoint");
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", kind);
        m.put("identity", identity);
        m.put("seed", seed);
        m.put("step", step);
        m.put("adamSteps", adam.stepCount());
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        params.forEach((k, v) -> arrays.put("param/" + k, v));
        adam.state().forEach((k, v) -> arrays.put("adam/" + k, v));
        extra.forEach((k, v) -> arrays.put("extra/" + k, v));
        ArrayArchive.write(file, m, arrays);
    }

    /** The saved state, or null when the file does not exist yet. */
    static State loadIfPresent(Path file, String kind, String identity, long seed) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        ArrayArchive.Contents c = ArrayArchive.read(file);
        JsonNode m = c.manifest();
        if (!"irw-checkpoint".equals(m.path("format").asText()) || !kind.equals(m.path("kind").asText())) {
            throw new ModelFileException(file, "not a " + kind + " checkpoint (it is '" + m.path("format").asText() + "/"
                    + m.path("kind").asText() + "')");
        }
        if (m.path("formatVersion").asInt() > FORMAT_VERSION) {
            throw new ModelFileException(file, "checkpoint format version " + m.path("formatVersion").asInt()
                    + " is newer than this program reads (" + FORMAT_VERSION + ")");
        }
        if (m.path("seed").asLong() != seed || !identity.equals(m.path("identity").asText())) {
            throw new ModelFileException(file, "checkpoint belongs to another run (seed " + m.path("seed").asLong() + ", "
                    + m.path("identity").asText() + "); this run is seed " + seed + ", " + identity + ". Delete it or choose another file");
        }
        return new State(m.path("step").asLong(), ArrayArchive.withPrefix(c.arrays(), "param/"),
                ArrayArchive.withPrefix(c.arrays(), "adam/"), m.path("adamSteps").asLong(), ArrayArchive.withPrefix(c.arrays(), "extra/"));
    }

    /** A well-mixed seed for step t of a run, so batches depend only on (seed, step). */
    static long stepSeed(long seed, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + (step + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
