package irw.engine.mic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import irw.core.ClassSet;
import irw.core.io.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained MIC model on disk: {@code mic.json} (classes, sequence layout, training settings with
 * the seed, each generator's types and training error) and one weight file per class,
 * {@code generator-<k>.bin}. Every file is written atomically; loading checks that the pieces fit.
 */
public final class MicModelFiles {
    public static final String INFO = "mic.json";
    private static final String FORMAT = "irw-mic";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MicModelFiles() {
    }

    public static void save(ModularInverseClassifier model, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int k = 0; k < model.generators().size(); k++) {
            Map<String, INDArray> weights = model.generators().get(k).weights();
            AtomicFiles.write(dir.resolve(generatorFile(k)), out -> {
                // Nd4j.write closes the stream it is given; AtomicFiles must still flush and sync its own.
                DataOutputStream data = new DataOutputStream(new java.io.FilterOutputStream(out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                for (String name : SequenceGenerator.WEIGHTS) {
                    Nd4j.write(weights.get(name), data);
                }
                data.flush();
            });
        }
        MicConfig c = model.config();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("format", FORMAT);
        info.put("version", 1);
        info.put("classes", model.classes().names());
        info.put("steps", model.layout().steps());
        info.put("width", model.layout().width());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("seed", c.seed());
        settings.put("types", c.types());
        settings.put("selection", c.selection().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("hidden", c.hidden());
        settings.put("iterations", c.iterations());
        settings.put("copies_per_type", c.copiesPerType());
        settings.put("learning_rate", c.learningRate());
        settings.put("noise_in", c.noiseIn());
        settings.put("noise_out", c.noiseOut());
        settings.put("chunk", c.chunk());
        info.put("training", settings);
        info.put("type_ids", model.typeIds());
        info.put("train_error", model.trainError());
        AtomicFiles.write(dir.resolve(INFO), out -> out.write(JSON.writeValueAsBytes(info))); // writeValue(out) would close out
    }

    public static ModularInverseClassifier load(Path dir) throws IOException {
        Path infoFile = dir.resolve(INFO);
        if (!Files.isRegularFile(infoFile)) {
            throw new IOException(infoFile + ": not found; a MIC model directory holds " + INFO + " and generator-<k>.bin files");
        }
        JsonNode info;
        try {
            info = JSON.readTree(infoFile.toFile());
        } catch (IOException e) {
            throw new IOException(infoFile + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (info == null || !FORMAT.equals(info.path("format").asText())) {
            throw new IOException(infoFile + ": not a MIC model description (format is not '" + FORMAT + "')");
        }
        List<String> names = new ArrayList<>();
        info.path("classes").forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) {
            throw new IOException(infoFile + ": lists no classes");
        }
        SequenceLayout layout = new SequenceLayout(info.path("steps").asInt(), info.path("width").asInt());
        JsonNode t = info.path("training");
        MicConfig config = new MicConfig(t.path("types").asInt(), TypeSelection.parse(t.path("selection").asText("clustered")),
                t.path("hidden").asInt(), t.path("iterations").asInt(), t.path("copies_per_type").asInt(1), t.path("learning_rate").asDouble(),
                t.path("noise_in").asDouble(), t.path("noise_out").asDouble(), t.path("chunk").asInt(1), t.path("seed").asLong());
        List<SequenceGenerator> generators = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            generators.add(loadGenerator(dir.resolve(generatorFile(k)), config.types(), config.hidden(), layout));
        }
        List<List<String>> typeIds = new ArrayList<>();
        info.path("type_ids").forEach(row -> {
            List<String> ids = new ArrayList<>();
            row.forEach(id -> ids.add(id.asText()));
            typeIds.add(ids);
        });
        double[] trainError = new double[names.size()];
        for (int k = 0; k < trainError.length; k++) {
            trainError[k] = info.path("train_error").path(k).asDouble(Double.NaN);
        }
        return new ModularInverseClassifier(new ClassSet(names), generators, config, typeIds, trainError);
    }

    private static SequenceGenerator loadGenerator(Path file, int inputs, int hidden, SequenceLayout layout) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": generator file missing");
        }
        long[][] expected = {{inputs, 4L * hidden}, {hidden, 4L * hidden}, {4L * hidden}, {hidden, layout.width()}, {layout.width()}};
        Map<String, INDArray> weights = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (int i = 0; i < expected.length; i++) {
                INDArray a = Nd4j.read(in);
                if (!Arrays.equals(a.shape(), expected[i])) {
                    throw new IOException(file + ": weight '" + SequenceGenerator.WEIGHTS.get(i) + "' has shape " + Arrays.toString(a.shape())
                            + ", expected " + Arrays.toString(expected[i]) + " (" + INFO + " says " + inputs + " types, " + hidden + " cells, "
                            + layout.width() + " values per step)");
                }
                weights.put(SequenceGenerator.WEIGHTS.get(i), a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e
                    : new IOException(file + ": not a readable generator file (" + e + ")", e);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable generator file (" + e + ")", e);
        }
        return SequenceGenerator.of(weights, layout);
    }

    static String generatorFile(int k) {
        return "generator-" + k + ".bin";
    }
}
