package irw.engine;

import java.io.IOException;
import java.nio.file.Path;

/** A model or checkpoint file that cannot be used: missing, corrupt, of another kind or a newer format. */
public final class ModelFileException extends IOException {
    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
