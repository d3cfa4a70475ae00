package irw.cli;

import irw.engine.LibraryTraining;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * calibrate: fits an XRD classifier's temperature and "uncertain" threshold anew on patterns of the
 * library's VALIDATION structures (never the test structures), as training does at its end.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Temperature scaling and the 'uncertain' threshold of an XRD classifier, fitted on physically varied patterns of "
                + "the structure library's VALIDATION split; prints ECE before and after and writes the model.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "classifier model file")
    Path model;
    @Option(names = "--structures", required = true, description = "the structure library the classifier was trained on (its split seed)")
    Path structures;
    @Option(names = "--split-seed", defaultValue = "2019")
    long splitSeed;
    @Option(names = "--seed", defaultValue = "2019", description = "seed of the held-out draws (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", description = "model file to write (default: rewrite --model)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(model);
        LibraryTraining plan = LibraryTraining.defaults(structures);
        plan = new LibraryTraining(structures, plan.userCifs(), plan.augmentation(), plan.balance(), splitSeed, plan.validationFraction(),
                plan.testFraction());
        PrototypicalClassifier calibrated = plan.calibrate(c, seed);
        Path target = out != null ? out : model;
        ModelStore.save(calibrated, target);
        System.out.printf("wrote %s; calibration %s%n", target, calibrated.calibration().report());
        return 0;
    }
}
