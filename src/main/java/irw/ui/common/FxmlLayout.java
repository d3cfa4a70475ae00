package irw.ui.common;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads a view's layout from the FXML file named like its class, beside it under
 * {@code resources/} (the JabRef and mvvmFX habit): the view object is both the FXML root
 * ({@code fx:root}) and its controller, so its {@code @FXML} fields receive the nodes and the view
 * class keeps only the bindings to its view model.
 */
public final class FxmlLayout {
    private FxmlLayout() {
    }

    public static void load(Object view) {
        Class<?> type = view.getClass();
        String name = type.getSimpleName() + ".fxml";
        URL url = type.getResource(name);
        if (url == null) {
            throw new IllegalStateException("the layout " + type.getPackageName().replace('.', '/') + "/" + name + " is missing from the resources");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(view);
        loader.setController(view);
        loader.setClassLoader(type.getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the layout " + url + ": " + e.getMessage(), e);
        }
    }
}
