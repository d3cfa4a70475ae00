package irw.cli;

import irw.core.data.LabelledDataSet;
import irw.engine.Calibration;
import irw.engine.LibraryTraining;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.TemperatureScaling;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * calibrate: fits a classifier's temperature and "uncertain" threshold on held-out labelled data (never
 * the test data) and writes them into the model file: an XRD classifier on physically varied patterns
 * of its structure library's VALIDATION split ({@code --structures}, as training does at its end), or
 * any classifier on a held-out labelled set ({@code --data}: the VALIDATION split of an ideal XRD set;
 * {@code --images/--labels [--per-class A:B]}: held-out digits).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Temperature scaling and the 'uncertain' threshold on held-out labelled data (never the test data): fits T of "
                + "softmax(z / T), prints the expected calibration error before and after, and writes the model.")
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    TrainCommand.DataOptions data;
    @Option(names = "--structures", description = "XRD: the structure library the classifier was trained on; its VALIDATION split is rendered")
    Path structures;
    @Option(names = "--split-seed", defaultValue = "2019", description = "with --structures: seed of the structure split (default ${DEFAULT-VALUE})")
    long splitSeed;
    @Option(names = "--seed", defaultValue = "2019", description = "with --structures: seed of the held-out draws (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--rendering", defaultValue = "reflections",
            description = "with --structures: reflections (cached reflection families) or simulation (each draw simulated afresh); "
                    + "the same patterns up to the counting-noise sequence (default ${DEFAULT-VALUE})")
    String rendering;
    @Option(names = "--model", required = true, description = "classifier model file")
    Path model;
    @Option(names = "--out", description = "model file to write (default: rewrite --model)")
    Path out;
    @Option(names = "--held-out", description = "what the held-out data is, in words, for the model file (default: the files and range)")
    String heldOut;

    @Override
    public Integer call() throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(model);
        PrototypicalClassifier calibrated;
        if (structures != null) {
            LibraryTraining d = LibraryTraining.defaults(structures);
            calibrated = new LibraryTraining(structures, d.userCifs(), d.augmentation(), d.balance(), splitSeed, d.validationFraction(),
                    d.testFraction(), irw.xrd.synth.TrainingPatternSource.Rendering.parse(rendering)).calibrate(c, seed);
        } else {
            LabelledDataSet set = data.dataDir != null ? data.source().heldOutIdeal() : data.source().idealTrain();
            String what = heldOut != null ? heldOut : describe(set.size());
            calibrated = c.withCalibration(TemperatureScaling.fit(c.logits(c.preprocessing().apply(set.items())), set.labels(), what));
        }
        Path target = out != null ? out : model;
        ModelStore.save(calibrated, target);
        Calibration cal = calibrated.calibration();
        System.out.printf(Locale.ROOT, "temperature %.3f on %d held-out items (%s): ECE %.4f -> %.4f, NLL %.4f -> %.4f; uncertain below %.2f "
                        + "(%.1f %% of held-out answers above it, %.1f %% of those right); wrote %s%n", cal.temperature(), cal.items(),
                cal.heldOut(), cal.eceBefore(), cal.eceAfter(), cal.nllBefore(), cal.nllAfter(), cal.uncertainBelow(),
                100 * cal.shareAboveThreshold(), 100 * cal.accuracyAboveThreshold(), target);
        return 0;
    }

    private String describe(int items) {
        if (data.dataDir != null) {
            return "the VALIDATION split of " + data.dataDir.getFileName();
        }
        return data.images.getFileName() + (data.perClass != null ? " items " + data.perClass + " of every class" : "")
                + " (" + items + ")";
    }
}
