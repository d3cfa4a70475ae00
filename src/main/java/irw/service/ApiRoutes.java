package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import irw.service.api.HealthReport;
import irw.service.api.JobView;
import irw.service.store.JobStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The REST contract under {@code /api} (the CLI, the GUI and scripts rely on it):
 * <pre>
 * GET  /api/health                       state, backend and device, memory
 * POST /api/jobs                         a job spec in, {"id": ...} out (201), 400 naming the bad field, 413 over 1 MB;
 *                                        with an Idempotency-Key header, a repeat answers the same job (200)
 * GET  /api/jobs                         all jobs, oldest first
 * GET  /api/jobs/{id}                    one job and its state
 * GET  /api/jobs/{id}/metrics[?after=N]  its metrics history (resume markers included)
 * GET  /api/jobs/{id}/events             server-sent events (Accept: text/event-stream)
 * POST /api/jobs/{id}/cancel             cancels it: 202 means it ends KILLED; 409 when it has ended or published its model
 * GET  /api/jobs/{id}/artifacts/{name}   one of its model files
 * </pre>
 * Every request needs {@code Authorization: Bearer <token>}, else 401.
 */
final class ApiRoutes {
    private static final Pattern JOB_ID = Pattern.compile("job-[0-9]{1,18}");
    static final int MAX_BODY_BYTES = 1_000_000;
    /** The client-chosen request id of a submission (the IETF draft's header name). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private final JobStore store;
    private final JobScheduler scheduler;
    private final JobSpecParser parser;
    private final JobEvents events;
    private final AccessToken token;
    private final Path jobsDir;
    private final ObjectMapper json;
    private final Supplier<HealthReport> health;
    private final java.util.function.BooleanSupplier serving;

    ApiRoutes(JobStore store, JobScheduler scheduler, JobSpecParser parser, JobEvents events, AccessToken token, Path jobsDir,
              ObjectMapper json, Supplier<HealthReport> health, java.util.function.BooleanSupplier serving) {
        this.store = store;
        this.scheduler = scheduler;
        this.parser = parser;
        this.events = events;
        this.token = token;
        this.jobsDir = jobsDir;
        this.json = json;
        this.health = health;
        this.serving = serving;
    }

    void register(Javalin app) {
        app.before(ctx -> {
            if (!token.acceptsHeader(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiError(401, "missing or wrong token: send 'Authorization: Bearer <token>' with the token from <data-dir>/"
                        + AccessToken.FILE_NAME);
            }
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), null));
        app.exception(InvalidJobSpecException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.field()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + FailureReason.of(e), null));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
            }
        });

        app.get("/api/health", ctx -> ctx.json(health.get()));
        app.post("/api/jobs", this::submit);
        app.get("/api/jobs", ctx -> ctx.json(store.list()));
        app.get("/api/jobs/{id}", ctx -> ctx.json(job(ctx)));
        app.get("/api/jobs/{id}/metrics", ctx -> ctx.json(store.metrics(job(ctx).id(), afterParam(ctx))));
        app.post("/api/jobs/{id}/cancel", this::cancel);
        app.get("/api/jobs/{id}/artifacts/{name}", this::artifact);
        EventStream stream = new EventStream(store, events, json, serving);
        SseHandler sse = new SseHandler(client -> stream.follow(client, client.ctx().pathParam("id")));
        app.get("/api/jobs/{id}/events", ctx -> {
            job(ctx);
            if (!"text/event-stream".equals(ctx.header("Accept"))) {
                throw new ApiError(406, "the event stream needs 'Accept: text/event-stream'");
            }
            sse.handle(ctx);
        });
    }

    private void submit(Context ctx) throws InvalidJobSpecException, IOException {
        String requestId = requestId(ctx);
        JobSpec spec = parser.parse(limitedBody(ctx));
        JobStore.Insertion done = store.insert(spec.kind().wireName(), parser.toJson(spec), requestId);
        if (done.created()) {
            events.changed();
            ctx.status(201).json(Map.of("id", done.id()));
        } else if (done.sameSpec()) {
            ctx.status(200).json(Map.of("id", done.id(), "replayed", true)); // a retry: the job exists, it does not start twice
        } else {
            throw new ApiError(422, IDEMPOTENCY_KEY + " '" + requestId + "' was already used for " + done.id() + " with a different spec");
        }
    }

    private void cancel(Context ctx) {
        JobView job = job(ctx);
        if (job.state().isFinal()) {
            throw new ApiError(409, job.id() + " has already ended: " + job.state());
        }
        switch (scheduler.cancel(job.id())) {
            case TOO_LATE -> throw new ApiError(409, job.id() + " has already published its model: too late to cancel, it ends FINISHED");
            case ENDED, UNKNOWN -> throw new ApiError(409, job.id() + " has already ended: "
                    + store.find(job.id()).map(JobView::state).orElse(job.state()));
            default -> ctx.status(202).json(store.find(job.id()).orElseThrow());
        }
    }

    private void artifact(Context ctx) throws IOException {
        JobView job = job(ctx);
        String name = ctx.pathParam("name");
        if (!ArtifactNames.isValid(name)) {
            throw new ApiError(400, "not a plain artifact name: '" + name + "' (no paths, no '..')");
        }
        String relative = store.artifactPath(job.id(), name)
                .orElseThrow(() -> new ApiError(404, job.id() + " has no artifact '" + name + "'; it has " + job.artifacts()));
        Path file;
        try {
            file = ArtifactNames.confine(jobsDir.resolve(job.id()), relative);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSymbolicLink(file)) {
                throw new ApiError(403, "the artifact file of " + job.id() + "/" + name + " is a symbolic link: not served");
            }
            throw new ApiError(410, "the artifact file of " + job.id() + "/" + name + " is gone from the data directory");
        }
        // A link anywhere on the way (the job's directory, a folder of it) could point outside the data directory.
        if (!file.toRealPath().startsWith(jobsDir.toRealPath().resolve(job.id()))) {
            throw new ApiError(403, "the artifact file of " + job.id() + "/" + name + " lies behind a symbolic link: not served");
        }
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            ctx.header("Content-Length", String.valueOf(Files.size(file)));
            in.transferTo(ctx.outputStream());
        }
    }

    /**
     * The request body, at most {@link #MAX_BODY_BYTES} however it is sent (issue 15 item 9: a chunked
     * body has no Content-Length, and Javalin's own cap never saw the 50 MB and 1.2 GB ones of the probe).
     */
    private static String limitedBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge(ctx);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge(ctx);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String requestId(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (!REQUEST_ID.matcher(key).matches()) {
            throw new ApiError(400, IDEMPOTENCY_KEY + ": 1 to 128 characters of letters, digits and . _ : - (a UUID fits)");
        }
        return key;
    }

    private static ApiError tooLarge(Context ctx) {
        ctx.header("Connection", "close"); // the rest of the body is not read
        return new ApiError(413, "the request body is over the " + MAX_BODY_BYTES / 1_000_000 + " MB limit (a job spec is a few hundred bytes)");
    }

    private JobView job(Context ctx) {
        String id = ctx.pathParam("id");
        if (!JOB_ID.matcher(id).matches()) {
            throw new ApiError(404, "no job '" + id + "' (job ids look like job-12)");
        }
        return store.find(id).orElseThrow(() -> new ApiError(404, "no job " + id));
    }

    private static long afterParam(Context ctx) {
        String after = ctx.queryParam("after");
        try {
            return after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "after: not a whole number: " + after);
        }
    }

    private void error(Context ctx, int status, String message, String field) {
        Map<String, String> body = field == null ? Map.of("error", message) : Map.of("error", message, "field", field);
        ctx.status(status).json(body);
    }
}
