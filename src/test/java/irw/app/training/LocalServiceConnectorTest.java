package irw.app.training;

import irw.service.client.TrainingServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's connector starts a real service JVM and stops it again when the workbench exits. */
class LocalServiceConnectorTest {
    @TempDir
    Path dataDir;

    @Test
    void stopsTheServiceItStartedOnClose() throws Exception {
        ServiceConnector connector = ServiceConnector.localService(dataDir);
        TrainingServiceClient client = connector.connect();
        assertThat(client.health().state()).isEqualTo("serving");
        assertThat(connector.connect().base()).isEqualTo(client.base());
        assertThat(dataDir.resolve("port")).exists();

        connector.close();

        assertThat(dataDir.resolve("port")).doesNotExist();
    }
}
