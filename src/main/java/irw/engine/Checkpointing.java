package irw.engine;

import java.nio.file.Path;

/**
 * Where and how often a trainer saves its state. If the file exists when training starts, the
 * trainer resumes from it; it is rewritten atomically every {@code everySteps} steps, on
 * cancellation and at the end.
 */
public record Checkpointing(Path file, int everySteps) {
    public Checkpointing {
        if (file == null || everySteps < 1) {
            throw new IllegalArgumentException("a checkpoint needs a file and everySteps >= 1");
        }
    }
}
