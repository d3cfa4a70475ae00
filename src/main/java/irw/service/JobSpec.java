package irw.service;

import java.nio.file.Path;
import java.util.Map;

/**
 * A validated job spec (see {@link JobSpecParser} for the JSON form).
 *
 * @param data            data set references by role ("train", "test", "classifier"), absolute paths
 * @param checkpointEvery steps between two checkpoints
 */
public record JobSpec(JobKind kind, String name, Map<String, Path> data, HyperParameters hyperParameters, long seed,
                      int checkpointEvery) {
    public JobSpec {
        data = Map.copyOf(data);
    }

    public Path data(String role) {
        return data.get(role);
    }
}
