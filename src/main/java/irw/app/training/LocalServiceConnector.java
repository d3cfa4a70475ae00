package irw.app.training;

import irw.service.client.LocalServiceLauncher;
import irw.service.client.TrainingServiceClient;

import java.nio.file.Path;

/** Keeps the launcher of the local service, so the workbench can stop what it started when it exits. */
final class LocalServiceConnector implements ServiceConnector {
    private final Path dataDir;
    private LocalServiceLauncher launcher;

    LocalServiceConnector(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public synchronized TrainingServiceClient connect() throws Exception {
        // A service that died or was restarted has a new port and token: find or start it again.
        if (launcher != null && launcher.process().map(ProcessHandle::isAlive).orElse(true)) {
            try {
                TrainingServiceClient client = launcher.client();
                client.health();
                return client;
            } catch (Exception stale) {
                launcher.close();
            }
        }
        launcher = LocalServiceLauncher.connectOrStart(dataDir);
        return launcher.client();
    }

    @Override
    public synchronized void close() {
        if (launcher != null) {
            launcher.close();
            launcher = null;
        }
    }
}
