package irw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Speed benchmarks: each sub-command times one component and prints its figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time components of the workbench and print the figures.",
        subcommands = {
                TsneBenchCommand.class,
                SimulateBenchCommand.class,
                EngineBenchCommand.class,
                RefineMemoryBenchCommand.class,
                SearchBenchCommand.class,
        })
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
