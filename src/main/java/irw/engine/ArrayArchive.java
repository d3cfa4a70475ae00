package irw.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import irw.core.io.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One zip file holding a JSON manifest and named float32 arrays (raw little-endian, C order, the
 * shapes in the manifest). Plain arrays rather than SameDiff flatbuffers: readable by any tool
 * (numpy.frombuffer), independent of graph internals, and the graph is rebuilt from code.
 */
final class ArrayArchive {
    static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper();

    record Contents(JsonNode manifest, Map<String, INDArray> arrays) {
    }

    private ArrayArchive() {
    }

    static void write(Path file, ObjectNode manifest, Map<String, INDArray> arrays) throws IOException {
        ArrayNode index = manifest.putArray("arrays");
        int i = 0;
        Map<String, float[]> data = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            String entry = "arrays/" + (i++) + ".f32";
            ObjectNode n = index.addObject();
            n.put("name", e.getKey());
            n.put("entry", entry);
            ArrayNode shape = n.putArray("shape");
            for (long s : e.getValue().shape()) {
                shape.add(s);
            }
            data.put(entry, e.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat());
        }
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(json);
            zip.closeEntry();
            for (Map.Entry<String, float[]> e : data.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                ByteBuffer buf = ByteBuffer.allocate(e.getValue().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(e.getValue());
                zip.write(buf.array());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    static Contents read(Path file) throws ModelFileException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException ex) {
            throw new ModelFileException(file, "no such file");
        } catch (ZipException ex) {
            throw new ModelFileException(file, "corrupt model file (" + ex.getMessage() + ")", ex);
        } catch (IOException ex) {
            throw new ModelFileException(file, "cannot read (" + ex.getMessage() + ")", ex);
        }
        byte[] json = entries.get(MANIFEST);
        if (json == null) {
            throw new ModelFileException(file, "not a workbench model file (no " + MANIFEST + " inside; truncated or another kind of file)");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(json);
        } catch (IOException ex) {
            throw new ModelFileException(file, "corrupt manifest (" + ex.getMessage() + ")", ex);
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (JsonNode n : manifest.path("arrays")) {
            String name = n.path("name").asText();
            byte[] bytes = entries.get(n.path("entry").asText());
            long[] shape = new long[n.path("shape").size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = n.path("shape").get(i).asLong();
                count *= shape[i];
            }
            if (bytes == null || bytes.length != count * 4) {
                throw new ModelFileException(file, "array '" + name + "' is missing or has " + (bytes == null ? 0 : bytes.length)
                        + " bytes, expected " + count * 4 + " (corrupt file)");
            }
            float[] v = new float[(int) count];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            arrays.put(name, Nd4j.create(v, shape, 'c'));
        }
        return new Contents(manifest, arrays);
    }

    /** The arrays whose names start with the prefix, with the prefix removed. */
    static Map<String, INDArray> withPrefix(Map<String, INDArray> arrays, String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
