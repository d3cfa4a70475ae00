package irw.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes files so that a reader sees either the old content or the complete new content, never
 * half a file: write to a temporary sibling, flush to disk, then rename over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A temporary file this class was writing when its process was killed (issue 15 item 12: a kill
     * during {@code convert} left a 100 MB {@code .target.csv.*.tmp}) is left alone this long after
     * its last change, in case another process is still writing it, then removed by the next write
     * of the same target.
     */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("\\.(.+)\\.[0-9]+\\.tmp");

    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaries(dir, absolute.getFileName().toString(), STALE_AFTER);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            // createTempFile makes the file owner-only (0600); an exported file should get the
            // permissions the user expects: those of the file it replaces, else rw-r--r--.
            keepPermissions(absolute, tmp);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                // The writer may close what it is given (a CSVPrinter does); that must not close the
                // channel before it is forced to disk, so it gets a stream whose close only flushes.
                writer.write(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether {@code file} is named like the temporary of an atomic write ({@code .<target>.<digits>.tmp}). */
    public static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Removes the temporaries of atomic writes in {@code dir} (not below it) that were last changed at
     * least {@code olderThan} ago; only those of {@code target} when it is not null. Returns the files
     * removed. A caller that holds the directory's lock (the training service) passes zero.
     */
    public static List<Path> removeStaleTemporaries(Path dir, String target, Duration olderThan) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        Instant before = Instant.now().minus(olderThan);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                java.util.regex.Matcher m = TEMPORARY.matcher(f.getFileName().toString());
                if (!m.matches() || (target != null && !m.group(1).equals(target)) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    if (!Files.getLastModifiedTime(f).toInstant().isAfter(before) && Files.deleteIfExists(f)) {
                        removed.add(f);
                    }
                } catch (NoSuchFileException gone) {
                    // its writer finished or removed it meanwhile
                }
            }
        }
        return removed;
    }

    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        var permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
