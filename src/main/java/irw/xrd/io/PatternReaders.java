package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one entry point for reading diffraction files.
 *
 * <p>Formats (detected from content, the extension only as a tie-break): two-column text
 * (.xy/.dat/.txt, whitespace/comma/semicolon), .xye, CSV with a header, the "start step end" .dat,
 * Bruker .uxd, PANalytical .xrdml, Rigaku .rasx, Bruker .brml and Bruker .raw v1-v4.
 *
 * <p>Every failure, whatever the cause (empty, truncated, garbage, wrong magic, zip bomb,
 * non-monotonic axis, NaN), is a {@link PatternFormatException} whose message names the file and
 * the problem. Readers never allocate from an untrusted count without checking it against the bytes
 * present, and files over {@link #MAX_FILE_BYTES} are refused before reading.
 *
 * <p>Axes: a scan recorded from high to low angle is reversed (extras {@code axis_reversed=true});
 * an axis that repeats an angle or changes direction is rejected. Each pattern's metadata holds the
 * source path, the format id ({@code xy}, {@code xye}, {@code csv}, {@code step-scan-dat},
 * {@code uxd}, {@code xrdml}, {@code rasx}, {@code brml}, {@code bruker-raw-v1}..{@code v4}), the
 * wavelength where the file states one, and format-specific facts in the extras.
 */
public final class PatternReaders {
    /**
     * Larger files are refused: no 1-D scan needs this much, and the whole file is held in memory
     * (an XML tree takes about ten times its file size).
     */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private PatternReaders() {
    }

    /** Reads all scans of a file (most files hold one). */
    public static List<Pattern> read(Path file) throws PatternFormatException {
        return readSource(load(file));
    }

    /**
     * Reads content that is already in memory; {@code name} (a file name or path) is used for the
     * extension tie-break, the default sample name and error messages.
     */
    public static List<Pattern> read(byte[] content, String name) throws PatternFormatException {
        Path path;
        try {
            path = Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            path = Path.of(name.replaceAll("[\\p{Cntrl}]", "_")); // a name for messages, not a file to open
        }
        return readSource(new SourceFile(path, content.clone()));
    }

    /** The format id ("xrdml", "bruker-raw", ...) the content of this file would be read as. */
    public static String detectFormat(Path file) throws PatternFormatException {
        return FormatDetector.detect(load(file)).id();
    }

    /** True when the file's content is of a readable format (it may still turn out corrupt when read). */
    public static boolean isRecognised(Path file) {
        try {
            detectFormat(file);
            return true;
        } catch (PatternFormatException e) {
            return false;
        }
    }

    /** A file of a folder that is not read, and why (its content is of no diffraction format). */
    public record Skipped(Path file, String reason) {
    }

    /**
     * What a folder holds: the files to read, and the others, each with the reason it is left out.
     * A file too large or not readable is in {@code toRead}: reading it fails naming the problem,
     * since it may well be a pattern. Hidden files (".name") are neither.
     */
    public record FolderListing(List<Path> toRead, List<Skipped> skipped) {
        public FolderListing {
            toRead = List.copyOf(toRead);
            skipped = List.copyOf(skipped);
        }
    }

    /** Lists {@code dir} ({@code recursive}: and its subfolders), sorted by path. */
    public static FolderListing listFolder(Path dir, boolean recursive) throws IOException {
        List<Path> toRead = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (!Files.isReadable(p) || Files.size(p) > MAX_FILE_BYTES) {
                    toRead.add(p);
                    continue;
                }
                try {
                    detectFormat(p);
                    toRead.add(p);
                } catch (PatternFormatException e) {
                    skipped.add(new Skipped(p, withoutFileName(p, e.getMessage())));
                }
            }
        }
        return new FolderListing(toRead, skipped);
    }

    /** A reader's message without the "FILE: " it starts with. */
    public static String withoutFileName(Path file, String message) {
        String prefix = file + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
    }

    /** One line per supported format, for help texts. */
    public static List<String> supportedFormats() {
        return Stream.of(PatternFileFormat.values()).map(f -> f.id() + ": " + f.description()).toList();
    }

    private static SourceFile load(Path file) throws PatternFormatException {
        try {
            if (!Files.exists(file)) {
                throw new PatternFormatException(file, "no such file");
            }
            if (!Files.isRegularFile(file)) {
                throw new PatternFormatException(file, "not a regular file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new PatternFormatException(file, "file is " + (size >> 20) + " MB, over the " + (MAX_FILE_BYTES >> 20)
                        + " MB limit for a diffraction pattern");
            }
            return new SourceFile(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PatternFormatException(file, "cannot be read: " + e, e);
        }
    }

    private static List<Pattern> readSource(SourceFile src) throws PatternFormatException {
        PatternFileFormat format = FormatDetector.detect(src);
        try {
            List<Pattern> patterns = format.read(src);
            if (patterns.isEmpty()) {
                throw src.fail("no pattern found in this " + format.description() + " file");
            }
            return List.copyOf(patterns);
        } catch (RuntimeException e) {
            // A reader bug must still reach the user as a message about the file, not a crash.
            throw src.fail("could not be read as " + format.description() + " (internal error: " + e + ")", e);
        }
    }
}
