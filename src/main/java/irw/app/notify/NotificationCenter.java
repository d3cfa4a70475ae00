package irw.app.notify;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;

/** The notifications shown in the window; newest first, the oldest dropped past a limit. */
public final class NotificationCenter {
    private static final int LIMIT = 200;
    private final ObservableList<Notification> notifications = FXCollections.observableArrayList();

    public ObservableList<Notification> notifications() {
        return notifications;
    }

    public void info(String subject, String message) {
        add(new Notification(Notification.Level.INFO, subject, message, Instant.now()));
    }

    public void warn(String subject, String message) {
        add(new Notification(Notification.Level.WARNING, subject, message, Instant.now()));
    }

    /** An error about {@code subject} (a file or a job), described without a stack trace. */
    public void error(String subject, Throwable error) {
        add(new Notification(Notification.Level.ERROR, subject, ErrorMessages.describe(error), Instant.now()));
    }

    public void error(String subject, String message) {
        add(new Notification(Notification.Level.ERROR, subject, message, Instant.now()));
    }

    public void clear() {
        notifications.clear();
    }

    private void add(Notification n) {
        notifications.add(0, n);
        if (notifications.size() > LIMIT) {
            notifications.remove(LIMIT, notifications.size());
        }
    }
}
