package irw.service;

import java.nio.file.Path;
import java.util.Map;

/**
 * A validated job spec (see {@link JobSpecParser} for the JSON form).
 *
 * @param data            data references by role ("train", "classifier"; "digits" or "xrd" for
 *                        label-refinery and mic jobs), absolute paths
 * @param settings        the kind's knobs, the JSON's {@code hyperParameters}
 * @param checkpointEvery steps between two checkpoints
 */
public record JobSpec(JobKind kind, String name, Map<String, Path> data, JobSettings settings, long seed, int checkpointEvery) {
    public JobSpec {
        data = Map.copyOf(data);
    }

    public Path data(String role) {
        return data.get(role);
    }

    /** The knobs of a classifier or refiner job. */
    public HyperParameters hyperParameters() {
        return settings(HyperParameters.class);
    }

    /** The knobs, as the type the kind uses; a mismatch is a programming error. */
    public <T extends JobSettings> T settings(Class<T> type) {
        if (!type.isInstance(settings)) {
            throw new IllegalStateException("a " + kind.wireName() + " job has " + settings.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(settings);
    }
}
