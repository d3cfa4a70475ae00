package irw.cli;

import irw.xrd.io.PatternReaders;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a pattern command reads: each folder listed (with {@code recursive}: and its subfolders),
 * every file in it that holds no diffraction pattern named on stderr with the reason; other arguments
 * as given (a missing file then fails on reading, by name, and the batch goes on).
 */
final class InputFiles {
    private InputFiles() {
    }

    static List<Path> expand(List<Path> inputs, boolean recursive, PrintWriter err) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                PatternReaders.FolderListing listing = PatternReaders.listFolder(input, recursive);
                files.addAll(listing.toRead());
                listing.skipped().forEach(s -> err.println("skipped " + s.file() + ": not a diffraction file (" + s.reason() + ")"));
            } else {
                files.add(input);
            }
        }
        return files;
    }
}
