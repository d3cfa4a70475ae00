package irw.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import irw.core.ClassSet;
import irw.core.Normalisation;
import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.engine.net.ModelSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads trained models, each as ONE file written atomically: a zip with
 * {@code manifest.json} (format, version, kind, spec, item shape, grid, normalisation, class
 * names, seed, hyper-parameters, array index) and raw float32 arrays (see {@link ArrayArchive}).
 * Loading checks kind, version and every array's shape, so a wrong, corrupt or future file gives
 * an error naming the file instead of a broken model.
 */
public final class ModelStore {
    public static final String FORMAT = "irw-model";
    /** 2: patterns carry their preprocessing (measured-range marker, SNIP, bin-averaging) and the calibration. */
    public static final int FORMAT_VERSION = 2;
    public static final String CLASSIFIER = "classifier";
    public static final String REFINER = "refiner";

    private ModelStore() {
    }

    public static void save(PrototypicalClassifier c, Path file) throws IOException {
        ObjectNode m = header(CLASSIFIER);
        m.put("spec", c.spec().id());
        putShape(m, c.itemShape());
        ArrayNode names = m.putArray("classes");
        c.classes().names().forEach(names::add);
        TwoThetaGrid grid = c.preprocessing().grid();
        if (grid != null) {
            ObjectNode g = m.putObject("grid");
            g.put("start", grid.start());
            g.put("end", grid.end());
            g.put("points", grid.points());
            Wavelength w = grid.wavelength();
            w.anode().ifPresent(a -> g.put("anode", a));
            g.put("kAlpha1", w.kAlpha1());
            w.kAlpha2().ifPresent(k2 -> g.put("kAlpha2", k2));
            g.put("kAlpha2Ratio", w.kAlpha2Ratio());
        }
        m.put("normalisation", c.preprocessing().normalisation().name());
        if (c.preprocessing().patterns() != null) {
            m.set("preprocessing", ArrayArchive.JSON.valueToTree(c.preprocessing().patterns().toMap()));
        }
        m.put("seed", c.seed());
        m.put("lambda", c.lambda());
        if (c.calibration().isCalibrated()) {
            m.set("calibration", ArrayArchive.JSON.valueToTree(c.calibration()));
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>(c.parameters());
        arrays.put("prototypes", c.prototypeArray());
        ArrayArchive.write(file, m, arrays);
    }

    public static void save(Refiner r, Path file) throws IOException {
        ObjectNode m = header(REFINER);
        m.put("architecture", r.architecture());
        putShape(m, r.itemShape());
        ArrayNode names = m.putArray("classes");
        r.classNames().forEach(names::add);
        m.set("training", ArrayArchive.JSON.valueToTree(r.config()));
        m.put("seed", r.config().seed());
        ArrayArchive.write(file, m, r.parameters());
    }

    public static PrototypicalClassifier loadClassifier(Path file) throws IOException {
        ArrayArchive.Contents c = ArrayArchive.read(file);
        JsonNode m = checkHeader(file, c.manifest(), CLASSIFIER);
        try {
            ModelSpec spec = ModelSpec.parse(m.path("spec").asText());
            int[] shape = shape(m);
            List<String> names = new ArrayList<>();
            m.path("classes").forEach(n -> names.add(n.asText()));
            ClassSet classes = new ClassSet(names);
            TwoThetaGrid grid = null;
            if (m.has("grid")) {
                JsonNode g = m.path("grid");
                grid = new TwoThetaGrid(g.path("start").asDouble(), g.path("end").asDouble(), g.path("points").asInt(),
                        Wavelength.of(g.hasNonNull("anode") ? g.path("anode").asText() : null, g.path("kAlpha1").asDouble(),
                                g.hasNonNull("kAlpha2") ? g.path("kAlpha2").asDouble() : null, g.path("kAlpha2Ratio").asDouble()));
            }
            Preprocessing pre;
            if (grid == null) {
                pre = new Preprocessing(null, Normalisation.valueOf(m.path("normalisation").asText("MAX")));
            } else if (m.has("preprocessing")) {
                pre = Preprocessing.forPatterns(ModelInputPreparation.fromMap(grid,
                        ArrayArchive.JSON.convertValue(m.path("preprocessing"), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                        })));
            } else {
                throw new ModelFileException(file, "this XRD classifier (model format " + m.path("formatVersion").asInt()
                        + ") predates measured-range masks and background removal, so it would misread measured files; "
                        + "retrain it with 'irw train classifier' (see sample-data/models/train-sample-models.sh)");
            }
            Map<String, INDArray> params = new LinkedHashMap<>(c.arrays());
            INDArray prototypes = params.remove("prototypes");
            if (prototypes == null) {
                throw new ModelFileException(file, "classifier has no prototypes");
            }
            Calibration calibration = m.has("calibration")
                    ? ArrayArchive.JSON.treeToValue(m.path("calibration"), Calibration.class) : Calibration.NONE;
            PrototypicalClassifier model = new PrototypicalClassifier(spec, shape, classes, params, prototypes, pre, m.path("seed").asLong(),
                    m.path("lambda").asDouble(), calibration);
            verifyBuilds(file, () -> model.classify(new float[][]{new float[model.itemLength()]}));
            return model;
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ModelFileException(file, "invalid classifier: " + e.getMessage(), e);
        }
    }

    public static Refiner loadRefiner(Path file) throws IOException {
        ArrayArchive.Contents c = ArrayArchive.read(file);
        JsonNode m = checkHeader(file, c.manifest(), REFINER);
        try {
            int[] shape = shape(m);
            List<String> names = new ArrayList<>();
            m.path("classes").forEach(n -> names.add(n.asText()));
            RefinerTrainingConfig cfg = ArrayArchive.JSON.treeToValue(m.path("training"), RefinerTrainingConfig.class);
            Refiner r = new Refiner(m.path("architecture").asText(), shape, c.arrays(), cfg, names);
            int len = shape.length == 1 ? shape[0] : shape[0] * shape[1];
            verifyBuilds(file, () -> r.refine(new float[][]{new float[len]}));
            return r;
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "invalid refiner: " + e.getMessage(), e);
        }
    }

    /** "classifier" or "refiner", without loading the arrays' network. */
    public static String kindOf(Path file) throws IOException {
        return checkHeader(file, ArrayArchive.read(file).manifest(), null).path("kind").asText();
    }

    private static ObjectNode header(String kind) {
        ObjectNode m = ArrayArchive.JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", kind);
        return m;
    }

    private static JsonNode checkHeader(Path file, JsonNode m, String kind) throws ModelFileException {
        if (!FORMAT.equals(m.path("format").asText())) {
            throw new ModelFileException(file, "not a workbench model file (format '" + m.path("format").asText() + "')");
        }
        int version = m.path("formatVersion").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(file, "model format version " + version + " is newer than this program reads (" + FORMAT_VERSION
                    + "); update the workbench");
        }
        if (version < 1) {
            throw new ModelFileException(file, "model file has no valid format version");
        }
        if (kind != null && !kind.equals(m.path("kind").asText())) {
            throw new ModelFileException(file, "this is a " + m.path("kind").asText() + " model, expected a " + kind);
        }
        return m;
    }

    private static void putShape(ObjectNode m, int[] shape) {
        ArrayNode s = m.putArray("itemShape");
        for (int d : shape) {
            s.add(d);
        }
    }

    private static int[] shape(JsonNode m) {
        JsonNode s = m.path("itemShape");
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).asInt();
        }
        return out;
    }

    /** Builds and runs the network once, so missing or mis-shaped arrays fail here, naming the file. */
    private static void verifyBuilds(Path file, Runnable probe) throws ModelFileException {
        try {
            probe.run();
        } catch (RuntimeException e) {
            throw new ModelFileException(file, "arrays do not fit the network: " + e.getMessage(), e);
        }
    }
}
