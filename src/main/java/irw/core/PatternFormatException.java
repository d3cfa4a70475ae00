package irw.core;

import java.nio.file.Path;

/**
 * A file could not be read as a pattern (or data set). The message always names the file and
 * says what was wrong, so it can be shown to a user as it is.
 */
public class PatternFormatException extends Exception {
    private final Path file;

    public PatternFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public PatternFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
