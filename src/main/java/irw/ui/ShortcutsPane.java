package irw.ui;

import irw.ui.common.FxmlLayout;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;

/**
 * Help ▸ Keyboard shortcuts (ShortcutsPane.fxml): the accelerators of the menus, so the list can
 * never disagree with what the keys do. Keys are written as the README writes them (Ctrl+Shift+O,
 * Alt+→, Esc).
 */
public final class ShortcutsPane extends DialogPane {
    /** One shortcut: the keys and what they do ("File ▸ Open files…"). */
    public record Shortcut(String keys, String action) {
    }

    @FXML
    private TableView<Shortcut> shortcutsTable;
    @FXML
    private TableColumn<Shortcut, String> shortcutKeysColumn;
    @FXML
    private TableColumn<Shortcut, String> shortcutActionColumn;

    public ShortcutsPane(MenuBar menus) {
        FxmlLayout.load(this);
        shortcutKeysColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        shortcutActionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        shortcutsTable.getItems().setAll(shortcuts(menus));
    }

    static List<Shortcut> shortcuts(MenuBar menus) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu menu : menus.getMenus()) {
            collect(menu, menu.getText(), out);
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " ▸ " + sub.getText(), out);
            } else if (!(item instanceof SeparatorMenuItem) && item.getAccelerator() != null) {
                out.add(new Shortcut(keys(item.getAccelerator()), path + " ▸ " + item.getText()));
            }
        }
    }

    /** Keys as the README writes them; the platform's shortcut key is Ctrl on Linux and Windows. */
    static String keys(KeyCombination k) {
        StringBuilder b = new StringBuilder();
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN || k.getControl() == KeyCombination.ModifierValue.DOWN) {
            b.append("Ctrl+");
        }
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) {
            b.append("Shift+");
        }
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) {
            b.append("Alt+");
        }
        KeyCode code = k instanceof KeyCodeCombination c ? c.getCode() : null;
        String key = code == null ? k.getName() : switch (code) {
            case RIGHT -> "→";
            case LEFT -> "←";
            case ESCAPE -> "Esc";
            default -> code.getName();
        };
        return b.append(key).toString();
    }

    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcutsTable.getItems());
    }
}
