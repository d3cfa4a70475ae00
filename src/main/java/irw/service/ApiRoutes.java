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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The REST contract under {@code /api} (the CLI, the GUI and scripts rely on it):
 * <pre>
 * GET  /api/health                       state, backend and device, memory
 * POST /api/jobs                         a job spec in, {"id": ...} out (201), 400 naming the bad field
 * GET  /api/jobs                         all jobs, oldest first
 * GET  /api/jobs/{id}                    one job and its state
 * GET  /api/jobs/{id}/metrics[?after=N]  its metrics history (resume markers included)
 * GET  /api/jobs/{id}/events             server-sent events (Accept: text/event-stream)
 * POST /api/jobs/{id}/cancel             cancels it (409 when it has already ended)
 * GET  /api/jobs/{id}/artifacts/{name}   one of its model files
 * </pre>
 * Every request needs {@code Authorization: Bearer <token>}, else 401.
 */
final class ApiRoutes {
    private static final Pattern JOB_ID = Pattern.compile("job-[0-9]{1,18}");
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

    private void submit(Context ctx) throws InvalidJobSpecException {
        JobSpec spec = parser.parse(ctx.body());
        String id = store.insert(spec.kind().wireName(), parser.toJson(spec));
        events.changed();
        ctx.status(201).json(Map.of("id", id));
    }

    private void cancel(Context ctx) {
        JobView job = job(ctx);
        if (job.state().isFinal()) {
            throw new ApiError(409, job.id() + " has already ended: " + job.state());
        }
        scheduler.cancel(job.id());
        ctx.status(202).json(store.find(job.id()).orElseThrow());
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
        if (!Files.isRegularFile(file)) {
            throw new ApiError(410, "the artifact file of " + job.id() + "/" + name + " is gone from the data directory");
        }
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Content-Length", String.valueOf(Files.size(file)));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.outputStream());
        }
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
