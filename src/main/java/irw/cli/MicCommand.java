package irw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code irw mic}: Modular Inverse Classification (one generative LSTM per class). */
@Command(name = "mic", mixinStandardHelpOptions = true,
        description = "Modular Inverse Classification: train one generative LSTM per class, classify by gradient descent on the generators' inputs.",
        subcommands = {MicTrainCommand.class, MicClassifyCommand.class})
final class MicCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
