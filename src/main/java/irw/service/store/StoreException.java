package irw.service.store;

/** The job store could not be read or written (disk full, a corrupt file, a locked database). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
