package irw.app.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import irw.app.task.BackgroundTask;
import irw.app.workbench.WorkbenchModel;
import irw.service.HyperParameters;
import irw.service.api.HealthReport;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.client.TrainingServiceClient;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
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
 * The Training view: submits classifier, refiner, label-refinery and mic runs to the training
 * service (never trains on the FX thread), lists the runs with their states, follows running ones
 * over server-sent events for live curves ({@link RunFollowers}: a thread per run, not a worker),
 * cancels, and downloads a finished run's model files. The form has its own loss weights α, β and
 * λ and MIC's knobs, with the service's defaults, and sends only the fields the chosen kind takes.
 */
public final class TrainingViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorkbenchModel model;
    private final ServiceConnector connector;
    private final Path modelsDir;
    private volatile TrainingServiceClient client;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ObjectProperty<RunKind> kind = new SimpleObjectProperty<>(this, "kind", RunKind.REFINER);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty trainData = new SimpleStringProperty(this, "trainData", "");
    private final StringProperty classifierModel = new SimpleStringProperty(this, "classifierModel", "");
    private final StringProperty labCifs = new SimpleStringProperty(this, "labCifs", "");
    private final BooleanProperty targeted = new SimpleBooleanProperty(this, "targeted", true);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 42);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", HyperParameters.DEFAULTS.epochs());
    private final StringProperty modelSize = new SimpleStringProperty(this, "modelSize", HyperParameters.DEFAULTS.modelSize());
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", HyperParameters.DEFAULTS.alpha());
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", HyperParameters.DEFAULTS.beta());
    private final DoubleProperty lambda = new SimpleDoubleProperty(this, "lambda", HyperParameters.DEFAULTS.lambda());
    private final MicKnobs mic = new MicKnobs();
    private final ReadOnlyStringWrapper runListHint = new ReadOnlyStringWrapper(this, "runListHint",
            "Not connected to the training service: press Connect (it starts on this machine when none runs)");
    private final TrainingCurves curves = new TrainingCurves();
    private final RunFollowers followers;
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
        this.followers = new RunFollowers(model);
        selectedRun.addListener((o, old, row) -> curves.show(row));
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
        runListHint.set("Connecting to the training service …");
        return model.executor().execute(BackgroundTask.of("Connecting to the training service", ctx -> {
            TrainingServiceClient c = connector.connect();
            client = c;
            return c.health();
        }).onSuccess(health -> {
            connected.set(true);
            model.serviceStateProperty().set(health.state() + " at " + client.base().getAuthority()
                    + " (" + health.running() + " running, " + health.scheduled() + " queued)");
            model.backendProperty().set(health.backend() + ": " + health.device());
            runListHint.set("No runs yet: fill in the form and press Submit run");
            refreshRuns();
        }).onFailure(e -> {
            model.serviceStateProperty().set("unavailable");
            runListHint.set("The training service is unavailable (see Messages): press Connect to try again");
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
            follow(row);
        }
        suggestClassifier();
    }

    /** The job spec the form describes, as the service's JSON: only the fields the kind takes. */
    public String specJson() {
        RunKind k = kind.get();
        ObjectNode spec = JSON.createObjectNode();
        spec.put("kind", k.toString());
        if (!name.get().isBlank()) {
            spec.put("name", name.get().strip());
        }
        ObjectNode data = spec.putObject("data");
        ObjectNode hyper = spec.putObject("hyperParameters");
        if (k.usesDataDirectory()) {
            // the CLI's --data digits|xrd --data-dir DIR; the other knobs take the CLI's defaults
            String dir = absolute(trainData.get());
            data.put(RunFormDefaults.learningSetRole(dir), dir);
        } else if (k.usesLabCifs() && RunFormDefaults.isStructureLibrary(trainData.get())) {
            // rendered on the fly with physical variation, as the shipped XRD classifier was (LibraryTraining)
            data.put("structures", absolute(trainData.get()));
            if (!labCifs.get().isBlank()) {
                data.put("userCifs", absolute(labCifs.get()));
            }
        } else {
            data.put("train", absolute(trainData.get()));
        }
        if (k.usesRefinerFields()) {
            String classifier = classifierModel.get().strip();
            data.put("classifier", classifier.startsWith(RunFormDefaults.JOB_PREFIX) ? classifier : absolute(classifier));
        }
        if (k.usesEpochs()) {
            hyper.put("epochs", epochs.get());
        }
        if (k.usesModelSize()) {
            hyper.put("modelSize", modelSize.get());
        }
        if (k.usesLambda()) {
            hyper.put("lambda", lambda.get());
        }
        if (k.usesMicFields()) {
            mic.putInto(hyper);
        }
        if (k.usesRefinerFields()) {
            hyper.put("alpha", alpha.get());
            hyper.put("beta", beta.get());
            hyper.put("targeted", targeted.get());
        }
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
        Optional<String> problem = RunFormDefaults.problem(kind.get(), trainData.get(), classifierModel.get())
                .or(() -> kind.get().usesLabCifs() ? RunFormDefaults.labCifsProblem(trainData.get(), labCifs.get()) : Optional.empty());
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
                    if (name.get().strip().equals(row.name())) {
                        name.set(""); // a name belongs to one run: the next run does not take it silently
                    }
                    follow(row);
                })
                .onFailure(e -> model.notifications().error("submit " + kind.get(), e)));
    }

    /** Follows a live run's event stream on its own thread until the run ends; points arrive on the UI thread. */
    public void follow(RunRow row) {
        TrainingServiceClient c = client;
        if (c == null || (row.state() != null && row.state().isFinal() && !row.history().isEmpty())) {
            return;
        }
        followers.follow(c, row, this::showServiceLoad, job -> {
            suggestClassifier();
            showServiceLoad();
            switch (job.state()) {
                case FINISHED -> model.notifications().info(row.id(), "finished");
                case FAILED -> model.notifications().error(row.id(), "failed: " + (job.reason() == null ? "no reason given" : job.reason()));
                case KILLED -> model.notifications().info(row.id(), "cancelled");
                default -> { }
            }
        });
    }

    /** Whether a run's events are being followed now. */
    public boolean isFollowing(RunRow row) {
        return followers.isFollowing(row);
    }

    /** Stops following runs (the window closes; the runs go on in the service). */
    public void close() {
        followers.close();
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
        return model.executor().execute(BackgroundTask.of("Downloading the model of " + row.id(), ctx -> {
            Path target = RunDownloadFolder.of(modelsDir, row.id(), row.artifacts());
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
        long running = runs.stream().filter(r -> r.state() == JobState.RUNNING).count();
        long queued = runs.stream().filter(r -> r.state() == JobState.SCHEDULED).count();
        model.serviceStateProperty().set("serving at " + c.base().getAuthority() + " (" + running + " running, " + queued + " queued)");
    }

    private Optional<RunRow> find(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ObjectProperty<RunKind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty trainDataProperty() {
        return trainData;
    }

    /** A folder of the lab's own CIF files that join a structure library's training structures (classifier runs). */
    public StringProperty labCifsProperty() {
        return labCifs;
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

    /** α of the refiner loss (eq. 3): the weight of staying close to the input, ℓ_reg. */
    public DoubleProperty alphaProperty() {
        return alpha;
    }

    /** β of the refiner loss (eq. 3): the weight of the prototype term ℓ_proto. */
    public DoubleProperty betaProperty() {
        return beta;
    }

    /** λ of classifier training (Algorithm 1): the weight of the prototype loss. */
    public DoubleProperty lambdaProperty() {
        return lambda;
    }

    /** MIC's knobs, sent for mic runs only. */
    public MicKnobs mic() {
        return mic;
    }

    /** What the empty run list says: how to get runs, given the connection. */
    public ReadOnlyStringProperty runListHintProperty() {
        return runListHint.getReadOnlyProperty();
    }

    /** The loss and accuracy curves of the selected run. */
    public TrainingCurves curves() {
        return curves;
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObjectProperty<RunRow> selectedRunProperty() {
        return selectedRun;
    }
}
