package irw.cli;

import irw.core.data.LabelledDataSet;
import irw.engine.Calibration;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.TemperatureScaling;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** calibrate: fits the temperature of a classifier on held-out labelled data and writes it into the model file. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Temperature scaling on held-out labelled data (never the test data): fits T of softmax(z / T), "
                + "prints the expected calibration error before and after, and writes the model with T.")
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    TrainCommand.DataOptions data;
    @Option(names = "--model", required = true, description = "classifier model file")
    Path model;
    @Option(names = "--out", description = "model file to write (default: rewrite --model)")
    Path out;
    @Option(names = "--held-out", description = "what the held-out data is, in words, for the model file (default: the files and range)")
    String heldOut;

    @Override
    public Integer call() throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(model);
        LabelledDataSet set = data.dataDir != null ? data.source().heldOutIdeal() : data.source().idealTrain();
        String what = heldOut != null ? heldOut : describe(set.size());
        Calibration cal = TemperatureScaling.fit(c.logits(c.preprocessing().apply(set.items())), set.labels(), what);
        Path target = out != null ? out : model;
        ModelStore.save(c.withCalibration(cal), target);
        System.out.printf(Locale.ROOT, "temperature %.3f on %d held-out items (%s): ECE %.4f -> %.4f, NLL %.4f -> %.4f; wrote %s%n",
                cal.temperature(), cal.items(), what, cal.eceBefore(), cal.eceAfter(), cal.nllBefore(), cal.nllAfter(), target);
        return 0;
    }

    private String describe(int items) {
        if (data.dataDir != null) {
            return "the VALIDATION split of " + data.dataDir.getFileName();
        }
        return data.images.getFileName() + (data.perClass != null ? " items " + data.perClass + " of every class" : "") + " (" + items + ")";
    }
}
