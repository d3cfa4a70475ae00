package irw.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one training loop, without a network: what it owns (order, positions, cancel, the loss guard, the data thread). */
class TrainingLoopTest {

    /** Records what the loop tells a listener. */
    private static final class Recorder implements TrainingListener {
        final List<TrainingMetrics> steps = new ArrayList<>();
        final List<TrainingMetrics> evaluations = new ArrayList<>();
        final List<TrainingStart> starts = new ArrayList<>();
        volatile long cancelAfter = Long.MAX_VALUE;

        @Override
        public void onMetrics(TrainingMetrics m) {
            steps.add(m);
        }

        @Override
        public void onStart(TrainingStart start) {
            starts.add(start);
        }

        @Override
        public void onEvaluation(TrainingMetrics e) {
            evaluations.add(e);
        }

        @Override
        public boolean isCancelled() {
            return steps.size() >= cancelAfter;
        }
    }

    @Test
    void batchesArePreparedAheadOnTheDataThreadAndStepsRunInOrder() {
        List<String> madeOn = new CopyOnWriteArrayList<>();
        List<Long> ran = new ArrayList<>();
        Recorder r = new Recorder();
        TrainingLoop.Result result = new TrainingLoop("test", r).run(TrainingLoop.Stage.whole(7, 3, 0),
                BatchSource.preparedAhead(step -> {
                    madeOn.add(step + "@" + Thread.currentThread().getName());
                    return step * 10;
                }), (batch, step) -> {
                    assertThat(batch).isEqualTo(step * 10);
                    ran.add(step);
                    return Map.of("loss", 1.0 / (step + 1));
                });
        assertThat(result).isEqualTo(new TrainingLoop.Result(7, false));
        assertThat(ran).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(madeOn).hasSize(7).first().asString().doesNotContain("irw-batches"); // step 0 has nothing to overlap with
        assertThat(madeOn.subList(1, 7)).allMatch(s -> s.endsWith("@irw-batches"));
        assertThat(r.steps).extracting(TrainingMetrics::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(r.steps).extracting(TrainingMetrics::epoch).containsExactly(0, 0, 0, 1, 1, 1, 2);
        assertThat(r.starts).containsExactly(new TrainingStart(0, 7, false));
        assertThat(dataThreadsAlive()).as("the data thread is stopped with the run").isFalse();
    }

    @Test
    void stagesReportTheirPositionWhileTheStepCountRunsOn() {
        Recorder r = new Recorder();
        TrainingLoop loop = new TrainingLoop("refinery", r);
        for (int round = 0; round < 2; round++) {
            loop.run(new TrainingLoop.Stage(TrainingPosition.ofRound(round), round * 4L, round * 4L + 4, 8, 2, 0),
                    step -> step, (batch, step) -> Map.of("loss", 0.5));
            loop.evaluation(Map.of("accuracy_test", 0.75, "accuracy_empty", Double.NaN));
        }
        assertThat(r.starts).hasSize(1);
        assertThat(r.steps).extracting(m -> m.position().round()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(r.steps).extracting(TrainingMetrics::epoch).containsExactly(0, 0, 1, 1, 0, 0, 1, 1);
        assertThat(r.steps).allMatch(m -> !m.values().containsKey("round"), "the round is a position, not a value");
        assertThat(r.evaluations).extracting(TrainingMetrics::step).containsExactly(4L, 8L);
        assertThat(r.evaluations).extracting(m -> m.position().round()).containsExactly(0, 1);
        assertThat(r.evaluations.get(0).values()).containsOnlyKeys("accuracy_test"); // NaN (an empty set) is left out
    }

    @Test
    void aCancelThatArrivesDuringTheLastStepStillCounts() {
        Recorder r = new Recorder();
        r.cancelAfter = 5;
        TrainingLoop.Result result = new TrainingLoop("test", r).run(TrainingLoop.Stage.whole(5, 5, 0), step -> step,
                (batch, step) -> Map.of("loss", 1.0));
        assertThat(result).isEqualTo(new TrainingLoop.Result(5, true));

        Recorder early = new Recorder();
        early.cancelAfter = 2;
        assertThat(new TrainingLoop("test", early).run(TrainingLoop.Stage.whole(5, 5, 0), step -> step, (b, s) -> Map.of("loss", 1.0)))
                .isEqualTo(new TrainingLoop.Result(2, true));
        assertThat(early.steps).hasSize(2);
    }

    @Test
    void aNaNLossStopsTheRunAtItsStepBeforeItIsReported() {
        Recorder r = new Recorder();
        assertThatThrownBy(() -> new TrainingLoop("classifier", r).run(TrainingLoop.Stage.whole(10, 10, 0),
                BatchSource.preparedAhead(step -> step), (batch, step) -> Map.of("loss", step == 2 ? Double.NaN : 1.0)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("classifier training diverged at step 3")
                .satisfies(e -> assertThat(((TrainingDivergedException) e).step()).isEqualTo(3));
        assertThat(r.steps).hasSize(2);
        assertThat(dataThreadsAlive()).isFalse();
    }

    @Test
    void aBatchThatCannotBeMadeFailsTheRunWithItsOwnMessage() {
        assertThatThrownBy(() -> new TrainingLoop("test", TrainingListener.NONE).run(TrainingLoop.Stage.whole(5, 5, 0),
                BatchSource.preparedAhead(step -> {
                    if (step == 3) {
                        throw new IllegalArgumentException("pattern 17 has a NaN");
                    }
                    return step;
                }), (batch, step) -> Map.of("loss", 1.0))).isInstanceOf(IllegalArgumentException.class).hasMessage("pattern 17 has a NaN");
        assertThat(dataThreadsAlive()).isFalse();
    }

    private static boolean dataThreadsAlive() {
        for (int i = 0; i < 50; i++) { // shutdownNow interrupts; give the thread a moment to leave
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("irw-batches") && t.isAlive())) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }
}
