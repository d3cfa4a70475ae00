package irw.service;

import irw.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the service makes sure of in its data directory at start (issue 15 items 12 and 13): the
 * directory (it holds the token) and the job store are owner-only, also when they already existed
 * with wider permissions, and the temporaries of atomic writes that a kill interrupted (a
 * {@code .checkpoint.*.tmp} of a job, a {@code .token.*.tmp}) are removed.
 */
final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory, or narrows an existing one, to its owner alone. */
    static void ownerOnly(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (posix(dataDir) && !Files.getPosixFilePermissions(dataDir).equals(OWNER_DIR)) {
            LOG.info("{}: permissions {} narrowed to rwx------ (the directory holds the access token)", dataDir,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
            Files.setPosixFilePermissions(dataDir, OWNER_DIR);
        }
    }

    /** The job store and SQLite's companion files (write-ahead log, shared memory): owner-only. */
    static void ownerOnlyStore(Path db) throws IOException {
        if (!posix(db)) {
            return;
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path f = db.resolveSibling(db.getFileName() + suffix);
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && !Files.getPosixFilePermissions(f).equals(OWNER_FILE)) {
                Files.setPosixFilePermissions(f, OWNER_FILE);
            }
        }
    }

    /** Removes the interrupted atomic writes in the data directory and in each job's directory; returns them. */
    static List<Path> removeStaleTemporaries(Path dataDir) throws IOException {
        List<Path> removed = new ArrayList<>(AtomicFiles.removeStaleTemporaries(dataDir, null, Duration.ZERO));
        Path jobs = dataDir.resolve("jobs");
        if (Files.isDirectory(jobs, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jobs, Files::isDirectory)) {
                for (Path dir : dirs) {
                    if (!Files.isSymbolicLink(dir)) {
                        removed.addAll(AtomicFiles.removeStaleTemporaries(dir, null, Duration.ZERO));
                    }
                }
            }
        }
        for (Path f : removed) {
            LOG.info("removed {}: the temporary of a write that a crash interrupted", f);
        }
        return removed;
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
