package irw.app.training;

import irw.app.workbench.WorkbenchModel;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.JobEventListener;
import irw.service.client.TrainingServiceClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Follows live runs over their event streams, each on its own thread
 * ({@link TrainingServiceClient#followInBackground}), so a run that trains for hours holds none of
 * the workbench's workers: loading, classification, export and t-SNE go on beside any number of
 * followed runs, and cancelling running jobs (Esc) leaves the following alone. Events reach the
 * rows on the UI thread. A follow that ends (the run ended, or the stream failed) can start again.
 */
final class RunFollowers implements AutoCloseable {
    private final WorkbenchModel model;
    private final Map<String, TrainingServiceClient.Following> following = new ConcurrentHashMap<>();

    RunFollowers(WorkbenchModel model) {
        this.model = model;
    }

    boolean isFollowing(RunRow row) {
        return following.containsKey(row.id());
    }

    /**
     * Follows {@code row} until its run ends; {@code onStateChange} runs on the UI thread after each
     * state event, {@code onEnd} with the final state.
     */
    synchronized void follow(TrainingServiceClient client, RunRow row, Runnable onStateChange, Consumer<JobView> onEnd) {
        String id = row.id();
        if (following.containsKey(id)) {
            return;
        }
        var ui = model.executor().uiThread();
        TrainingServiceClient.Following f = client.followInBackground(id, new JobEventListener() {
            @Override
            public void onState(JobView job) {
                ui.execute(() -> {
                    row.update(job);
                    onStateChange.run();
                });
            }

            @Override
            public void onPoint(MetricsPoint point) {
                ui.execute(() -> row.history().add(point));
            }
        });
        following.put(id, f);
        f.done().whenComplete((job, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            ui.execute(() -> {
                try {
                    if (cause == null) {
                        row.update(job);
                        onEnd.accept(job);
                    } else if (!(cause instanceof CancellationException)) {
                        model.notifications().error(id, cause);
                    }
                } finally {
                    following.remove(id, f); // a later refresh may follow the run again
                }
            });
        });
    }

    /** Stops following every run (the runs go on in the service). */
    @Override
    public void close() {
        for (TrainingServiceClient.Following f : List.copyOf(following.values())) {
            f.close();
        }
        following.clear();
    }
}
