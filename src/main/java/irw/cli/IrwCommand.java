package irw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command-line interface. Each feature registers its sub-command here. */
@Command(name = "irw", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Imitation Refinement Workbench: read, simulate, refine and classify diffraction patterns.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ConvertCommand.class,
                ReproduceCommand.class,
                ServeCommand.class, SubmitCommand.class, JobsCommand.class, WatchCommand.class, CancelCommand.class,
                BenchCommand.class,
                TypesetDigitsCommand.class,
                SimulateCommand.class,
                DatasetCommand.class,
                IdentifyCommand.class,
                ClassifyCommand.class, RefineCommand.class, EvaluateCommand.class, EmbedCommand.class, TrainCommand.class, CalibrateCommand.class,
                LabelRefineryCommand.class, MicCommand.class, CompareCommand.class,
        })
public final class IrwCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a command line and returns its exit code; errors become one clear line on stderr. */
    public static int execute(String... args) {
        return execute(cli -> { }, args);
    }

    /**
     * As {@link #execute(String...)}, after {@code extend} has added sub-commands from layers the
     * CLI must not depend on (the GUI's {@code bench gui}, registered by {@code irw.Main}).
     */
    public static int execute(java.util.function.Consumer<CommandLine> extend, String... args) {
        CommandLine cli = commandLine();
        extend.accept(cli);
        return cli.execute(args);
    }

    /** The command line as {@link #execute} runs it (errors as one line on its err writer), for callers that set its writers. */
    public static CommandLine commandLine() {
        irw.engine.LibraryNoise.filterStdout(); // a command's stdout is what scripts read (a job id, CSV paths)
        CommandLine cli = new CommandLine(new IrwCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (Boolean.getBoolean("irw.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli;
    }

    /** The command line with its sub-commands, after {@code extend} added those of other layers. */
    public static CommandLine commandLine(java.util.function.Consumer<CommandLine> extend) {
        CommandLine cli = commandLine();
        extend.accept(cli);
        return cli;
    }
}
