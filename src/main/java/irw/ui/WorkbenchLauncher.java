package irw.ui;

import javafx.application.Application;

/** Starts the JavaFX workbench. */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
