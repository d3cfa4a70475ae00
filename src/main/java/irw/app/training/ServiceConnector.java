package irw.app.training;

import irw.service.client.TrainingServiceClient;

/** Finds the training service, starting it on loopback when none answers (blocking; run off the FX thread). */
@FunctionalInterface
public interface ServiceConnector {
    TrainingServiceClient connect() throws Exception;

    /** The real one: the service of {@code dataDir}, started as a child process when needed. */
    static ServiceConnector localService(java.nio.file.Path dataDir) {
        return () -> irw.service.client.LocalServiceLauncher.connectOrStart(dataDir).client();
    }
}
