package irw.cli;

import irw.service.ServiceConfig;
import irw.service.client.TrainingServiceClient;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How the client commands find the service: its data directory (port and token files). */
final class ServiceOptions {
    @Option(names = "--data-dir", description = "the service's data directory (default: ~/.local/share/irw/service, $XDG_DATA_HOME/irw/service)")
    Path dataDir;

    TrainingServiceClient client() {
        return TrainingServiceClient.forDataDir(dataDir == null ? ServiceConfig.defaultDataDir() : dataDir);
    }
}
