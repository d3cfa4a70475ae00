package irw.ui;

import irw.app.notify.Notification;
import irw.app.notify.NotificationCenter;
import irw.ui.common.NodeIds;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Errors and notices, newest first, each naming its file or job; one line each, no stack traces. */
public final class NotificationArea extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    public NotificationArea(NotificationCenter center) {
        setId("notificationArea");
        ListView<Notification> list = new ListView<>(center.notifications());
        list.setId(NodeIds.NOTIFICATIONS);
        list.setPlaceholder(new Label("No messages"));
        list.setCellFactory(v -> new ListCell<>() {
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
        Label title = new Label("Messages");
        title.getStyleClass().add("hint");
        Button clear = new Button("Clear");
        clear.setId("clearNotifications");
        clear.setOnAction(e -> center.clear());
        HBox header = new HBox(8, title, clear);
        header.setPadding(new Insets(2, 6, 2, 6));
        setTop(header);
        setCenter(list);
    }
}
