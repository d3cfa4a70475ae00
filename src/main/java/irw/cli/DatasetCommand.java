package irw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Data-set builders: each sub-command builds one kind (xrd; others may add siblings). */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Build training and evaluation data sets.",
        subcommands = {
                DatasetXrdCommand.class,
        })
final class DatasetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
