package irw.app.training;

import irw.service.api.MetricsPoint;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The loss and accuracy curves of one run, one curve per reported metric, kept up to date as the
 * run's history grows: a new point is appended to its curves (constant work per point), never a
 * rebuild of every curve. Resume markers and counters (round, class, restart) are not curves.
 * A view draws {@link #curves()} and appends what each curve's {@link Curve#points()} reports.
 */
public final class TrainingCurves {
    /** One point of a curve: the training step and the metric's value there. */
    public record CurvePoint(long step, double value) {
    }

    /** One metric's curve; accuracy-like metrics ("acc" in the name) go to their own chart. */
    public static final class Curve {
        private final String metric;
        private final ObservableList<CurvePoint> points = FXCollections.observableArrayList();

        Curve(String metric) {
            this.metric = metric;
        }

        public String metric() {
            return metric;
        }

        public boolean isAccuracy() {
            return metric.toLowerCase(Locale.ROOT).contains("acc");
        }

        /** The points in the order reported; only ever appended to while the run is shown. */
        public ObservableList<CurvePoint> points() {
            return points;
        }
    }

    /** A fixed order, the total loss first, so a metric keeps its colour from run to run. */
    private static final Comparator<String> ORDER = Comparator.comparing((String k) -> !k.equals("loss")).thenComparing(k -> k);

    private final ObservableList<Curve> curves = FXCollections.observableArrayList();
    private final ListChangeListener<MetricsPoint> appender = c -> {
        while (c.next()) {
            if (c.wasRemoved()) {
                replay(); // the history was rewritten (not something the service does): start over
                return;
            }
            if (c.wasAdded()) {
                c.getAddedSubList().forEach(this::append);
            }
        }
    };
    private RunRow shown;

    /** Shows the curves of {@code row} (null: none), and follows its history from now on. */
    public void show(RunRow row) {
        if (shown != null) {
            shown.history().removeListener(appender);
        }
        shown = row;
        replay();
        if (row != null) {
            row.history().addListener(appender);
        }
    }

    private void replay() {
        curves.clear();
        if (shown != null) {
            List.copyOf(shown.history()).forEach(this::append);
        }
    }

    private void append(MetricsPoint p) {
        if (p.isResumeMarker()) {
            return;
        }
        p.values().forEach((metric, value) -> {
            if (Double.isFinite(value) && !MetricsPoint.isCounter(metric)) {
                curve(metric).points.add(new CurvePoint(p.step(), value));
            }
        });
    }

    private Curve curve(String metric) {
        int at = 0;
        for (; at < curves.size(); at++) {
            int cmp = ORDER.compare(curves.get(at).metric, metric);
            if (cmp == 0) {
                return curves.get(at);
            }
            if (cmp > 0) {
                break;
            }
        }
        Curve c = new Curve(metric);
        curves.add(at, c);
        return c;
    }

    /** The curves of the shown run, in a fixed order (loss first, then by name). */
    public ObservableList<Curve> curves() {
        return curves;
    }
}
