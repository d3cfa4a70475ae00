package irw.app.training;

import irw.app.SampleBatch;
import irw.app.WorkbenchModel;
import irw.app.notify.Notification;
import irw.service.JobState;
import irw.service.MetricsPoint;
import irw.service.TrainingService;
import irw.service.client.TrainingServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Training view model against a real training service on 127.0.0.1. The engine's trainers are
 * too slow for a unit test, so the service runs {@link ReportingRunner}.
 */
class TrainingViewModelTest {
    @TempDir
    Path dir;
    private TrainingService service;

    private TrainingViewModel viewModel(WorkbenchModel model) throws Exception {
        service = ReportingRunner.startService(dir.resolve("service"));
        return new TrainingViewModel(model, ReportingRunner.connector(service), dir.resolve("models"));
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aSubmittedRunIsFollowedToTheEndWithItsCurvesAndItsModelOpens() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        TrainingViewModel vm = viewModel(model);
        vm.connect();
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(model.backendProperty().get()).matches("(CPU|CUDA): .+");
        assertThat(model.serviceStateProperty().get()).startsWith("serving at 127.0.0.1:");

        vm.kindProperty().set(TrainingViewModel.Kind.REFINER);
        vm.trainDataProperty().set("sample-data/measured");
        vm.classifierModelProperty().set("sample-data/measured");
        vm.epochsProperty().set(3);
        vm.seedProperty().set(7);
        model.alphaProperty().set(2.5);
        assertThat(vm.specJson()).contains("\"alpha\":2.5", "\"seed\":7", "\"targeted\":true", "\"epochs\":3");
        vm.submit(); // same-thread executor: returns after following the run to its end
        RunRow run = vm.runs().get(0);
        assertThat(run.state()).isEqualTo(JobState.FINISHED);
        assertThat(run.history()).extracting(MetricsPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(run.history().get(5).values().get("loss")).isEqualTo(1.0 / 6);
        assertThat(vm.selectedRunProperty().get()).isSameAs(run);

        Path[] opened = new Path[1];
        vm.openModel(run, p -> opened[0] = p);
        assertThat(opened[0].resolve("model.zip")).hasContent("weights of " + run.id());
    }

    @Test
    void aRejectedSpecBecomesANotificationNamingTheField() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        TrainingViewModel vm = viewModel(model);
        vm.connect();
        vm.kindProperty().set(TrainingViewModel.Kind.CLASSIFIER);
        vm.trainDataProperty().set(dir.resolve("no-such-set").toString());
        vm.submit();
        assertThat(vm.runs()).isEmpty();
        Notification n = model.notifications().notifications().get(0);
        assertThat(n.level()).isEqualTo(Notification.Level.ERROR);
        assertThat(n.text()).startsWith("submit classifier: ").contains("train");
    }

    @Test
    void cancellingARunningRunEndsItKilled() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        TrainingViewModel vm = viewModel(model);
        vm.connect();
        TrainingServiceClient client = new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
        String id = client.submit("{\"kind\":\"classifier\",\"name\":\"slow\",\"data\":{\"train\":\""
                + Path.of("sample-data/measured").toAbsolutePath() + "\"},\"hyperParameters\":{\"epochs\":50},\"seed\":1}");
        while (client.job(id).state() != JobState.RUNNING) {
            Thread.sleep(20);
        }
        RunRow row = new RunRow(client.job(id));
        vm.cancel(row);
        assertThat(row.stateProperty().get()).isIn(JobState.RUNNING, JobState.KILLED);
        vm.runs().add(row);
        vm.follow(row); // returns when the run has stopped
        assertThat(row.state()).isEqualTo(JobState.KILLED);
        assertThat(model.notifications().notifications().get(0).text()).isEqualTo(id + ": cancelled");
    }
}
