package irw;

import irw.cli.IrwCommand;
import irw.ui.WorkbenchLauncher;
import irw.ui.bench.GuiBenchCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code irw.jar} and of the packaged {@code irw}: no arguments opens the workbench,
 * and so do arguments that are all existing files or folders (a double-clicked file, {@code irw
 * MnO.xy}: the workbench opens them, or hands them to the workbench already running); anything else
 * is a command-line sub-command. Deliberately not a JavaFX {@code Application}: with JavaFX on the
 * class path the launcher class must not extend it (PLATFORM-NOTES).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        irw.engine.LibraryNoise.filterStdout();
        if (opensWorkbench(args)) {
            WorkbenchLauncher.launch(Arrays.stream(args).map(Main::path).toList());
            return;
        }
        System.exit(IrwCommand.execute(GuiBenchCommand::register, args));
    }

    /** True for no arguments, or when every argument names an existing file or folder and the first is no sub-command. */
    static boolean opensWorkbench(String... args) {
        if (args.length == 0) {
            return true;
        }
        if (args[0].startsWith("-") || IrwCommand.commandLine(GuiBenchCommand::register).getSubcommands().containsKey(args[0])) {
            return false;
        }
        return List.of(args).stream().allMatch(a -> {
            try {
                return Files.exists(path(a));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return false; // InvalidPathException is one, and so is a malformed URI
            }
        });
    }

    /** A path, or a {@code file:} URI as some file managers hand them over. */
    private static Path path(String arg) {
        return arg.startsWith("file:") ? Path.of(java.net.URI.create(arg)) : Path.of(arg);
    }
}
