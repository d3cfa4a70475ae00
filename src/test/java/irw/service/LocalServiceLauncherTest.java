package irw.service;

import irw.service.api.HealthReport;
import irw.service.client.LocalServiceLauncher;
import irw.service.client.ServiceException;
import irw.service.client.TrainingServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts a real service JVM on a data directory, finds it again, and stops only the one it started. */
class LocalServiceLauncherTest {
    @TempDir
    Path dataDir;

    @Test
    void startsFindsAndStopsTheServiceItStarted() throws Exception {
        LocalServiceLauncher.Options small = new LocalServiceLauncher.Options("512m", "1g", "2g", List.of());
        try (LocalServiceLauncher first = LocalServiceLauncher.connectOrStart(dataDir, small)) {
            assertThat(first.startedHere()).isTrue();
            ProcessHandle child = first.process().orElseThrow();
            assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
            HealthReport health = first.client().health();
            assertThat(health.state()).isEqualTo("serving");
            assertThat(health.backend()).isIn("CPU", "CUDA");

            // A second launcher (the workbench opened twice) uses the running service and leaves it alone.
            try (LocalServiceLauncher second = LocalServiceLauncher.connectOrStart(dataDir, small)) {
                assertThat(second.startedHere()).isFalse();
                assertThat(second.client().base()).isEqualTo(first.client().base());
                assertThat(second.client().jobs()).isEmpty();
            }
            assertThat(child.isAlive()).isTrue();
            assertThat(first.client().health().state()).isEqualTo("serving");

            first.close();
            assertThat(child.isAlive()).isFalse();
            // A clean stop removes the port file, so nobody tries the dead port.
            assertThat(dataDir.resolve("port")).doesNotExist();
            TrainingServiceClient stale = first.client();
            assertThatThrownBy(stale::health).isInstanceOf(ServiceException.class).hasMessageContaining("cannot reach");
        }
        assertThat(Files.readString(dataDir.resolve("service.log"))).contains("training service on http://127.0.0.1:");
    }

    @Test
    void theServiceInheritsTheNativesTheirCacheAndTheUserFolders() {
        // surefire sets the oneDNN extension and irw.data.dir; the packaged launcher sets these too
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        System.setProperty("org.bytedeco.javacpp.cachedir", dataDir.resolve("javacpp").toString());
        try {
            List<String> cmd = LocalServiceLauncher.command(dataDir, LocalServiceLauncher.Options.DEFAULTS);
            assertThat(cmd).contains("-Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2",
                    "-Dorg.bytedeco.javacpp.cachedir=" + dataDir.resolve("javacpp"),
                    "-Dirw.data.dir=" + System.getProperty("irw.data.dir"));
            assertThat(cmd.subList(cmd.indexOf("irw.Main"), cmd.size())).startsWith("irw.Main", "serve");
        } finally {
            if (cache == null) {
                System.clearProperty("org.bytedeco.javacpp.cachedir");
            } else {
                System.setProperty("org.bytedeco.javacpp.cachedir", cache);
            }
        }
    }
}
