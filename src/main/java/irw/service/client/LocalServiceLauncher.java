package irw.service.client;

import irw.service.TrainingService;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the training service of a data directory, or starts one: the workbench calls
 * {@link #connectOrStart} at start and {@link #close()} at exit, which stops the service only if
 * this launcher started it. The child runs {@code java -cp <this class path> irw.Main serve} with
 * capped heap and native memory (SameDiff grows without bound otherwise) and logs to
 * {@code <data-dir>/service.log}.
 */
public final class LocalServiceLauncher implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 120_000;
    /**
     * What the service inherits from the workbench's JVM: the oneDNN natives (irw.sh, the packaged
     * launcher), where the natives are extracted (the packaged app keeps them in the user's cache
     * folder, not a second copy in ~/.javacpp), the installation and the user folders.
     */
    private static final List<String> INHERITED_PROPERTIES = List.of(
            "org.bytedeco.javacpp.platform.extension", "org.bytedeco.javacpp.cachedir",
            "irw.home", "irw.config.dir", "irw.data.dir", "irw.cache.dir");
    private final TrainingServiceClient client;
    private final Process process;

    private LocalServiceLauncher(TrainingServiceClient client, Process process) {
        this.client = client;
        this.process = process;
    }

    /** Memory caps and extra JVM options of a started service. */
    public record Options(String heap, String nativeMax, String nativePhysicalMax, List<String> extraJvmArgs) {
        public static final Options DEFAULTS = new Options("2g", "3g", "5g", List.of());

        public Options {
            extraJvmArgs = List.copyOf(extraJvmArgs);
        }
    }

    public static LocalServiceLauncher connectOrStart(Path dataDir) throws IOException {
        return connectOrStart(dataDir, Options.DEFAULTS);
    }

    public static LocalServiceLauncher connectOrStart(Path dataDir, Options options) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (isLocked(dir)) {
            // A service holds the directory (perhaps still starting): wait for it to answer.
            return new LocalServiceLauncher(awaitAnswer(dir, null), null);
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(TrainingService.PORT_FILE));
        Process child = new ProcessBuilder(command(dir, options))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()))
                .start();
        try {
            return new LocalServiceLauncher(awaitAnswer(dir, child), child);
        } catch (RuntimeException e) {
            child.destroyForcibly();
            throw e;
        }
    }

    /** The command line that starts a service on {@code dataDir} with this JVM's class path. */
    public static List<String> command(Path dataDir, Options options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java,
                "-Xmx" + options.heap(),
                "-Dorg.bytedeco.javacpp.maxbytes=" + options.nativeMax(),
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + options.nativePhysicalMax()));
        for (String property : INHERITED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                cmd.add("-D" + property + "=" + value);
            }
        }
        cmd.addAll(options.extraJvmArgs());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "irw.Main", "serve", "--port", "0",
                "--data-dir", dataDir.toString()));
        return cmd;
    }

    public TrainingServiceClient client() {
        return client;
    }

    /** The service process this launcher started, if it started one. */
    public java.util.Optional<ProcessHandle> process() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.toHandle());
    }

    /** True when this launcher started the service (and {@link #close()} will stop it). */
    public boolean startedHere() {
        return process != null;
    }

    /** Stops the service if this launcher started it: a clean shutdown first, then a kill after 20 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isLocked(Path dir) throws IOException {
        Path lockFile = dir.resolve("service.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                return true; // a service runs inside this very JVM
            }
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }

    private static TrainingServiceClient awaitAnswer(Path dir, Process child) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        ServiceException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (child != null && !child.isAlive()) {
                throw new ServiceException(0, "the training service exited with code " + child.exitValue()
                        + " before answering; " + logTail(dir), null);
            }
            if (Files.exists(dir.resolve(TrainingService.PORT_FILE))) {
                try {
                    TrainingServiceClient client = TrainingServiceClient.forDataDir(dir);
                    client.health();
                    return client;
                } catch (ServiceException e) {
                    last = e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException(0, "interrupted while waiting for the training service", e);
            }
        }
        throw new ServiceException(0, "the training service on " + dir + " did not answer within "
                + START_TIMEOUT_MILLIS / 1000 + " s" + (last == null ? "" : ": " + last.getMessage()) + "; " + logTail(dir), last);
    }

    private static String logTail(Path dir) {
        Path log = dir.resolve("service.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "no log at " + log;
        }
    }
}
