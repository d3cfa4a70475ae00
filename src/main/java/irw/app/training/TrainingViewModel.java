package irw.app.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import irw.app.task.BackgroundTask;
import irw.app.workbench.WorkbenchModel;
import irw.service.api.HealthReport;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.JobEventListener;
import irw.service.client.TrainingServiceClient;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Training view: submits classifier, refiner, label-refinery and mic runs to the training service (never trains on
 * the FX thread), lists the runs with their states, follows running ones over server-sent events
 * for live curves, cancels, and downloads a finished run's model files.
 */
public final class TrainingViewModel {
    public enum Kind { CLASSIFIER("classifier"), REFINER("refiner"), LABEL_REFINERY("label-refinery"), MIC("mic");
        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** Label Refinery and MIC train on a data directory (digits or xrd) and evaluate on its held-out sets. */
        public boolean usesDataDirectory() {
            return this == LABEL_REFINERY || this == MIC;
        }

        /** The form's epochs field applies (MIC counts Adam steps per generator instead). */
        public boolean usesEpochs() {
            return this != MIC;
        }

        /** The form's model size and loss weights apply (Algorithms 1 and 2 only). */
        public boolean usesModelSize() {
            return !usesDataDirectory();
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorkbenchModel model;
    private final ServiceConnector connector;
    private final Path modelsDir;
    private volatile TrainingServiceClient client;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.REFINER);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty trainData = new SimpleStringProperty(this, "trainData", "");
    private final StringProperty classifierModel = new SimpleStringProperty(this, "classifierModel", "");
    private final BooleanProperty targeted = new SimpleBooleanProperty(this, "targeted", true);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 42);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 10);
    private final StringProperty modelSize = new SimpleStringProperty(this, "modelSize", "small");
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunRow> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");

    private final RunFormDefaults defaults;
    /** The classifier field's last suggested value: a suggestion may be replaced, the user's own entry is not. */
    private String suggestedClassifier = "";

    public TrainingViewModel(WorkbenchModel model, ServiceConnector connector, Path modelsDir) {
        this(model, connector, modelsDir, irw.core.io.SampleDataFolder.find());
    }

    /** @param sampleData the bundled sample-data folder the form's defaults point into, if any */
    public TrainingViewModel(WorkbenchModel model, ServiceConnector connector, Path modelsDir, Optional<Path> sampleData) {
        this.model = model;
        this.connector = connector;
        this.modelsDir = modelsDir;
        this.defaults = new RunFormDefaults(sampleData);
        trainData.set(defaults.dataSet(kind.get()));
        suggestClassifier();
        kind.addListener((o, old, now) -> {
            // keep a data set the user chose; swap only the other kind's default
            if (trainData.get().isBlank() || trainData.get().equals(defaults.dataSet(old))) {
                trainData.set(defaults.dataSet(now));
            }
        });
        // picking a finished classifier run in the run list makes it the refiner's classifier
        selectedRun.addListener((o, old, row) -> {
            if (RunFormDefaults.isFinishedClassifier(row)) {
                classifierModel.set(RunFormDefaults.JOB_PREFIX + row.id());
                suggestedClassifier = classifierModel.get();
            }
        });
    }

    /** Fills the classifier field with the default unless the user typed their own. */
    private void suggestClassifier() {
        if (classifierModel.get().isBlank() || classifierModel.get().equals(suggestedClassifier)) {
            suggestedClassifier = defaults.classifier(runs);
            classifierModel.set(suggestedClassifier);
        }
    }

    /** Connects (starting the service if needed), shows its backend, lists and follows its runs. */
    public BackgroundTask<HealthReport> connect() {
        model.serviceStateProperty().set("connecting…");
        return model.executor().execute(BackgroundTask.of("Connecting to the training service", ctx -> {
            TrainingServiceClient c = connector.connect();
            client = c;
            return c.health();
        }).onSuccess(health -> {
            connected.set(true);
            model.serviceStateProperty().set(health.state() + " at " + client.base().getAuthority()
                    + " (" + health.running() + " running, " + health.scheduled() + " queued)");
            model.backendProperty().set(health.backend() + ": " + health.device());
            refreshRuns();
        }).onFailure(e -> {
            model.serviceStateProperty().set("unavailable");
            model.notifications().error("training service", e);
        }));
    }

    /** Re-reads the run list; live runs are followed for their curves. */
    public void refreshRuns() {
        TrainingServiceClient c = client;
        if (c == null) {
            return;
        }
        model.executor().execute(BackgroundTask.of("Listing runs", ctx -> c.jobs())
                .onSuccess(this::mergeRuns)
                .onFailure(e -> model.notifications().error("training service", e)));
    }

    private void mergeRuns(List<JobView> jobs) {
        for (JobView job : jobs) {
            RunRow row = find(job.id()).orElseGet(() -> {
                RunRow r = new RunRow(job);
                runs.add(r);
                return r;
            });
            row.update(job);
            if (!row.isFollowed()) {
                follow(row);
            }
        }
        suggestClassifier();
    }

    /** The job spec the form describes, as the service's JSON. */
    public String specJson() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("kind", kind.get().toString());
        if (!name.get().isBlank()) {
            spec.put("name", name.get().strip());
        }
        ObjectNode data = spec.putObject("data");
        if (kind.get().usesDataDirectory()) {
            // the CLI's --data digits|xrd --data-dir DIR; the other knobs take the CLI's defaults
            String dir = absolute(trainData.get());
            data.put(RunFormDefaults.learningSetRole(dir), dir);
            ObjectNode hyper = spec.putObject("hyperParameters");
            if (kind.get().usesEpochs()) {
                hyper.put("epochs", epochs.get());
            }
            spec.put("seed", seed.get());
            return spec.toString();
        }
        data.put("train", absolute(trainData.get()));
        if (kind.get() == Kind.REFINER) {
            String classifier = classifierModel.get().strip();
            data.put("classifier", classifier.startsWith(RunFormDefaults.JOB_PREFIX) ? classifier : absolute(classifier));
        }
        ObjectNode hyper = spec.putObject("hyperParameters");
        hyper.put("epochs", epochs.get());
        hyper.put("modelSize", modelSize.get());
        if (kind.get() == Kind.REFINER) {
            hyper.put("alpha", model.alphaProperty().get());
            hyper.put("beta", model.betaProperty().get());
            hyper.put("targeted", targeted.get());
        }
        hyper.put("lambda", model.lambdaProperty().get());
        spec.put("seed", seed.get());
        return spec.toString();
    }

    private static String absolute(String path) {
        return path.isBlank() ? "" : Path.of(path.strip()).toAbsolutePath().normalize().toString();
    }

    /**
     * Submits the form as a run. A missing data set or classifier file is reported before anything
     * is sent; the service's own validation message becomes a notification too.
     */
    public BackgroundTask<JobView> submit() {
        TrainingServiceClient c = client;
        if (c == null) {
            model.notifications().error("training service", "not connected: press Connect first");
            return null;
        }
        Optional<String> problem = RunFormDefaults.problem(kind.get(), trainData.get(), classifierModel.get());
        if (problem.isPresent()) {
            model.notifications().error("submit " + kind.get(), problem.get());
            return null;
        }
        String spec = specJson();
        return model.executor().execute(BackgroundTask.of("Submitting a " + kind.get() + " run", ctx -> c.job(c.submit(spec)))
                .onSuccess(job -> {
                    RunRow row = new RunRow(job);
                    runs.add(row);
                    selectedRun.set(row);
                    model.notifications().info(job.id(), "submitted (" + job.kind() + ", seed " + seed.get() + ")");
                    follow(row);
                })
                .onFailure(e -> model.notifications().error("submit " + kind.get(), e)));
    }

    /** Follows a run's event stream in the background until it ends; points arrive on the UI thread. */
    public void follow(RunRow row) {
        TrainingServiceClient c = client;
        if (c == null || row.isFollowed() || (row.state() != null && row.state().isFinal() && !row.history().isEmpty())) {
            return;
        }
        row.setFollowed(true);
        var ui = model.executor().uiThread();
        model.executor().execute(BackgroundTask.of("Following " + row.id(), ctx -> c.follow(row.id(), new JobEventListener() {
            @Override
            public void onState(JobView job) {
                ui.execute(() -> {
                    row.update(job);
                    showServiceLoad();
                });
            }

            @Override
            public void onPoint(MetricsPoint point) {
                ui.execute(() -> row.history().add(point));
            }
        })).onSuccess(job -> {
            row.update(job);
            suggestClassifier();
            switch (job.state()) {
                case FINISHED -> model.notifications().info(row.id(), "finished");
                case FAILED -> model.notifications().error(row.id(), "failed: " + (job.reason() == null ? "no reason given" : job.reason()));
                case KILLED -> model.notifications().info(row.id(), "cancelled");
                default -> { }
            }
        }).onFailure(e -> {
            row.setFollowed(false);
            model.notifications().error(row.id(), e);
        }));
    }

    public void cancel(RunRow row) {
        TrainingServiceClient c = client;
        if (c == null || row == null) {
            return;
        }
        model.executor().execute(BackgroundTask.of("Cancelling " + row.id(), ctx -> c.cancel(row.id()))
                .onSuccess(row::update)
                .onFailure(e -> model.notifications().error(row.id(), e)));
    }

    /** Downloads a finished run's model files to the models folder; returns the folder via the callback. */
    public BackgroundTask<Path> openModel(RunRow row, java.util.function.Consumer<Path> opened) {
        TrainingServiceClient c = client;
        if (c == null || row == null) {
            return null;
        }
        if (row.artifacts().isEmpty()) {
            model.notifications().error(row.id(), "has no model files" + (row.state().isFinal() ? "" : " yet: it is " + row.state()));
            return null;
        }
        Path target = modelsDir.resolve(row.id());
        return model.executor().execute(BackgroundTask.of("Downloading the model of " + row.id(), ctx -> {
            Files.createDirectories(target);
            for (String artifact : row.artifacts()) {
                c.downloadArtifact(row.id(), artifact, target.resolve(artifact));
            }
            return target;
        }).onSuccess(dir -> {
            model.notifications().info(row.id(), "model files in " + dir);
            opened.accept(dir);
        }).onFailure(e -> model.notifications().error(row.id(), e)));
    }

    /** The status bar's service line, from the run states as they change. */
    private void showServiceLoad() {
        TrainingServiceClient c = client;
        if (c == null) {
            return;
        }
        long running = runs.stream().filter(r -> r.state() == irw.service.api.JobState.RUNNING).count();
        long queued = runs.stream().filter(r -> r.state() == irw.service.api.JobState.SCHEDULED).count();
        model.serviceStateProperty().set("serving at " + c.base().getAuthority() + " (" + running + " running, " + queued + " queued)");
    }

    private Optional<RunRow> find(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty trainDataProperty() {
        return trainData;
    }

    public StringProperty classifierModelProperty() {
        return classifierModel;
    }

    public BooleanProperty targetedProperty() {
        return targeted;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public StringProperty modelSizeProperty() {
        return modelSize;
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObjectProperty<RunRow> selectedRunProperty() {
        return selectedRun;
    }
}
