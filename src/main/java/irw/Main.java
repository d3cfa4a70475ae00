package irw;

import irw.cli.IrwCommand;
import irw.ui.WorkbenchLauncher;
import irw.ui.bench.GuiBenchCommand;

/**
 * Entry point of {@code irw.jar}: no arguments opens the workbench, anything else is a
 * command-line sub-command. Deliberately not a JavaFX {@code Application}: with JavaFX on the
 * class path the launcher class must not extend it (PLATFORM-NOTES).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        irw.engine.LibraryNoise.filterStdout();
        if (args.length == 0) {
            WorkbenchLauncher.launch(args);
            return;
        }
        System.exit(IrwCommand.execute(GuiBenchCommand::register, args));
    }
}
