package irw.app.workbench;

import irw.app.notify.NotificationCenter;
import irw.app.settings.SettingsStore;
import irw.app.settings.WorkbenchSettings;
import irw.app.task.TaskExecutor;
import irw.core.TwoThetaGrid;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;

/**
 * The state the views share: the loaded patterns, the current pattern and the selection, the
 * α/β/λ weights of the live preview, the notifications and the status-bar facts. One per window.
 */
public final class WorkbenchModel {
    private final TaskExecutor executor;
    private final NotificationCenter notifications = new NotificationCenter();
    private final SettingsStore settingsStore;
    private final WorkbenchSettings settings;
    private final TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
    private final ObservableList<PatternEntry> patterns = FXCollections.observableArrayList();
    private final ObservableList<PatternEntry> selection = FXCollections.observableArrayList();
    private final ObjectProperty<PatternEntry> current = new SimpleObjectProperty<>(this, "current");
    private final ObjectProperty<WorkbenchView> requestedView = new SimpleObjectProperty<>(this, "requestedView", WorkbenchView.DATA);
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha");
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta");
    private final DoubleProperty lambda = new SimpleDoubleProperty(this, "lambda");
    private final javafx.beans.property.IntegerProperty refinementSteps = new javafx.beans.property.SimpleIntegerProperty(this, "refinementSteps");
    private final javafx.beans.property.IntegerProperty refinedRevision = new javafx.beans.property.SimpleIntegerProperty(this, "refinedRevision");
    private final StringProperty backend = new SimpleStringProperty(this, "backend", "CPU");
    private final StringProperty serviceState = new SimpleStringProperty(this, "serviceState", "not started");

    public WorkbenchModel(TaskExecutor executor, SettingsStore settingsStore) {
        this.executor = executor;
        this.settingsStore = settingsStore;
        this.settings = settingsStore.load();
        alpha.set(settings.alpha);
        beta.set(settings.beta);
        lambda.set(settings.lambda);
        refinementSteps.set(Math.max(1, settings.refinementSteps));
    }

    public TaskExecutor executor() {
        return executor;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    public WorkbenchSettings settings() {
        return settings;
    }

    /** Writes the settings (with the current slider values); a failure becomes a notification. */
    public void saveSettings() {
        settings.alpha = alpha.get();
        settings.beta = beta.get();
        settings.lambda = lambda.get();
        settings.refinementSteps = refinementSteps.get();
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            notifications.error(settingsStore.file().toString(), e);
        }
    }

    /** The folder of the settings file; downloaded models live beside it. */
    public java.nio.file.Path configDirectory() {
        return settingsStore.file().toAbsolutePath().getParent();
    }

    /** The grid models and comparisons work on (2,000 points, 5–80°). */
    public TwoThetaGrid grid() {
        return grid;
    }

    public ObservableList<PatternEntry> patterns() {
        return patterns;
    }

    /** The rows selected in the Data table (compare, export "selection"). */
    public ObservableList<PatternEntry> selection() {
        return selection;
    }

    public ObjectProperty<PatternEntry> currentProperty() {
        return current;
    }

    public PatternEntry current() {
        return current.get();
    }

    public ObjectProperty<WorkbenchView> requestedViewProperty() {
        return requestedView;
    }

    /** Makes {@code entry} current and asks the window to show the Spectra view. */
    public void openInSpectra(PatternEntry entry) {
        current.set(entry);
        requestedView.set(WorkbenchView.SPECTRA);
    }

    /** Moves to the next readable pattern (the keyboard shortcut); stays put at the end. */
    public void selectNext() {
        step(+1);
    }

    public void selectPrevious() {
        step(-1);
    }

    private void step(int direction) {
        int i = patterns.indexOf(current.get());
        for (int j = i + direction; j >= 0 && j < patterns.size(); j += direction) {
            if (patterns.get(j).isReadable()) {
                current.set(patterns.get(j));
                return;
            }
        }
        if (i < 0) {
            patterns.stream().filter(PatternEntry::isReadable).findFirst().ifPresent(current::set);
        }
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public DoubleProperty betaProperty() {
        return beta;
    }

    public DoubleProperty lambdaProperty() {
        return lambda;
    }

    /** Counts batch refinements, so views that show every row's refined pattern know to rebuild. */
    public javafx.beans.property.IntegerProperty refinedRevisionProperty() {
        return refinedRevision;
    }

    /** Gradient steps of the interactive refinements (preview and digits). */
    public javafx.beans.property.IntegerProperty refinementStepsProperty() {
        return refinementSteps;
    }

    /** The interactive refinement settings as they stand. */
    public irw.app.workbench.RefinementSettings refinementSettings() {
        return new irw.app.workbench.RefinementSettings(alpha.get(), beta.get(), lambda.get(), refinementSteps.get());
    }

    public StringProperty backendProperty() {
        return backend;
    }

    public StringProperty serviceStateProperty() {
        return serviceState;
    }
}
