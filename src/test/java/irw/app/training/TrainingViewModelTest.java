package irw.app.training;

import irw.app.SampleBatch;
import irw.app.notify.Notification;
import irw.app.workbench.WorkbenchModel;
import irw.engine.ModelStore;
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

    @Test
    void theFormDefaultsToTheBundledDataSetOfEachKind() {
        TrainingViewModel vm = viewModel(SampleBatch.emptyModel(dir.resolve("defaults")), Optional.of(Path.of("sample-data")));
        assertThat(vm.kindProperty().get()).isEqualTo(TrainingViewModel.Kind.REFINER);
        assertThat(Path.of(vm.trainDataProperty().get())).isEqualTo(Path.of("sample-data/datasets/xrd/imperfect.npz")).isRegularFile();
        vm.kindProperty().set(TrainingViewModel.Kind.CLASSIFIER);
        assertThat(Path.of(vm.trainDataProperty().get())).isEqualTo(Path.of("sample-data/datasets/xrd/ideal.npz")).isRegularFile();
        vm.trainDataProperty().set(tiny.toString());
        vm.kindProperty().set(TrainingViewModel.Kind.REFINER);
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

        vm.kindProperty().set(TrainingViewModel.Kind.CLASSIFIER);
        vm.trainDataProperty().set(tiny.toString());
        vm.epochsProperty().set(3);
        vm.seedProperty().set(7);
        assertThat(vm.specJson()).contains("\"kind\":\"classifier\"", "\"seed\":7", "\"epochs\":3");
        vm.submit(); // same-thread executor: returns after following the run to its end
        RunRow classifier = vm.selectedRunProperty().get(); // the service is shared: other tests' runs are listed too
        assertThat(classifier.state()).as("reason: %s", classifier.reasonProperty().get()).isEqualTo(JobState.FINISHED);
        assertThat(classifier.history()).extracting(MetricsPoint::step).containsExactly(1L, 2L, 3L);
        assertThat(classifier.history()).allSatisfy(p -> assertThat(p.values().get("loss")).isFinite().isPositive());
        assertThat(vm.runs()).contains(classifier);
        assertThat(vm.classifierModelProperty().get()).isEqualTo("job:" + classifier.id());

        Path[] opened = new Path[1];
        vm.openModel(classifier, p -> opened[0] = p);
        assertThat(ModelStore.loadClassifier(opened[0].resolve("classifier.irwm")).classes().size()).isEqualTo(10);

        vm.kindProperty().set(TrainingViewModel.Kind.REFINER);
        vm.epochsProperty().set(2);
        model.alphaProperty().set(2.5);
        assertThat(vm.specJson()).contains("\"classifier\":\"job:" + classifier.id() + "\"", "\"alpha\":2.5", "\"targeted\":true");
        vm.submit();
        RunRow refiner = vm.selectedRunProperty().get();
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
        vm.kindProperty().set(TrainingViewModel.Kind.CLASSIFIER);
        Path missing = dir.resolve("no-such-set.npz");
        vm.trainDataProperty().set(missing.toString());
        assertThat(vm.submit()).isNull();
        Notification n = last(model, "submit classifier");
        assertThat(n.level()).isEqualTo(Notification.Level.ERROR);
        assertThat(n.text()).isEqualTo("submit classifier: Data set: no such file: " + missing);

        vm.kindProperty().set(TrainingViewModel.Kind.REFINER);
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
        vm.follow(row); // returns when the run has stopped
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
        vm.kindProperty().set(TrainingViewModel.Kind.LABEL_REFINERY);
        Path xrd = Path.of("sample-data/datasets/xrd");
        assertThat(Path.of(vm.trainDataProperty().get())).isEqualTo(xrd).isDirectory();
        assertThat(vm.specJson()).contains("\"kind\":\"label-refinery\"", "\"xrd\":\"" + xrd.toAbsolutePath() + "\"", "\"epochs\":10")
                .doesNotContain("lambda", "modelSize", "train");
        vm.kindProperty().set(TrainingViewModel.Kind.MIC);
        assertThat(vm.specJson()).contains("\"kind\":\"mic\"", "\"hyperParameters\":{}").doesNotContain("epochs");

        vm.connect();
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty-folder"));
        vm.trainDataProperty().set(empty.toString());
        assertThat(vm.submit()).isNull();
        assertThat(last(model, "submit mic").text()).startsWith("submit mic: Data set: ").contains("train-images-idx3-ubyte");

        // the CLI's defaults (3 rounds, batch 64) on 30 digits: one step an epoch, 4 models
        vm.kindProperty().set(TrainingViewModel.Kind.LABEL_REFINERY);
        vm.trainDataProperty().set(mnist.toString());
        vm.epochsProperty().set(1);
        vm.seedProperty().set(11);
        assertThat(vm.specJson()).contains("\"digits\":\"" + mnist + "\"");
        vm.submit();
        RunRow run = vm.selectedRunProperty().get();
        assertThat(run.kind()).isEqualTo("label-refinery");
        assertThat(run.state()).as("reason: %s", run.reasonProperty().get()).isEqualTo(JobState.FINISHED);
        assertThat(run.history()).filteredOn(p -> p.values().containsKey("accuracy_test")).hasSize(4)
                .allSatisfy(p -> assertThat(p.values().get("accuracy_test")).isBetween(0.0, 1.0));
        assertThat(run.artifacts()).contains("summary.csv", "summary.md");
    }
}
