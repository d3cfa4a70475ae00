package irw.app.training;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 13: the Training view's curves live in a view model that appends, one data set per metric. */
class TrainingCurvesTest {
    private static RunRow run() {
        return new RunRow(new JobView("job-1", "label-refinery", JobState.RUNNING, null, "t0", "t0", null, 1, 0, 0, 1000,
                false, List.of(), null));
    }

    private static MetricsPoint point(long seq, long step, Map<String, Double> values) {
        return new MetricsPoint(seq, MetricsPoint.METRICS, 0, step, 1000, values, "t");
    }

    @Test
    void aNewPointIsAppendedToItsCurvesNotRebuilt() {
        RunRow row = run();
        for (int s = 1; s <= 500; s++) {
            row.history().add(point(s, s, Map.of("loss", 1.0 / s, "l_c", 0.5 / s, "round", 1.0)));
        }
        row.history().add(new MetricsPoint(501, MetricsPoint.RESUMED, 0, 500, 1000, Map.of(), "t"));
        TrainingCurves curves = new TrainingCurves();
        curves.show(row);
        assertThat(curves.curves()).extracting(TrainingCurves.Curve::metric).as("the total loss first; counters are no curves")
                .containsExactly("loss", "l_c");
        assertThat(curves.curves()).allSatisfy(c -> assertThat(c.points()).hasSize(500));
        TrainingCurves.Curve loss = curves.curves().get(0);
        List<String> changes = new ArrayList<>();
        loss.points().addListener((ListChangeListener<TrainingCurves.CurvePoint>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" + c.getAddedSize() : "") + (c.wasRemoved() ? "-" + c.getRemovedSize() : ""));
            }
        });
        row.history().add(point(502, 501, Map.of("loss", 0.001, "l_c", 0.0005, "accuracy", 0.9)));
        assertThat(changes).as("one point appended, nothing removed or rebuilt").containsExactly("+1");
        assertThat(curves.curves().get(0)).isSameAs(loss);
        assertThat(loss.points()).hasSize(501).last().isEqualTo(new TrainingCurves.CurvePoint(501, 0.001));
        assertThat(curves.curves()).extracting(TrainingCurves.Curve::metric).containsExactly("loss", "accuracy", "l_c");
        assertThat(curves.curves().get(1).isAccuracy()).isTrue();
        assertThat(curves.curves().get(1).points()).containsExactly(new TrainingCurves.CurvePoint(501, 0.9));

        curves.show(null);
        assertThat(curves.curves()).isEmpty();
        row.history().add(point(503, 502, Map.of("loss", 0.0009)));
        assertThat(curves.curves()).as("a run no longer shown is not followed").isEmpty();
    }
}
