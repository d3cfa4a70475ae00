package irw.ui;

import irw.app.notify.Notification;
import irw.app.notify.NotificationCenter;
import irw.ui.common.FxmlLayout;
import javafx.fxml.FXML;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Errors and notices (NotificationArea.fxml), newest first, each naming its file or job; one line each, no stack traces. */
public final class NotificationArea extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final NotificationCenter center;
    @FXML
    private ListView<Notification> notificationList;

    public NotificationArea(NotificationCenter center) {
        this.center = center;
        FxmlLayout.load(this);
        notificationList.setItems(center.notifications());
        notificationList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Notification n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().removeAll("notification-error", "notification-warning", "notification-info");
                if (empty || n == null) {
                    setText(null);
                    return;
                }
                setText(TIME.format(n.time()) + "  " + n.text());
                getStyleClass().add("notification-" + n.level().name().toLowerCase());
            }
        });
    }

    @FXML
    private void clear() {
        center.clear();
    }
}
