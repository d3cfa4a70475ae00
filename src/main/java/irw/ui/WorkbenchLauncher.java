package irw.ui;

import irw.app.instance.SingleInstance;
import irw.core.io.UserFolders;
import javafx.application.Application;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts the JavaFX workbench, once per user: when a workbench already runs, the files go to its
 * window ({@link SingleInstance}, in the user's runtime folder) and this start ends.
 */
public final class WorkbenchLauncher {
    /** A workbench that is still starting needs a few seconds before it listens. */
    private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(30);
    private static volatile SingleInstance primary;

    private WorkbenchLauncher() {
    }

    public static void launch(List<Path> files) {
        SingleInstance instance = claim();
        if (instance != null && !instance.isPrimary()) {
            if (instance.handOver(files, HAND_OVER_WAIT)) {
                return;
            }
            System.err.println("irw: a workbench holds " + instance.folder()
                    + " but did not take the files within " + HAND_OVER_WAIT.toSeconds() + " s; opening another window");
        }
        primary = instance != null && instance.isPrimary() ? instance : null;
        try {
            Application.launch(WorkbenchApp.class, files.stream().map(Path::toString).toArray(String[]::new));
        } finally {
            if (primary != null) {
                primary.close();
            }
        }
    }

    /** Called by the started window: later starts hand their files to {@code opener} (on a listener thread). */
    static void acceptHandOvers(Consumer<List<Path>> opener) {
        Optional.ofNullable(primary).ifPresent(p -> {
            try {
                p.acceptHandOvers(opener);
            } catch (IOException e) {
                System.err.println("irw: files opened later will open a new window: " + e.getMessage());
            }
        });
    }

    private static SingleInstance claim() {
        Path folder = UserFolders.runtime();
        try {
            return SingleInstance.claim(folder);
        } catch (IOException | RuntimeException e) {
            // An unusable runtime folder must not keep the workbench from starting.
            System.err.println("irw: cannot use " + folder + " (" + e.getMessage() + "); every start opens its own window");
            return null;
        }
    }
}
