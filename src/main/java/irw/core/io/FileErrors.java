package irw.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line naming the file and the problem of a failed file operation. Java's own messages of the
 * commonest failures are the bare path ({@code AccessDeniedException: /data/service.lock}), which
 * tells a user neither what went wrong nor what to fix (issue 15 item 13).
 */
public final class FileErrors {
    private FileErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() != null && !f.getReason().isBlank() ? f.getReason().toLowerCase(java.util.Locale.ROOT) : reasonOf(f);
            String other = f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")";
            return f.getFile() + other + ": " + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String reasonOf(FileSystemException f) {
        if (f instanceof AccessDeniedException) {
            return "permission denied (the directory is read-only or belongs to another user)";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists (and is not what was expected there)";
        }
        if (f instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return f.getClass().getSimpleName();
    }
}
