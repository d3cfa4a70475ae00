package irw.service;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.store.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the queued jobs, {@code concurrency} at a time (one by default: a training run already
 * uses every core). On start it first puts back every job a crash left RUNNING, so that those
 * resume from their checkpoints before newer jobs start. On close, running jobs are asked to stop
 * and stay RUNNING in the store, so the next start resumes them too.
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    private final JobStore store;
    private final JobRunners runners;
    private final JobSpecParser parser;
    private final Path jobsDir;
    private final int concurrency;
    private final JobEvents events;
    private final ExecutorService workers;
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public JobScheduler(JobStore store, JobRunners runners, JobSpecParser parser, Path jobsDir, int concurrency, JobEvents events) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.store = store;
        this.runners = runners;
        this.parser = parser;
        this.jobsDir = jobsDir;
        this.concurrency = concurrency;
        this.events = events;
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "irw-job-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Re-queues interrupted jobs, then starts the workers. Returns the ids that will resume. */
    public List<String> start() {
        List<String> resumed = store.requeueInterrupted();
        if (!resumed.isEmpty()) {
            LOG.info("resuming {} interrupted job(s): {}", resumed.size(), resumed);
        }
        for (int i = 0; i < concurrency; i++) {
            workers.submit(this::work);
        }
        return resumed;
    }

    public int concurrency() {
        return concurrency;
    }

    /** What a cancel request did. */
    public enum CancelAnswer {
        /** It was still queued: KILLED now. */
        KILLED,
        /** It runs: it stops after its current step and ends KILLED, publishing nothing. */
        STOPPING,
        /** It has published its model: too late, it ends FINISHED. */
        TOO_LATE,
        /** It had already ended. */
        ENDED,
        UNKNOWN
    }

    /**
     * Asks a job to stop; see {@link JobStore#requestCancel}. A running job's cancel and its
     * publication exclude each other (issue 15 item 11): once the job has published its model the
     * answer is {@link CancelAnswer#TOO_LATE}; before that, the job ends KILLED and publishes nothing.
     */
    public CancelAnswer cancel(String id) {
        RunningJob job = running.get(id);
        if (job != null && !job.cancelByUser()) {
            return CancelAnswer.TOO_LATE;
        }
        Optional<JobState> before = store.requestCancel(id);
        events.changed();
        if (before.isEmpty()) {
            return CancelAnswer.UNKNOWN;
        }
        return switch (before.get()) {
            case SCHEDULED -> CancelAnswer.KILLED;
            case RUNNING -> CancelAnswer.STOPPING;
            default -> CancelAnswer.ENDED;
        };
    }

    @Override
    public void close() {
        stopping = true;
        running.values().forEach(RunningJob::stopForShutdown);
        events.changed();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("jobs still running after 30 s; they resume from their checkpoints at the next start");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (!stopping) {
            try {
                long seen = events.version();
                Optional<JobView> next = store.claimNext();
                if (next.isPresent()) {
                    run(next.get());
                } else {
                    events.awaitChange(seen, 1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A store failure must not kill the worker: log it and try again shortly.
                LOG.error("job worker: {}", e.getMessage(), e);
                sleepQuietly();
            }
        }
    }

    private void run(JobView job) {
        events.changed();
        RunningJob context = null;
        try {
            JobSpec spec = parser.parse(job.spec());
            JobRunner runner = runners.forKind(spec.kind()).orElseThrow(
                    () -> new IllegalStateException("this service has no runner for '" + spec.kind().wireName() + "' jobs"));
            Path dir = jobsDir.resolve(job.id());
            Files.createDirectories(dir);
            context = new RunningJob(job, spec, dir, store, events);
            running.put(job.id(), context);
            // a cancel between the claim and now went to the store only: read it back once the job is findable
            if (store.find(job.id()).map(JobView::cancelRequested).orElse(false)) {
                context.cancelByUser();
            }
            if (stopping) {
                context.stopForShutdown();
            }
            LOG.info("{} ({}) starts, attempt {}", job.id(), spec.kind().wireName(), job.attempts());
            JobRunner.Outcome outcome = runner.run(context);
            conclude(job.id(), context, outcome, null);
        } catch (Throwable t) {
            conclude(job.id(), context, null, t);
        } finally {
            running.remove(job.id());
            events.changed();
        }
    }

    private void conclude(String id, RunningJob context, JobRunner.Outcome outcome, Throwable thrown) {
        if (context != null) {
            context.ensureResumeMarker(); // an attempt that ended before its first step still shows it ran again
        }
        String nonFinite = context == null ? null : context.nonFiniteMetric();
        boolean completed = outcome == JobRunner.Outcome.COMPLETED && nonFinite == null && context.completeUnlessCancelled();
        boolean userCancelled = context != null && context.cancelledByUser(); // read after completing: the two exclude each other
        if (completed) {
            store.finish(id, JobState.FINISHED, null);
        } else if (nonFinite != null) {
            store.finish(id, JobState.FAILED, nonFinite);
        } else if (userCancelled) {
            store.finish(id, JobState.KILLED, thrown instanceof CancellationException ? thrown.getMessage() : "cancelled by the user");
        } else if (stopping) {
            LOG.info("{} stopped by the shutdown; it resumes at the next start", id);
        } else if (thrown != null) {
            LOG.warn("{} failed: {}", id, FailureReason.of(thrown), thrown);
            store.finish(id, JobState.FAILED, FailureReason.of(thrown));
        } else {
            store.finish(id, JobState.FAILED, "the trainer stopped before its last step without being asked to");
        }
        LOG.info("{} ends: {}", id, store.find(id).map(JobView::state).orElse(null));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The context of one running job. */
    private static final class RunningJob implements JobContext {
        private final String id;
        private final int attempt;
        private final JobSpec spec;
        private final Path dir;
        private final JobStore store;
        private final JobEvents events;
        /** The last step an earlier attempt recorded (0 on a first attempt). */
        private final long recordedBefore;
        private volatile boolean userCancel;
        private volatile boolean shutdown;
        private volatile String nonFinite;
        /** Guarded by this: set once the job has published a model file or completed; a cancel is then too late. */
        private boolean committed;
        private boolean markerWritten;
        /** Reports up to this step repeat what an earlier attempt recorded: not recorded again. */
        private long replayedUpTo;

        RunningJob(JobView job, JobSpec spec, Path dir, JobStore store, JobEvents events) {
            this.id = job.id();
            this.attempt = job.attempts();
            this.spec = spec;
            this.dir = dir;
            this.store = store;
            this.events = events;
            this.recordedBefore = job.step();
            this.markerWritten = attempt <= 1;
        }

        @Override
        public String jobId() {
            return id;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public JobSpec spec() {
            return spec;
        }

        @Override
        public Path workDir() {
            return dir;
        }

        @Override
        public boolean isCancelled() {
            return userCancel || shutdown || nonFinite != null || Thread.currentThread().isInterrupted();
        }

        /**
         * Issue 15 item 10: the resume marker names the step the attempt starts from; a run that could not
         * resume gets a {@link MetricsPoint#RESTARTED_FROM_SCRATCH} point at step 0; steps that a resumed run
         * repeats between its checkpoint and the interruption are not recorded twice (a resumed run
         * reproduces them exactly), so every step appears once.
         */
        @Override
        public synchronized void started(long fromStep, boolean fromCheckpoint, long totalSteps) {
            if (markerWritten) {
                return;
            }
            markerWritten = true;
            store.appendResumeMarker(id, attempt, fromCheckpoint ? fromStep : 0);
            if (fromCheckpoint) {
                replayedUpTo = recordedBefore;
            } else {
                store.appendMetrics(id, 0, 0, totalSteps, Map.of(MetricsPoint.RESTARTED_FROM_SCRATCH, (double) attempt));
            }
            events.changed();
        }

        /** The marker of a resumed attempt that reported nothing about its start. */
        synchronized void ensureResumeMarker() {
            if (!markerWritten) {
                markerWritten = true;
                store.appendResumeMarker(id, attempt, -1);
                events.changed();
            }
        }

        @Override
        public void report(int epoch, long step, long totalSteps, Map<String, Double> values) {
            ensureResumeMarker();
            synchronized (this) {
                if (step <= replayedUpTo) {
                    return;
                }
            }
            for (Map.Entry<String, Double> e : values.entrySet()) {
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    // Never record or continue a run whose loss has gone NaN/infinite.
                    nonFinite = "metric '" + e.getKey() + "' became " + e.getValue() + " at epoch " + epoch + ", step " + step
                            + " (try a lower learning rate)";
                    return;
                }
            }
            store.appendMetrics(id, epoch, step, totalSteps, values);
            events.changed();
        }

        @Override
        public void publish(String name, Path file) {
            synchronized (this) {
                if (userCancel) {
                    throw new CancellationException("cancelled by the user before its model was published");
                }
                committed = true;
            }
            Path absolute = file.toAbsolutePath().normalize();
            if (!absolute.startsWith(dir.toAbsolutePath().normalize()) || !Files.isRegularFile(absolute)) {
                throw new IllegalArgumentException("an artifact must be a file inside " + dir + ": " + file);
            }
            ArtifactNames.requireValid(name);
            try {
                store.addArtifact(id, name, dir.toAbsolutePath().normalize().relativize(absolute).toString(), Files.size(absolute));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read artifact " + file + ": " + e.getMessage(), e);
            }
            events.changed();
        }

        /** Flags the cancel unless the job has already published its model; false when it is too late. */
        synchronized boolean cancelByUser() {
            if (committed) {
                return false;
            }
            userCancel = true;
            return true;
        }

        /** The job completed: true unless a cancel came first (then nothing was published either). */
        synchronized boolean completeUnlessCancelled() {
            if (userCancel && !committed) {
                return false;
            }
            committed = true;
            return true;
        }

        void stopForShutdown() {
            shutdown = true;
        }

        boolean cancelledByUser() {
            return userCancel;
        }

        String nonFiniteMetric() {
            return nonFinite;
        }
    }
}
