package irw.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.store.JobStore;

import java.util.List;

/**
 * Follows one job for a server-sent-events client. Events, each with the job's state or one
 * history entry:
 * <ul>
 *   <li>{@code state}: the job (a {@link JobView}) whenever its state changes, first and last;</li>
 *   <li>{@code metrics} / {@code resumed}: each {@link MetricsPoint}, in history order, with the
 *       point's {@code seq} as the event id, so a client reconnecting with {@code Last-Event-ID}
 *       continues where it left off.</li>
 * </ul>
 * Everything is read from the store, so a client sees exactly the recorded history, in order,
 * whether it connects before, during or after the run. The stream ends after the final state, or
 * when the service stops (a client reconnects with {@code Last-Event-ID} to the next one).
 */
final class EventStream {
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private final JobStore store;
    private final JobEvents events;
    private final ObjectMapper json;
    private final java.util.function.BooleanSupplier serving;

    EventStream(JobStore store, JobEvents events, ObjectMapper json, java.util.function.BooleanSupplier serving) {
        this.store = store;
        this.events = events;
        this.json = json;
        this.serving = serving;
    }

    void follow(SseClient client, String jobId) {
        long lastSeq = lastEventId(client.ctx().header("Last-Event-ID"));
        JobState sentState = null;
        try {
            while (!client.terminated() && serving.getAsBoolean()) {
                long seen = events.version();
                lastSeq = sendHistory(client, jobId, lastSeq);
                JobView job = store.find(jobId).orElseThrow();
                if (job.state() != sentState) {
                    if (job.state().isFinal()) {
                        // Anything recorded before the job ended goes out before its final state.
                        sendHistory(client, jobId, lastSeq);
                    }
                    client.sendEvent("state", json.writeValueAsString(job), null);
                    sentState = job.state();
                }
                if (sentState.isFinal()) {
                    break;
                }
                if (!events.awaitChange(seen, KEEP_ALIVE_MILLIS)) {
                    client.sendComment("keep-alive");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException e) {
            client.sendEvent("error", e.getOriginalMessage(), null);
        } finally {
            client.close();
        }
    }

    private long sendHistory(SseClient client, String jobId, long afterSeq) throws JsonProcessingException {
        long last = afterSeq;
        List<MetricsPoint> points = store.metrics(jobId, afterSeq);
        for (MetricsPoint p : points) {
            client.sendEvent(p.type(), json.writeValueAsString(p), Long.toString(p.seq()));
            last = p.seq();
        }
        return last;
    }

    private static long lastEventId(String header) {
        try {
            return header == null ? 0 : Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
