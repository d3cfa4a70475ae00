package irw.app.notify;

import java.time.Instant;

/**
 * One message for the notification area.
 *
 * @param level   how serious it is
 * @param subject what it is about: a file name or a job name
 * @param message one line a user can act on, never a stack trace
 */
public record Notification(Level level, String subject, String message, Instant time) {
    public enum Level { INFO, WARNING, ERROR }

    public String text() {
        return subject.isEmpty() ? message : subject + ": " + message;
    }
}
