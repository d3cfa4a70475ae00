package irw.testsupport;

import irw.app.training.ServiceConnector;
import irw.service.EngineRunners;
import irw.service.ServiceConfig;
import irw.service.TrainingService;
import irw.service.client.TrainingServiceClient;

import java.net.URI;
import java.nio.file.Path;

/**
 * The real training service for GUI tests: on 127.0.0.1, with the engine's own trainers
 * ({@link EngineRunners#create()}); tests keep it quick with {@link TinyDigits} data sets.
 */
public final class EngineService {
    private EngineService() {
    }

    public static TrainingService start(Path dataDir) throws Exception {
        return TrainingService.start(ServiceConfig.local(dataDir), EngineRunners.create());
    }

    public static TrainingServiceClient client(TrainingService service) {
        return new TrainingServiceClient(URI.create("http://127.0.0.1:" + service.port()), service.token());
    }

    /** Connects the workbench to {@code service} instead of starting a child process. */
    public static ServiceConnector connector(TrainingService service) {
        return () -> client(service);
    }
}
