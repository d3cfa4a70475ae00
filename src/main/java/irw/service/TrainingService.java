package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import irw.core.io.FileErrors;
import irw.engine.Backend;
import irw.service.api.HealthReport;
import irw.service.api.JobState;
import irw.service.store.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The training service: a job store, a scheduler and the HTTP API, over one data directory:
 * <pre>
 * &lt;data-dir&gt;/jobs.db        the job store (SQLite)
 * &lt;data-dir&gt;/jobs/&lt;id&gt;/     each job's checkpoint and model files
 * &lt;data-dir&gt;/token          the bearer token of this run (owner-only)
 * &lt;data-dir&gt;/port           the port it listens on, while it runs
 * &lt;data-dir&gt;/service.lock   held while it runs: one service per data directory
 * </pre>
 */
public final class TrainingService implements AutoCloseable {
    public static final String PORT_FILE = "port";
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

    private final ServiceConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JobStore store;
    private final JobScheduler scheduler;
    private final AccessToken token;
    private final Javalin app;
    private final CompletableFuture<String[]> backend;
    private final String startedAt = Instant.now().toString();
    private volatile String state = "serving";
    private final List<String> resumed;
    private final JobEvents events;
    private final List<String> kinds;

    private TrainingService(ServiceConfig config, JobRunners runners) throws IOException {
        this.config = config;
        this.kinds = runners.dataRoles().keySet().stream().map(JobKind::wireName).sorted().toList();
        Path dataDir = config.dataDir();
        try {
            DataDirectory.ownerOnly(dataDir);
            lockChannel = FileChannel.open(dataDir.resolve("service.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            throw new IOException("cannot use the data directory: " + FileErrors.describe(e), e);
        }
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            acquired = null; // held by another service in this very JVM
        }
        lock = acquired;
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("another training service already runs on " + dataDir);
        }
        JobStore openedStore = null;
        Javalin startedApp = null;
        JobScheduler startedScheduler = null;
        try {
            ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            backend = CompletableFuture.supplyAsync(() -> new String[]{Backend.kind(), Backend.deviceName()});
            DataDirectory.removeStaleTemporaries(dataDir); // we hold the lock: no other writer can be mid-write
            token = AccessToken.createIn(dataDir);
            store = openedStore = JobStore.open(dataDir.resolve("jobs.db"), json);
            DataDirectory.ownerOnlyStore(dataDir.resolve("jobs.db"));
            events = new JobEvents();
            Path jobsDir = dataDir.resolve("jobs");
            JobSpecParser parser = new JobSpecParser(json, runners.dataRoles(), new PublishedModels(store, jobsDir));
            scheduler = startedScheduler = new JobScheduler(store, runners, parser, jobsDir, config.concurrency(), events);
            ApiRoutes routes = new ApiRoutes(store, scheduler, parser, events, token, jobsDir, json, this::health,
                    () -> "serving".equals(state));
            app = startedApp = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.jsonMapper(new JavalinJackson(json, false));
                c.jetty.defaultHost = config.bind();
                c.jetty.defaultPort = config.port();
                c.http.maxRequestSize = 1_000_000L;
            });
            routes.register(app);
            app.start();
            resumed = scheduler.start();
            AccessToken.writeOwnerOnly(dataDir.resolve(PORT_FILE), Integer.toString(app.port()));
        } catch (IOException | RuntimeException e) {
            IOException named = e instanceof FileSystemException f ? new IOException(FileErrors.describe(f), f) : null;
            // Leave nothing half-started: the data directory must be usable by the next attempt.
            if (startedApp != null) {
                startedApp.stop();
            }
            if (startedScheduler != null) {
                startedScheduler.close();
            }
            if (openedStore != null) {
                openedStore.close();
            }
            lock.release();
            lockChannel.close();
            if (named != null) {
                throw named;
            }
            throw e;
        }
        LOG.info("training service on http://{}:{} (data {}, {} job(s) at a time)", config.bind(), app.port(), dataDir, config.concurrency());
    }

    /** Starts a service; it runs until {@link #close()}. */
    public static TrainingService start(ServiceConfig config, JobRunners runners) throws IOException {
        return new TrainingService(config, runners);
    }

    public int port() {
        return app.port();
    }

    public String token() {
        return token.value();
    }

    public ServiceConfig config() {
        return config;
    }

    public JobStore store() {
        return store;
    }

    /** The jobs this start put back in the queue because a crash or shutdown interrupted them. */
    public List<String> resumedJobs() {
        return resumed;
    }

    public HealthReport health() {
        String[] b;
        try {
            b = backend.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            b = new String[]{"unknown", "the backend could not be loaded: " + FailureReason.of(e)};
        }
        Runtime rt = Runtime.getRuntime();
        HealthReport.Memory memory = new HealthReport.Memory(rt.totalMemory() - rt.freeMemory(), rt.maxMemory(), residentBytes());
        return new HealthReport(state, b[0], b[1], memory, store.count(JobState.RUNNING), store.count(JobState.SCHEDULED),
                scheduler.concurrency(), kinds, startedAt);
    }

    /** Stops serving; running jobs stop at once and resume at the next start. */
    @Override
    public void close() {
        state = "stopping";
        events.changed(); // event streams notice the stop now, not at their next keep-alive
        try {
            Files.deleteIfExists(config.dataDir().resolve(PORT_FILE));
        } catch (IOException e) {
            LOG.warn("cannot remove the port file: {}", e.getMessage());
        }
        app.stop();
        scheduler.close();
        store.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("cannot release the service lock: {}", e.getMessage());
        }
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the heap figures still tell most of the story
        }
        return -1;
    }
}
