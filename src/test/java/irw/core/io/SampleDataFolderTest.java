package irw.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataFolderTest {
    @Test
    void theInstallationNamedByIrwHomeComesFirst(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("sample-data/mnist"));
        String before = System.getProperty("irw.home");
        System.setProperty("irw.home", home.toString());
        try {
            assertThat(SampleDataFolder.find()).contains(home.resolve("sample-data").normalize());
            assertThat(SampleDataFolder.resolve("mnist")).isEqualTo(home.resolve("sample-data/mnist").normalize());
        } finally {
            if (before == null) {
                System.clearProperty("irw.home");
            } else {
                System.setProperty("irw.home", before);
            }
        }
    }

    @Test
    void withoutIrwHomeTheRepositorysBundledFolderIsFound() {
        String before = System.getProperty("irw.home");
        System.clearProperty("irw.home");
        try {
            // tests run from the repository (target/classes sits one level below it)
            assertThat(SampleDataFolder.find()).hasValueSatisfying(d -> assertThat(d.resolve("models")).isDirectory());
        } finally {
            if (before != null) {
                System.setProperty("irw.home", before);
            }
        }
    }
}
