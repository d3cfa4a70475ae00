package irw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void existingFilesOpenTheWorkbenchAndEverythingElseIsACommand(@TempDir Path dir) {
        String mno = "sample-data/measured/MnO.xy";
        assertThat(Main.opensWorkbench()).isTrue();
        assertThat(Main.opensWorkbench(mno)).isTrue();
        assertThat(Main.opensWorkbench(mno, dir.toString())).isTrue();
        assertThat(Main.opensWorkbench(dir.toUri().toString())).as("a file: URI from a file manager").isTrue();

        assertThat(Main.opensWorkbench("convert", mno, "--out", dir.resolve("x.csv").toString())).isFalse();
        assertThat(Main.opensWorkbench("--version")).isFalse();
        assertThat(Main.opensWorkbench("bench", "gui")).isFalse();
        // a typo names no file: picocli answers with its error, the workbench does not open
        assertThat(Main.opensWorkbench("convrt", mno)).isFalse();
        assertThat(Main.opensWorkbench(mno, dir.resolve("missing.xy").toString())).isFalse();
    }
}
