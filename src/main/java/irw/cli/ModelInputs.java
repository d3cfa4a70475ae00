package irw.cli;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.engine.PrototypicalClassifier;
import irw.xrd.io.PatternReaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns command-line INPUTs into the items a classifier takes: a pattern file in any readable
 * format (resampled onto the model's grid and normalised as its model file says), a directory of
 * them, or an IDX image file (gzipped or not). Errors name the file.
 */
final class ModelInputs {
    /** Items in the model's space, an id per item, and the source patterns (null for images). */
    record Items(float[][] items, List<String> ids, List<Pattern> patterns) {
    }

    private ModelInputs() {
    }

    static Items read(List<Path> inputs, PrototypicalClassifier model) throws IOException, PatternFormatException {
        List<float[]> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        boolean images = model.itemShape().length == 2;
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new PatternFormatException(input, "no such file or directory");
            }
            List<Path> files = Files.isDirectory(input) ? listDirectory(input, images) : List.of(input);
            for (Path f : files) {
                if (IdxFormat.looksLikeImages(f)) {
                    LabelledDataSet set = IdxFormat.readUnlabelled(f);
                    if (!Arrays.equals(set.shape(), model.itemShape())) {
                        throw new PatternFormatException(f, "images are " + Arrays.toString(set.shape()) + " but the model takes "
                                + Arrays.toString(model.itemShape()));
                    }
                    for (int i = 0; i < set.size(); i++) {
                        items.add(model.preprocessing().apply(set.items()[i]));
                        ids.add(set.ids().get(i));
                        patterns.add(null);
                    }
                } else {
                    if (images) {
                        throw new PatternFormatException(f, "the model takes " + Arrays.toString(model.itemShape())
                                + " images; this is not an IDX image file");
                    }
                    List<Pattern> read = PatternReaders.read(f);
                    for (int i = 0; i < read.size(); i++) {
                        items.add(model.preprocessing().apply(read.get(i)));
                        ids.add(read.size() == 1 ? f.getFileName().toString() : f.getFileName() + "#" + (i + 1));
                        patterns.add(read.get(i));
                    }
                }
            }
        }
        if (items.isEmpty()) {
            throw new IOException("no readable inputs in " + inputs);
        }
        return new Items(items.toArray(new float[0][]), ids, patterns);
    }

    private static List<Path> listDirectory(Path dir, boolean images) throws IOException {
        if (!images) {
            return PatternReaders.listReadable(dir);
        }
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(IdxFormat::looksLikeImages).sorted().toList();
        }
    }
}
