package irw.app.notify;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into one line a user can act on: the cause, not the stack. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.ExecutionException || e instanceof java.io.UncheckedIOException
                || e.getClass() == RuntimeException.class) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof NoSuchFileException n) {
            return "file not found: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof FileNotFoundException f) {
            return "file not found: " + f.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: try a smaller batch or a larger -Xmx";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
