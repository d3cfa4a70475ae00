package irw.service;

/** An HTTP error answer with a message a user can act on; rendered as {@code {"error": ...}}. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
