package irw.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The workbench window. The views arrive with the GUI issue; until then it says so. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        Label label = new Label("Imitation Refinement Workbench\nThe views are being built; use `irw --help` for the command line.");
        label.setId("placeholder");
        stage.setTitle("Imitation Refinement Workbench");
        stage.setScene(new Scene(new StackPane(label), 900, 600));
        stage.show();
    }
}
