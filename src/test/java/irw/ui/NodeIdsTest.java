package irw.ui;

import io.fair_acc.chartfx.Chart;
import irw.ui.common.NodeIds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static irw.ui.WorkbenchFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 15: NodeIds, the FXML layouts and the live window name the same node ids. */
@ExtendWith(ApplicationExtension.class)
class NodeIdsTest {
    private static final Path LAYOUTS = Path.of("resources/irw/ui");
    private static final Pattern TAG = Pattern.compile("<(\\w+)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("(?<![\\w:])(?:fx:id|id)=\"([^\"]+)\"");
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchFixture(stage, dir.resolve("cfg-" + System.nanoTime()));
    }

    @Test
    void nodeIdsHoldsEveryIdOfTheFxmlLayoutsAndOfTheLiveWindow() throws Exception {
        Set<String> listed = nodeIds();
        Set<String> declared = fxmlIds();
        assertThat(declared).as("ids in the FXML layouts").isNotEmpty();
        assertThat(listed).as("NodeIds lists every id the layouts declare").containsAll(declared);
        Set<String> live = new TreeSet<>();
        fx(() -> {
            collect(app.window, live);
            // the Help dialogs, as Help ▸ Keyboard shortcuts and Help ▸ About show them
            collect(new ShortcutsPane(app.window.menuBar()), live);
            collect(new AboutPane("CPU"), live);
        });
        assertThat(listed).as("NodeIds lists every id in the running window").containsAll(live);
        assertThat(live).as("every id NodeIds lists exists in the running window").containsAll(listed);
    }

    /** The values of NodeIds' public constants. */
    static Set<String> nodeIds() throws IllegalAccessException {
        Set<String> ids = new TreeSet<>();
        for (Field f : NodeIds.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertThat(ids.add((String) f.get(null))).as("%s is listed once", f.getName()).isTrue();
            }
        }
        return ids;
    }

    /** fx:id and id attributes of every layout; a WeightSlider names its slider and field after itself. */
    static Set<String> fxmlIds() throws Exception {
        Set<String> ids = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(LAYOUTS)) {
            files = walk.filter(p -> p.toString().endsWith(".fxml")).toList();
        }
        for (Path f : files) {
            String xml = Files.readString(f).replaceAll("(?s)<!--.*?-->", "");
            Matcher tag = TAG.matcher(xml);
            while (tag.find()) {
                Matcher id = ID.matcher(tag.group(2));
                while (id.find()) {
                    ids.add(id.group(1));
                    if (tag.group(1).equals("WeightSlider")) {
                        ids.add(id.group(1) + "Slider");
                        ids.add(id.group(1) + "Field");
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Ids of the nodes a layout declares, reachable from a node: children of panes, the items and
     * content of controls (split panes, scroll panes, tool bars, tabs), menus, table columns,
     * context menus and chart axes; never the nodes of control skins or chart internals.
     */
    static void collect(Node node, Set<String> ids) {
        add(node.getId(), ids);
        List<Node> children = new ArrayList<>();
        if (node instanceof Chart chart) {
            chart.getAxes().forEach(a -> collect((Node) a, ids));
        } else if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                add(t.getId(), ids);
                if (t.getContent() != null) {
                    children.add(t.getContent());
                }
            }
        } else if (node instanceof SplitPane split) {
            children.addAll(split.getItems());
        } else if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            children.add(scroll.getContent());
        } else if (node instanceof ToolBar bar) {
            children.addAll(bar.getItems());
        } else if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> collect(m, ids));
        } else if (node instanceof TableView<?> table) {
            table.getColumns().forEach(c -> collect(c, ids));
            if (table.getPlaceholder() != null) {
                children.add(table.getPlaceholder());
            }
        } else if (node instanceof DialogPane pane && pane.getContent() != null) {
            children.add(pane.getContent());
        } else if (!(node instanceof Control) && node instanceof Parent p) {
            children.addAll(p.getChildrenUnmodifiable());
        }
        if (node instanceof Control c && c.getContextMenu() != null) {
            collect(c.getContextMenu(), ids);
        }
        for (Node child : children) {
            collect(child, ids);
        }
    }

    private static void collect(MenuItem item, Set<String> ids) {
        add(item.getId(), ids);
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> collect(i, ids));
        }
    }

    private static void collect(ContextMenu menu, Set<String> ids) {
        add(menu.getId(), ids);
        menu.getItems().forEach(i -> collect(i, ids));
    }

    private static void collect(TableColumnBase<?, ?> column, Set<String> ids) {
        add(column.getId(), ids);
        column.getColumns().forEach(c -> collect(c, ids));
    }

    private static void add(String id, Set<String> ids) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }
}
