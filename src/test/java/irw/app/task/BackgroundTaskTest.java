package irw.app.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundTaskTest {
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void successDeliversTheResultAndFullProgress() {
        AtomicReference<Integer> result = new AtomicReference<>();
        BackgroundTask<Integer> task = executor.execute(BackgroundTask.of("sum", ctx -> {
            int s = 0;
            for (int i = 1; i <= 4; i++) {
                s += i;
                ctx.updateProgress(i, 4);
            }
            return s;
        }).onSuccess(result::set));
        assertThat(result.get()).isEqualTo(10);
        assertThat(task.progressProperty().get()).isEqualTo(1.0);
        assertThat(task.runningProperty().get()).isFalse();
        assertThat(executor.runningTasks()).isEmpty();
    }

    @Test
    void failureReachesOnFailureNotOnSuccess() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicReference<Object> result = new AtomicReference<>();
        executor.execute(BackgroundTask.of("bad", ctx -> {
            throw new IllegalStateException("model file missing: m.zip");
        }).onSuccess(result::set).onFailure(error::set));
        assertThat(result.get()).isNull();
        assertThat(error.get()).hasMessage("model file missing: m.zip");
    }

    @Test
    void cancelStopsTheWorkAndCallsOnCancelled() {
        List<Integer> seen = new ArrayList<>();
        boolean[] cancelled = {false};
        BackgroundTask<Integer>[] self = new BackgroundTask[1];
        self[0] = BackgroundTask.of("long", ctx -> {
            for (int i = 0; i < 100 && !ctx.isCancelled(); i++) {
                seen.add(i);
                if (i == 2) {
                    self[0].cancel();
                }
            }
            return seen.size();
        });
        executor.execute(self[0].onCancelled(() -> cancelled[0] = true).onSuccess(r -> seen.add(-1)));
        assertThat(cancelled[0]).isTrue();
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void latestRequestWinsAndObsoleteRequestsAreSkipped() {
        Queue<Runnable> worker = new ArrayDeque<>();
        List<String> computed = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        LatestRequestRunner<String, String> runner = new LatestRequestRunner<>(worker::add, Runnable::run,
                (q, obsolete) -> {
                    computed.add(q);
                    return q.toUpperCase();
                }, applied::add, e -> { });
        runner.submit("a");
        runner.submit("b");
        runner.submit("c");
        while (!worker.isEmpty()) {
            worker.poll().run();
        }
        assertThat(computed).containsExactly("c");
        assertThat(applied).containsExactly("C");
        assertThat(runner.lastApplied()).isEqualTo(3);
    }

    @Test
    void aResultThatBecameObsoleteWhileComputingIsDropped() {
        Queue<Runnable> ui = new ArrayDeque<>();
        List<String> applied = new ArrayList<>();
        LatestRequestRunner<String, String>[] holder = new LatestRequestRunner[1];
        holder[0] = new LatestRequestRunner<>(Runnable::run, ui::add, (q, obsolete) -> {
            if (q.equals("slow")) {
                holder[0].submit("fast"); // a newer slider position arrives mid-computation
                assertThat(obsolete.getAsBoolean()).isTrue();
            }
            return q;
        }, applied::add, e -> { });
        holder[0].submit("slow");
        while (!ui.isEmpty()) {
            ui.poll().run();
        }
        assertThat(applied).containsExactly("fast");
    }

    @Test
    void aProgressiveComputationShowsItsStepsBeforeItsResultAndOnlyTheResultCountsAsApplied() {
        Queue<Runnable> ui = new ArrayDeque<>();
        List<String> applied = new ArrayList<>();
        LatestRequestRunner<String, String>[] holder = new LatestRequestRunner[1];
        holder[0] = LatestRequestRunner.progressive(Runnable::run, ui::add, (q, obsolete, publish) -> {
            for (int step = 1; step <= 3; step++) {
                publish.accept(q + step);
                if (q.equals("old") && step == 2) {
                    holder[0].submit("new"); // the slider moves on while "old" is at its second step
                }
            }
            return q + "-done";
        }, applied::add, e -> { });
        holder[0].submit("old");
        long submitted = holder[0].submitted();
        while (!ui.isEmpty()) {
            ui.poll().run();
        }
        assertThat(submitted).isEqualTo(2);
        // old1 and old2 were queued for the UI after "new" made them obsolete: dropped with old's result
        assertThat(applied).containsExactly("new1", "new2", "new3", "new-done");
        assertThat(holder[0].lastApplied()).isEqualTo(2);
    }
}
