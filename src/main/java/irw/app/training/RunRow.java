package irw.app.training;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** One run in the run list: its state as the service last reported it, and its metrics so far. */
public final class RunRow {
    private final String id;
    private final String kind;
    private final String name;
    private final ObjectProperty<JobState> state = new SimpleObjectProperty<>(this, "state");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<MetricsPoint> history = FXCollections.observableArrayList();
    private List<String> artifacts = List.of();

    public RunRow(JobView job) {
        this.id = job.id();
        this.kind = job.kind();
        this.name = job.spec() != null && job.spec().hasNonNull("name") ? job.spec().get("name").asText().strip() : "";
        update(job);
    }

    /** Takes the service's latest view of the job (UI thread). */
    public void update(JobView job) {
        state.set(job.state());
        progress.set(job.progress());
        reason.set(job.reason() == null ? "" : job.reason());
        artifacts = job.artifacts();
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    /** The name the run was submitted with, or "" when it has none. */
    public String name() {
        return name;
    }

    public ObjectProperty<JobState> stateProperty() {
        return state;
    }

    public JobState state() {
        return state.get();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Training reports (and resume markers) in the order the service recorded them. */
    public ObservableList<MetricsPoint> history() {
        return history;
    }

    public List<String> artifacts() {
        return artifacts;
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? id : name + " [" + id + "]") + " (" + kind + ")";
    }
}
