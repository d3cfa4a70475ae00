package irw.service;

/** Turns what a failed run threw into the one-line reason stored with a FAILED job. */
final class FailureReason {
    private FailureReason() {
    }

    static String of(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory: " + t.getMessage() + " (lower the batch size or the model size, or give the service more memory)";
        }
        StringBuilder reason = new StringBuilder(describe(t));
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String more = describe(cause);
            if (!reason.toString().contains(more)) {
                reason.append(": ").append(more);
            }
            if (cause instanceof OutOfMemoryError) {
                reason.insert(0, "out of memory: ");
            }
        }
        return reason.toString();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
