package irw.ui;

import irw.app.data.PatternFileReader;
import irw.app.training.ServiceConnector;
import irw.app.workbench.WorkbenchModel;
import irw.service.ServiceConfig;
import javafx.scene.Scene;

import java.util.Objects;

/** The composition root: which real implementations the workbench's views are built on. */
public final class Workbench {
    private Workbench() {
    }

    /** The instrument-file readers (format from content), as the Data view sees them. */
    public static PatternFileReader reader() {
        return irw.xrd.io.PatternReaders::read;
    }

    public static MainWindow createWindow(WorkbenchModel model) {
        return createWindow(model, ServiceConnector.localService(ServiceConfig.defaultDataDir()));
    }

    public static MainWindow createWindow(WorkbenchModel model, ServiceConnector connector) {
        return new MainWindow(model, reader(), connector);
    }

    public static Scene scene(MainWindow window, double width, double height) {
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(Workbench.class.getResource("/irw/ui/workbench.css")).toExternalForm());
        return scene;
    }
}
