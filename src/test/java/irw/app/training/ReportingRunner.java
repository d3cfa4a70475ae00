package irw.app.training;

import irw.service.JobContext;
import irw.service.JobKind;
import irw.service.JobRunner;
import irw.service.JobRunners;
import irw.service.JobSpecParser;
import irw.service.ServiceConfig;
import irw.service.TrainingService;
import irw.service.client.TrainingServiceClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A job runner for GUI tests: reports a falling loss and a rising accuracy, two steps per epoch,
 * and publishes a model file, as the engine's runners do but in milliseconds. A run named "slow"
 * takes 200 ms per step, so tests can cancel it while it runs.
 */
public final class ReportingRunner implements JobRunner {
    @Override
    public JobSpecParser.DataRoles dataRoles() {
        return new JobSpecParser.DataRoles(Set.of("train"), Set.of("classifier", "test"));
    }

    @Override
    public Outcome run(JobContext ctx) throws Exception {
        int steps = ctx.spec().hyperParameters().epochs() * 2;
        for (int s = 1; s <= steps; s++) {
            if (ctx.isCancelled()) {
                return Outcome.STOPPED;
            }
            ctx.report(1 + (s - 1) / 2, s, steps, Map.of("loss", 1.0 / s, "accuracy", 1 - 1.0 / (s + 1)));
            Thread.sleep(ctx.spec().name().equals("slow") ? 200 : 5);
        }
        Path model = ctx.workDir().resolve("model.zip");
        Files.writeString(model, "weights of " + ctx.jobId());
        ctx.publish("model.zip", model);
        return Outcome.COMPLETED;
    }

    /** A real service on 127.0.0.1 whose classifier and refiner jobs run this runner. */
    public static TrainingService startService(Path dataDir) throws Exception {
        ReportingRunner runner = new ReportingRunner();
        return TrainingService.start(ServiceConfig.local(dataDir), new JobRunners(Map.of(JobKind.CLASSIFIER, runner, JobKind.REFINER, runner)));
    }

    public static ServiceConnector connector(TrainingService service) {
        return () -> new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
    }
}
