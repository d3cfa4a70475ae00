package irw.service.client;

/** The service answered with an error, or could not be reached (status 0). */
public final class ServiceException extends RuntimeException {
    private final int status;

    public ServiceException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the service did not answer. */
    public int status() {
        return status;
    }
}
