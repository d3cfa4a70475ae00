package irw.service.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job store: one SQLite file holding jobs, their states, their metrics histories and their
 * artifacts. Every change is its own committed transaction with {@code synchronous=FULL}, so a job
 * the API has acknowledged survives kill -9 and power loss. One connection, serialised by this
 * object's monitor: the service writes a handful of rows per training step, far below SQLite's
 * limits.
 */
public final class JobStore implements AutoCloseable {
    private static final TypeReference<Map<String, Double>> VALUES = new TypeReference<>() {
    };
    private final Connection db;
    private final ObjectMapper json;
    private final Path file;

    private JobStore(Connection db, ObjectMapper json, Path file) {
        this.db = db;
        this.json = json;
        this.file = file;
    }

    public static JobStore open(Path file, ObjectMapper json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new JobStore(JobStoreSchema.connect(file), json, file);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the job store " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Stores a new SCHEDULED job and returns its id ("job-N", N counting up from 1). */
    public synchronized String insert(String kind, JsonNode spec) {
        return insert(kind, spec, null).id();
    }

    /**
     * What a submission did: {@code created} is false when a job with the same request id existed
     * already ({@code sameSpec} tells whether it was submitted with the same spec).
     */
    public record Insertion(String id, boolean created, boolean sameSpec) {
    }

    /**
     * Stores a new SCHEDULED job, unless one was stored with the same client-chosen {@code requestId}
     * (null: none): then it answers that job, so that a retry after a lost answer does not start
     * the job twice (issue 15 item 14). The check and the insert are one transaction.
     */
    public synchronized Insertion insert(String kind, JsonNode spec, String requestId) {
        try {
            db.setAutoCommit(false);
            String specText = json.writeValueAsString(spec);
            if (requestId != null) {
                try (PreparedStatement p = db.prepareStatement("SELECT id, kind, spec FROM jobs WHERE request_id = ?")) {
                    p.setString(1, requestId);
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            Insertion earlier = new Insertion(rs.getString(1), false,
                                    kind.equals(rs.getString(2)) && specText.equals(rs.getString(3)));
                            db.commit();
                            return earlier;
                        }
                    }
                }
            }
            long num;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name='jobs'), 0) + 1")) {
                num = rs.next() ? rs.getLong(1) : 1;
            }
            String id = "job-" + num;
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO jobs(num, id, kind, spec, state, submitted_at, request_id) VALUES (?,?,?,?,?,?,?)")) {
                p.setLong(1, num);
                p.setString(2, id);
                p.setString(3, kind);
                p.setString(4, specText);
                p.setString(5, JobState.SCHEDULED.name());
                p.setString(6, now());
                p.setString(7, requestId);
                p.executeUpdate();
            }
            db.commit();
            return new Insertion(id, true, true);
        } catch (SQLException | JsonProcessingException e) {
            rollback();
            throw new StoreException("cannot store a new job: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    public synchronized Optional<JobView> find(String id) {
        List<JobView> found = query("SELECT * FROM jobs WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** All jobs, oldest first. */
    public synchronized List<JobView> list() {
        return query("SELECT * FROM jobs ORDER BY num");
    }

    public synchronized int count(JobState state) {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM jobs WHERE state = ?")) {
            p.setString(1, state.name());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count jobs: " + e.getMessage(), e);
        }
    }

    /**
     * Moves the next job to RUNNING and returns it: jobs waiting to resume first, then the oldest
     * SCHEDULED one.
     */
    public synchronized Optional<JobView> claimNext() {
        List<JobView> next = query("SELECT * FROM jobs WHERE state = 'SCHEDULED' ORDER BY resume_pending DESC, num LIMIT 1");
        if (next.isEmpty()) {
            return Optional.empty();
        }
        String id = next.get(0).id();
        update("UPDATE jobs SET state = 'RUNNING', resume_pending = 0, attempts = attempts + 1,"
                + " started_at = COALESCE(started_at, ?) WHERE id = ? AND state = 'SCHEDULED'", now(), id);
        return find(id);
    }

    /** Ends a job in a final state, with a reason for FAILED and KILLED. */
    public synchronized void finish(String id, JobState state, String reason) {
        if (!state.isFinal()) {
            throw new IllegalArgumentException(state + " is not a final state");
        }
        update("UPDATE jobs SET state = ?, reason = ?, finished_at = ? WHERE id = ?", state.name(), reason, now(), id);
    }

    /**
     * Asks a job to stop: a SCHEDULED job is KILLED at once, a RUNNING one is flagged for its
     * runner to notice. Returns the job's state before the request, or empty for an unknown id.
     */
    public synchronized Optional<JobState> requestCancel(String id) {
        Optional<JobView> job = find(id);
        job.ifPresent(j -> {
            if (j.state() == JobState.SCHEDULED) {
                finish(id, JobState.KILLED, "cancelled before it started");
            } else if (j.state() == JobState.RUNNING) {
                update("UPDATE jobs SET cancel_requested = 1 WHERE id = ?", id);
            }
        });
        return job.map(JobView::state);
    }

    /**
     * After a crash or a shutdown: every job still RUNNING goes back to the head of the queue (a
     * cancelled one ends KILLED). Returns the ids of those jobs. Its history gets its
     * {@link MetricsPoint#RESUMED} marker when the next attempt starts ({@link #appendResumeMarker}),
     * once the trainer knows the step it goes on from.
     */
    public synchronized List<String> requeueInterrupted() {
        List<String> ids = new ArrayList<>();
        for (JobView job : query("SELECT * FROM jobs WHERE state = 'RUNNING' ORDER BY num")) {
            if (job.cancelRequested()) {
                finish(job.id(), JobState.KILLED, "cancelled (the service stopped before the job did)");
                continue;
            }
            update("UPDATE jobs SET state = 'SCHEDULED', resume_pending = 1 WHERE id = ?", job.id());
            ids.add(job.id());
        }
        return ids;
    }

    /**
     * The marker of an attempt that runs a job again: at the last step recorded before the
     * interruption, with the attempt, that step ({@value MetricsPoint#LAST_RECORDED_STEP}) and the
     * step this attempt goes on from ({@value MetricsPoint#FROM_STEP}: its checkpoint's step, 0 when it
     * starts again from the beginning; left out when the attempt ended before it knew).
     */
    public synchronized long appendResumeMarker(String id, int attempt, long fromStep) {
        JobView job = find(id).orElseThrow(() -> new StoreException("no job " + id, null));
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put(MetricsPoint.ATTEMPT, (double) attempt);
        values.put(MetricsPoint.LAST_RECORDED_STEP, (double) job.step());
        if (fromStep >= 0) {
            values.put(MetricsPoint.FROM_STEP, (double) fromStep);
        }
        return appendPoint(id, MetricsPoint.RESUMED, job.epoch(), job.step(), job.totalSteps(), values);
    }

    /** Appends a training report to the job's history and returns its sequence number. */
    public synchronized long appendMetrics(String id, int epoch, long step, long totalSteps, Map<String, Double> values) {
        return appendPoint(id, MetricsPoint.METRICS, epoch, step, totalSteps, values);
    }

    /** The history entries after {@code afterSeq} (0 for all), in order. */
    public synchronized List<MetricsPoint> metrics(String id, long afterSeq) {
        List<MetricsPoint> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM metrics WHERE job_id = ? AND seq > ? ORDER BY seq")) {
            p.setString(1, id);
            p.setLong(2, afterSeq);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new MetricsPoint(rs.getLong("seq"), rs.getString("type"), rs.getInt("epoch"), rs.getLong("step"),
                            rs.getLong("total_steps"), json.readValue(rs.getString("metric_values"), VALUES), rs.getString("at")));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read the metrics of " + id + ": " + e.getMessage(), e);
        }
    }

    /** Records a model file of a job; {@code relativePath} is relative to the job's directory. */
    public synchronized void addArtifact(String id, String name, String relativePath, long bytes) {
        update("INSERT OR REPLACE INTO artifacts(job_id, name, path, bytes) VALUES (?,?,?,?)", id, name, relativePath, bytes);
    }

    /** The stored relative path of a job's artifact. */
    public synchronized Optional<String> artifactPath(String id, String name) {
        try (PreparedStatement p = db.prepareStatement("SELECT path FROM artifacts WHERE job_id = ? AND name = ?")) {
            p.setString(1, id);
            p.setString(2, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the artifacts of " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the job store " + file + ": " + e.getMessage(), e);
        }
    }

    private long appendPoint(String id, String type, int epoch, long step, long totalSteps, Map<String, Double> values) {
        try {
            db.setAutoCommit(false);
            long seq;
            try (PreparedStatement p = db.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM metrics WHERE job_id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    seq = rs.next() ? rs.getLong(1) : 1;
                }
            }
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO metrics(job_id, seq, type, epoch, step, total_steps, metric_values, at) VALUES (?,?,?,?,?,?,?,?)")) {
                p.setString(1, id);
                p.setLong(2, seq);
                p.setString(3, type);
                p.setInt(4, epoch);
                p.setLong(5, step);
                p.setLong(6, totalSteps);
                p.setString(7, json.writeValueAsString(values));
                p.setString(8, now());
                p.executeUpdate();
            }
            if (MetricsPoint.METRICS.equals(type)) {
                // the job's progress moves in the same transaction as its history: one fsync, never out of step
                update("UPDATE jobs SET epoch = ?, step = ?, total_steps = ? WHERE id = ?", epoch, step, totalSteps, id);
            }
            db.commit();
            return seq;
        } catch (SQLException | JsonProcessingException e) {
            rollback();
            throw new StoreException("cannot record metrics of " + id + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private List<JobView> query(String sql, Object... args) {
        List<JobView> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read jobs: " + e.getMessage(), e);
        }
        return out;
    }

    private JobView view(ResultSet rs) throws SQLException, JsonProcessingException {
        String id = rs.getString("id");
        List<String> artifacts = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT name FROM artifacts WHERE job_id = ? ORDER BY name")) {
            p.setString(1, id);
            try (ResultSet a = p.executeQuery()) {
                while (a.next()) {
                    artifacts.add(a.getString(1));
                }
            }
        }
        return new JobView(id, rs.getString("kind"), JobState.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getString("submitted_at"), rs.getString("started_at"), rs.getString("finished_at"), rs.getInt("attempts"),
                rs.getInt("epoch"), rs.getLong("step"), rs.getLong("total_steps"), rs.getInt("cancel_requested") != 0,
                artifacts, json.readTree(rs.getString("spec")));
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update the job store: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("the job store connection broke: " + e.getMessage(), e);
        }
    }

    private static String now() {
        return Instant.now().toString();
    }
}
