package irw.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Where a finished run's model files are downloaded to under the models folder. */
final class RunDownloadFolder {
    private RunDownloadFolder() {
    }

    /**
     * The run's own folder: {@code <id>}, or {@code <id>-2}, {@code <id>-3} … when that name holds
     * other files (another service's run of the same id, after its data folder was replaced), so that
     * opening the folder never picks up a model of another run.
     */
    static Path of(Path modelsDir, String runId, List<String> artifacts) throws IOException {
        Set<String> mine = Set.copyOf(artifacts);
        for (int n = 1; ; n++) {
            Path dir = modelsDir.resolve(n == 1 ? runId : runId + "-" + n);
            if (!Files.exists(dir)) {
                return dir;
            }
            try (var files = Files.list(dir)) {
                if (files.allMatch(f -> mine.contains(f.getFileName().toString()))) {
                    return dir;
                }
            }
        }
    }
}
