package irw.app.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndLeavesNoTemporaryFiles() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("cfg/settings.json"));
        WorkbenchSettings s = store.load();
        assertThat(s.alpha).isEqualTo(1.0);
        s.lastFolder = "/data/batch-7";
        s.windowWidth = 1111;
        s.lambda = 0.35;
        store.save(s);
        WorkbenchSettings back = store.load();
        assertThat(back.lastFolder).isEqualTo("/data/batch-7");
        assertThat(back.windowWidth).isEqualTo(1111);
        assertThat(back.lambda).isEqualTo(0.35);
        try (var files = Files.list(dir.resolve("cfg"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void aDamagedFileGivesDefaultsInsteadOfStoppingTheApp() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"alpha\": 2.5, \"windowWidth\": ");
        assertThat(new SettingsStore(file).load().alpha).isEqualTo(1.0);
        Files.writeString(file, "{\"alpha\": 2.5, \"someFutureField\": 1}");
        assertThat(new SettingsStore(file).load().alpha).isEqualTo(2.5);
    }
}
