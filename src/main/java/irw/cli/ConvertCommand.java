package irw.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder, replaced by the readers' convert command. */
@Command(name = "convert", description = "Convert diffraction files to CSV or .xy.")
final class ConvertCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("convert: the instrument readers are not built yet");
        return 2;
    }
}
