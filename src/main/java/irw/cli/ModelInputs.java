package irw.cli;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.SignalCheck;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.engine.PrototypicalClassifier;
import irw.xrd.io.PatternReaders;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The batch behaviour of every command that feeds files to a model (classify, refine, embed):
 * INPUTs (pattern files in any readable format, directories of them, IDX image files) become the
 * items the model takes, and the batch goes on past a bad file. On stderr, each file that cannot
 * be read, or holds nothing a model can judge ({@link SignalCheck}), is an "error:" line naming it
 * and the problem; each file of a folder that is not a diffraction file is a "skipped" line with
 * the reason; what a reader could not read as written is a "warning:" line. The command writes
 * the good items and {@link Batch#exitCode} says whether some failed (as {@code convert} does).
 */
final class ModelInputs {
    /** Items in the model's space, an id per item, and the source patterns (null for images). */
    record Items(float[][] items, List<String> ids, List<Pattern> patterns) {
    }

    /**
     * What a batch read.
     *
     * @param files   files tried (skipped ones not counted)
     * @param failed  files not read or refused (each reported on stderr)
     * @param skipped files of a folder that are no diffraction files (each reported)
     */
    record Batch(Items items, int files, int failed, int skipped) {
        /** 0 when every file was read, else 1 after a summary line on stderr. */
        int exitCode(PrintWriter err) {
            if (failed == 0) {
                return 0;
            }
            err.println(failed + " of " + files + " file(s) could not be used; the others were written");
            err.flush();
            return 1;
        }
    }

    private ModelInputs() {
    }

    /**
     * Reads every input, reporting problems on {@code err} as it goes.
     *
     * @throws IOException when not one item could be read (nothing would be written)
     */
    static Batch read(List<Path> inputs, PrototypicalClassifier model, PrintWriter err) throws IOException {
        List<float[]> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        boolean images = model.itemShape().length == 2;
        int files = 0;
        int failed = 0;
        int skipped = 0;
        for (Path input : inputs) {
            List<Path> toRead;
            if (Files.isDirectory(input)) {
                Listing listing = listDirectory(input, images);
                toRead = listing.toRead();
                for (PatternReaders.Skipped s : listing.skipped()) {
                    err.println("skipped " + s.file() + ": " + s.reason());
                    skipped++;
                }
            } else {
                toRead = List.of(input);
            }
            for (Path f : toRead) {
                files++;
                try {
                    readFile(f, model, images, items, ids, patterns, err);
                } catch (PatternFormatException e) {
                    err.println("error: " + e.getMessage());
                    failed++;
                }
            }
        }
        err.flush();
        if (items.isEmpty()) {
            throw new IOException("no usable inputs among " + inputs + (failed + skipped > 0 ? " (see the lines above)" : ""));
        }
        return new Batch(new Items(items.toArray(new float[0][]), ids, patterns), files, failed, skipped);
    }

    /** Adds the items of one file, or throws naming it; a file is used whole or not at all. */
    private static void readFile(Path f, PrototypicalClassifier model, boolean images, List<float[]> items, List<String> ids,
                                 List<Pattern> patterns, PrintWriter err) throws PatternFormatException {
        if (!Files.exists(f)) {
            throw new PatternFormatException(f, "no such file or directory");
        }
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
            return;
        }
        if (images) {
            throw new PatternFormatException(f, "the model takes " + Arrays.toString(model.itemShape()) + " images; this is not an IDX image file");
        }
        List<Pattern> read = PatternReaders.read(f);
        List<float[]> fileItems = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Pattern p = read.get(i);
            String scan = read.size() == 1 ? "" : " scan " + (i + 1);
            var refusal = model.preprocessing().grid() == null ? java.util.Optional.<String>empty()
                    : SignalCheck.refusal(p, model.preprocessing().grid());
            if (refusal.isPresent()) {
                throw new PatternFormatException(f, "refused" + scan + ": " + refusal.get());
            }
            fileItems.add(model.preprocessing().apply(p));
        }
        for (int i = 0; i < read.size(); i++) {
            read.get(i).metadata().warning().ifPresent(w -> err.println("warning: " + f + ": " + w));
            items.add(fileItems.get(i));
            ids.add(read.size() == 1 ? f.getFileName().toString() : f.getFileName() + "#" + (i + 1));
            patterns.add(read.get(i));
        }
    }

    private record Listing(List<Path> toRead, List<PatternReaders.Skipped> skipped) {
    }

    private static Listing listDirectory(Path dir, boolean images) throws IOException {
        if (!images) {
            PatternReaders.FolderListing l = PatternReaders.listFolder(dir, false);
            return new Listing(l.toRead(), l.skipped());
        }
        List<Path> toRead = new ArrayList<>();
        List<PatternReaders.Skipped> skipped = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                if (IdxFormat.looksLikeImages(f)) {
                    toRead.add(f);
                } else {
                    skipped.add(new PatternReaders.Skipped(f, "not an IDX image file"));
                }
            }
        }
        return new Listing(toRead, skipped);
    }
}
