package irw.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import irw.app.SampleBatch;
import irw.app.notify.Notification;
import irw.app.settings.SettingsStore;
import irw.app.task.BackgroundTask;
import irw.app.task.WorkerTaskExecutor;
import irw.app.workbench.WorkbenchModel;
import irw.engine.ModelStore;
import irw.service.HyperParameters;
import irw.service.TrainingService;
import irw.service.api.JobState;
import irw.service.api.MetricsPoint;
import irw.service.client.TrainingServiceClient;
import irw.testsupport.EngineService;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Training view model against a real training service on 127.0.0.1 running the engine's real
 * trainers, on a tiny real digit set (3 MNIST digits of each class: one step an epoch).
 */
class TrainingViewModelTest {
    @TempDir
    static Path dir;
    private static TrainingService service;
    private static Path tiny;

    @BeforeAll
    static void start() throws Exception {
        tiny = TinyDigits.write(dir, 3);
        service = EngineService.start(dir.resolve("service"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static TrainingViewModel viewModel(WorkbenchModel model, Optional<Path> sampleData) {
        return new TrainingViewModel(model, EngineService.connector(service), dir.resolve("models"), sampleData);
    }

    /** The newest notification about {@code subject} (connecting lists other tests' runs, which notify too). */
    private static Notification last(WorkbenchModel model, String subject) {
        return model.notifications().notifications().stream().filter(n -> n.text().startsWith(subject + ": ")).findFirst() // newest first
                .orElseThrow(() -> new AssertionError("no notification about " + subject + " in " + model.notifications().notifications()));
    }

    /** Waits until a run has ended and its events stopped arriving (they follow on their own thread). */
    static void awaitEnd(TrainingViewModel vm, RunRow row) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!(row.state() != null && row.state().isFinal() && !vm.isFollowing(row))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(row + " did not end: " + row.state());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theFormDefaultsToTheBundledDataSetOfEachKind() {
        TrainingViewModel vm = viewModel(SampleBatch.emptyModel(dir.resolve("defaults")), Optional.of(Path.of("sample-data")));
        assertThat(vm.kindProperty().get()).isEqualTo(RunKind.REFINER);
        assertThat(Path.of(vm.trainDataProperty().get())).isEqualTo(Path.of("sample-data/datasets/xrd/imperfect.npz")).isRegularFile();
        vm.kindProperty().set(RunKind.CLASSIFIER);
        assertThat(Path.of(vm.trainDataProperty().get())).isEqualTo(Path.of("sample-data/datasets/xrd/ideal.npz")).isRegularFile();
        vm.trainDataProperty().set(tiny.toString());
        vm.kindProperty().set(RunKind.REFINER);
        assertThat(vm.trainDataProperty().get()).as("a data set the user chose stays").isEqualTo(tiny.toString());
    }

    @Test
    void aClassifierRunIsFollowedToTheEndWithItsCurvesAndARefinerTrainsThroughIt() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("runs"));
        TrainingViewModel vm = viewModel(model, Optional.empty()); // no shipped classifier: the field suggests runs
        vm.connect();
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(model.backendProperty().get()).matches("(CPU|CUDA): .+");
        assertThat(model.serviceStateProperty().get()).startsWith("serving at 127.0.0.1:");

        vm.kindProperty().set(RunKind.CLASSIFIER);
        vm.trainDataProperty().set(tiny.toString());
        vm.epochsProperty().set(3);
        vm.seedProperty().set(7);
        assertThat(vm.specJson()).contains("\"kind\":\"classifier\"", "\"seed\":7", "\"epochs\":3");
        vm.submit(); // the run is followed on its own thread
        RunRow classifier = vm.selectedRunProperty().get(); // the service is shared: other tests' runs are listed too
        awaitEnd(vm, classifier);
        assertThat(classifier.state()).as("reason: %s", classifier.reasonProperty().get()).isEqualTo(JobState.FINISHED);
        assertThat(classifier.history()).extracting(MetricsPoint::step).containsExactly(1L, 2L, 3L);
        assertThat(classifier.history()).allSatisfy(p -> assertThat(p.values().get("loss")).isFinite().isPositive());
        assertThat(vm.runs()).contains(classifier);
        assertThat(vm.classifierModelProperty().get()).isEqualTo("job:" + classifier.id());

        Path[] opened = new Path[1];
        vm.openModel(classifier, p -> opened[0] = p);
        assertThat(ModelStore.loadClassifier(opened[0].resolve("classifier.irwm")).classes().size()).isEqualTo(10);

        vm.kindProperty().set(RunKind.REFINER);
        vm.epochsProperty().set(2);
        vm.alphaProperty().set(2.5);
        assertThat(vm.specJson()).contains("\"classifier\":\"job:" + classifier.id() + "\"", "\"alpha\":2.5", "\"targeted\":true");
        vm.submit();
        RunRow refiner = vm.selectedRunProperty().get();
        awaitEnd(vm, refiner);
        assertThat(refiner.kind()).isEqualTo("refiner");
        assertThat(refiner.state()).as("reason: %s", refiner.reasonProperty().get()).isEqualTo(JobState.FINISHED);
        assertThat(refiner.history()).extracting(MetricsPoint::step).containsExactly(1L, 2L);
        assertThat(refiner.artifacts()).contains("refiner.irwm");
    }

    @Test
    void aFormWithAMissingFileIsRefusedBeforeSubmittingAndTheServiceRejectsAnUnknownJob() {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("rejected"));
        TrainingViewModel vm = viewModel(model, Optional.empty());
        vm.connect();
        vm.kindProperty().set(RunKind.CLASSIFIER);
        Path missing = dir.resolve("no-such-set.npz");
        vm.trainDataProperty().set(missing.toString());
        assertThat(vm.submit()).isNull();
        Notification n = last(model, "submit classifier");
        assertThat(n.level()).isEqualTo(Notification.Level.ERROR);
        assertThat(n.text()).isEqualTo("submit classifier: Data set: no such file: " + missing);

        vm.kindProperty().set(RunKind.REFINER);
        vm.trainDataProperty().set(tiny.toString());
        vm.classifierModelProperty().set(dir.resolve("gone.irwm").toString());
        vm.submit();
        assertThat(last(model, "submit refiner").text()).isEqualTo("submit refiner: Classifier: no such file: " + dir.resolve("gone.irwm"));

        vm.classifierModelProperty().set("job:job-999"); // only the service knows its jobs
        int listed = vm.runs().size();
        vm.submit();
        assertThat(last(model, "submit refiner").text()).contains("data.classifier");
        assertThat(vm.runs()).hasSize(listed);
    }

    @Test
    void aClassifierOnTheStructureLibraryTakesTheLabsOwnCifsAndAStrayCifFolderIsRefused() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("library"));
        TrainingViewModel vm = viewModel(model, Optional.empty());
        vm.kindProperty().set(RunKind.CLASSIFIER);
        Path library = Path.of("sample-data/structure-library/amcsd.cif.gz").toAbsolutePath();
        Path labCifs = java.nio.file.Files.createDirectories(dir.resolve("lab-cifs"));
        vm.trainDataProperty().set(library.toString());
        vm.labCifsProperty().set(labCifs.toString());
        JsonNode data = new ObjectMapper().readTree(vm.specJson()).get("data");
        assertThat(data.get("structures").asText()).isEqualTo(library.toString());
        assertThat(data.get("userCifs").asText()).isEqualTo(labCifs.toString());
        assertThat(data.has("train")).isFalse();

        vm.connect();
        vm.trainDataProperty().set(tiny.toString()); // an ideal set: the lab's CIFs have nothing to join
        assertThat(vm.submit()).isNull();
        assertThat(last(model, "submit classifier").text()).startsWith("submit classifier: Lab CIFs: the lab's own structures join a structure library");
        vm.trainDataProperty().set(library.toString());
        vm.labCifsProperty().set(dir.resolve("no-such-folder").toString());
        assertThat(vm.submit()).isNull();
        assertThat(last(model, "submit classifier").text()).isEqualTo("submit classifier: Lab CIFs: no such folder: " + dir.resolve("no-such-folder"));
    }

    @Test
    void cancellingARunningRunEndsItKilled() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("cancel"));
        TrainingViewModel vm = viewModel(model, Optional.empty());
        vm.connect();
        TrainingServiceClient client = EngineService.client(service);
        String id = client.submit(TinyDigits.classifierSpec(tiny, 5000, 50, 1));
        while (client.job(id).state() != JobState.RUNNING || client.metrics(id).isEmpty()) {
            Thread.sleep(20);
        }
        RunRow row = new RunRow(client.job(id));
        vm.cancel(row);
        assertThat(row.stateProperty().get()).isIn(JobState.RUNNING, JobState.KILLED);
        vm.runs().add(row);
        vm.follow(row);
        awaitEnd(vm, row);
        assertThat(row.state()).isEqualTo(JobState.KILLED);
        assertThat(row.history()).isNotEmpty().extracting(MetricsPoint::step).isSorted();
        assertThat(row.history().get(row.history().size() - 1).step()).isLessThan(5000);
        assertThat(last(model, id).text()).isEqualTo(id + ": cancelled");
    }

    @Test
    void labelRefineryAndMicRunsTrainOnADataFolderAndReportHeldOutAccuracy() throws Exception {
        Path mnist = TinyDigits.writeMnistDir(dir.resolve("mnist"), 3, 2);
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("learning"));
        TrainingViewModel vm = viewModel(model, Optional.of(Path.of("sample-data")));
        vm.kindProperty().set(RunKind.LABEL_REFINERY);
        Path xrd = Path.of("sample-data/datasets/xrd");
        assertThat(Path.of(vm.trainDataProperty().get())).isEqualTo(xrd).isDirectory();
        assertThat(vm.specJson()).contains("\"kind\":\"label-refinery\"", "\"xrd\":\"" + xrd.toAbsolutePath() + "\"", "\"epochs\":10")
                .doesNotContain("lambda", "modelSize", "train");
        vm.kindProperty().set(RunKind.MIC);
        assertThat(vm.specJson()).contains("\"kind\":\"mic\"", "\"types\":4", "\"selection\":\"clustered\"", "\"iterations\":1000",
                "\"noiseIn\":0.2", "\"noiseOut\":0.1").doesNotContain("epochs");

        vm.connect();
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty-folder"));
        vm.trainDataProperty().set(empty.toString());
        assertThat(vm.submit()).isNull();
        assertThat(last(model, "submit mic").text()).startsWith("submit mic: Data set: ").contains("train-images-idx3-ubyte");

        // the CLI's defaults (3 rounds, batch 64) on 30 digits: one step an epoch, 4 models
        vm.kindProperty().set(RunKind.LABEL_REFINERY);
        vm.trainDataProperty().set(mnist.toString());
        vm.epochsProperty().set(1);
        vm.seedProperty().set(11);
        assertThat(vm.specJson()).contains("\"digits\":\"" + mnist + "\"");
        vm.submit();
        RunRow run = vm.selectedRunProperty().get();
        awaitEnd(vm, run);
        assertThat(run.kind()).isEqualTo("label-refinery");
        assertThat(run.state()).as("reason: %s", run.reasonProperty().get()).isEqualTo(JobState.FINISHED);
        assertThat(run.history()).filteredOn(p -> p.values().containsKey("accuracy_test")).hasSize(4)
                .allSatisfy(p -> assertThat(p.values().get("accuracy_test")).isBetween(0.0, 1.0));
        assertThat(run.artifacts()).contains("summary.csv", "summary.md");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Issue 14 item 5: the form has its own α, β and λ (the service's defaults, not the preview's
     * sliders), each kind sends only the fields it takes, and what is sent is what is shown.
     */
    @Test
    void eachKindSendsOnlyItsFieldsWithTheFormsOwnWeights() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("form"));
        model.lambdaProperty().set(0.9); // the preview's λ, which means something else
        model.betaProperty().set(0.5);
        TrainingViewModel vm = viewModel(model, Optional.of(Path.of("sample-data")));
        assertThat(vm.alphaProperty().get()).isEqualTo(HyperParameters.DEFAULTS.alpha());
        assertThat(vm.betaProperty().get()).isEqualTo(HyperParameters.DEFAULTS.beta());
        assertThat(vm.lambdaProperty().get()).isEqualTo(HyperParameters.DEFAULTS.lambda());
        ObjectMapper json = new ObjectMapper();

        vm.kindProperty().set(RunKind.REFINER);
        vm.betaProperty().set(0.75);
        JsonNode refiner = json.readTree(vm.specJson());
        assertThat(fields(refiner.get("data"))).containsExactly("classifier", "train");
        assertThat(fields(refiner.get("hyperParameters"))).containsExactly("alpha", "beta", "epochs", "targeted");
        assertThat(refiner.get("hyperParameters").get("beta").asDouble()).isEqualTo(0.75);

        vm.kindProperty().set(RunKind.CLASSIFIER);
        JsonNode classifier = json.readTree(vm.specJson());
        assertThat(fields(classifier.get("data"))).containsExactly("train");
        assertThat(fields(classifier.get("hyperParameters"))).containsExactly("epochs", "lambda", "modelSize");
        assertThat(classifier.get("hyperParameters").get("lambda").asDouble()).isEqualTo(HyperParameters.DEFAULTS.lambda());

        vm.kindProperty().set(RunKind.LABEL_REFINERY);
        assertThat(fields(json.readTree(vm.specJson()).get("hyperParameters"))).containsExactly("epochs");
        vm.kindProperty().set(RunKind.MIC);
        vm.mic().typesProperty().set(2);
        vm.mic().selectionProperty().set("random");
        vm.mic().iterationsProperty().set(300);
        vm.mic().noiseInProperty().set(0.3);
        vm.mic().noiseOutProperty().set(0.0);
        JsonNode mic = json.readTree(vm.specJson()).get("hyperParameters");
        assertThat(fields(mic)).containsExactly("iterations", "noiseIn", "noiseOut", "selection", "types");
        assertThat(mic.get("types").asInt()).isEqualTo(2);
        assertThat(mic.get("selection").asText()).isEqualTo("random");
        assertThat(mic.get("iterations").asInt()).isEqualTo(300);
        assertThat(mic.get("noiseIn").asDouble()).isEqualTo(0.3);
        assertThat(mic.get("noiseOut").asDouble()).isEqualTo(0.0);
    }

    /** Issue 14 item 5: the run list shows the run's name, and its empty text follows the connection. */
    @Test
    void theRunListShowsTheRunsNameAndSaysWhatToDo() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("named"));
        TrainingViewModel vm = viewModel(model, Optional.empty());
        assertThat(vm.runListHintProperty().get()).startsWith("Not connected to the training service");
        vm.connect();
        assertThat(vm.runListHintProperty().get()).isEqualTo("No runs yet: fill in the form and press Submit run");
        vm.kindProperty().set(RunKind.CLASSIFIER);
        vm.trainDataProperty().set(tiny.toString());
        vm.epochsProperty().set(1);
        vm.nameProperty().set("tiny digits, λ default");
        vm.submit();
        RunRow row = vm.selectedRunProperty().get();
        assertThat(row.name()).isEqualTo("tiny digits, λ default");
        assertThat(vm.nameProperty().get()).as("the next run does not take the name along").isEmpty();
        awaitEnd(vm, row);
    }

    /**
     * Issue 14 item 12: following live runs takes no worker (two runs followed, work still runs at
     * once), Esc (cancel running jobs) does not stop following, and a run ends followed to its end.
     */
    @Test
    void followingLiveRunsHoldsNoWorkerAndSurvivesCancellingJobs() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            WorkbenchModel model = new WorkbenchModel(new WorkerTaskExecutor(workers, ui), new SettingsStore(dir.resolve("workers/settings.json")));
            TrainingViewModel vm = viewModel(model, Optional.empty());
            TrainingServiceClient client = EngineService.client(service);
            String first = client.submit(TinyDigits.classifierSpec(tiny, 5000, 50, 1));
            String second = client.submit(TinyDigits.classifierSpec(tiny, 5000, 50, 2));
            vm.connect();
            waitFor(() -> onUi(ui, () -> vm.runs().stream().filter(r -> r.id().equals(first) || r.id().equals(second))
                    .filter(vm::isFollowing).count()) == 2);
            CountDownLatch ran = new CountDownLatch(1);
            model.executor().execute(BackgroundTask.of("probe", ctx -> {
                ran.countDown();
                return 0;
            }));
            assertThat(ran.await(20, TimeUnit.SECONDS)).as("a worker is free while two runs are followed").isTrue();
            assertThat(onUi(ui, () -> model.executor().runningTasks().stream().map(BackgroundTask::title).toList()))
                    .noneMatch(t -> t.startsWith("Following"));
            onUi(ui, () -> {
                model.executor().cancelAll(); // Esc
                return null;
            });
            RunRow row = onUi(ui, () -> vm.runs().stream().filter(r -> r.id().equals(first)).findFirst().orElseThrow());
            assertThat(onUi(ui, () -> vm.isFollowing(row))).as("Esc cancels jobs, not the following").isTrue();
            client.cancel(first);
            client.cancel(second);
            waitFor(() -> onUi(ui, () -> row.state() == JobState.KILLED && !vm.isFollowing(row)));
            assertThat(onUi(ui, () -> row.history().isEmpty())).isFalse();
            vm.close();
        } finally {
            workers.shutdownNow();
            ui.shutdownNow();
        }
    }

    private static <T> T onUi(ExecutorService ui, Callable<T> read) throws Exception {
        return ui.submit(read).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
