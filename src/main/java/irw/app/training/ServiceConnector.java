package irw.app.training;

import irw.service.client.TrainingServiceClient;

/**
 * Finds the training service, starting it on loopback when none answers (blocking; run off the
 * FX thread). {@link #close()} stops a service that {@link #connect()} started, and leaves alone one
 * that was already running (started by the CLI or another workbench).
 */
@FunctionalInterface
public interface ServiceConnector extends AutoCloseable {
    TrainingServiceClient connect() throws Exception;

    @Override
    default void close() {
    }

    /** The real one: the service of {@code dataDir}, started as a child process when needed. */
    static ServiceConnector localService(java.nio.file.Path dataDir) {
        return new LocalServiceConnector(dataDir);
    }
}
