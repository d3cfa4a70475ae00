package irw.app.training;

import irw.service.LearningData;
import irw.service.api.JobState;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the Training form starts with, and what it checks before a run goes to the service: a
 * classifier trains on the bundled ideal set ({@code datasets/xrd/ideal.npz}), a refiner on the
 * imperfect one ({@code imperfect.npz}) through the shipped XRD classifier when there is one, else
 * through the newest finished classifier run of the service ({@code job:<id>}); label-refinery
 * and mic runs train on the bundled XRD data set folder ({@code datasets/xrd}) or an MNIST folder.
 */
final class RunFormDefaults {
    static final String JOB_PREFIX = "job:";
    static final String CLASSIFIER_ARTIFACT = "classifier.irwm";
    private final Optional<Path> sampleData;

    RunFormDefaults(Optional<Path> sampleData) {
        this.sampleData = sampleData;
    }

    /** The bundled data set a run of this kind trains on, or "" when the sample data is missing. */
    String dataSet(RunKind kind) {
        if (kind.usesDataDirectory()) {
            return sampleData.map(d -> d.resolve("datasets/xrd")).map(RunFormDefaults::shown).orElse("");
        }
        String file = kind == RunKind.CLASSIFIER ? "ideal.npz" : "imperfect.npz";
        return sampleData.map(d -> d.resolve("datasets/xrd").resolve(file)).map(RunFormDefaults::shown).orElse("");
    }

    /** The shipped XRD classifier's file, else {@code job:<id>} of the newest finished classifier run, else "". */
    String classifier(List<RunRow> runs) {
        Optional<Path> shipped = sampleData.map(d -> d.resolve("models/xrd-classifier.irwm")).filter(Files::isRegularFile);
        if (shipped.isPresent()) {
            return shown(shipped.get());
        }
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (isFinishedClassifier(runs.get(i))) {
                return JOB_PREFIX + runs.get(i).id();
            }
        }
        return "";
    }

    static boolean isFinishedClassifier(RunRow row) {
        return row != null && row.state() == JobState.FINISHED && row.artifacts().contains(CLASSIFIER_ARTIFACT);
    }

    /**
     * Why the form cannot be submitted as it stands (naming the field and the missing file), or
     * empty. {@code job:} references go to the service, which checks them against its store.
     */
    static Optional<String> problem(RunKind kind, String trainData, String classifier) {
        if (trainData.isBlank()) {
            return Optional.of(kind.usesDataDirectory() ? "Data set: choose a data folder (an XRD data set folder, or MNIST IDX files)"
                    : "Data set: choose a data set file (ideal.npz or imperfect.npz of an XRD data set, a structure library .cif/.cif.gz "
                    + "for a classifier, or an IDX image file)");
        }
        Path data = Path.of(trainData.strip()).toAbsolutePath().normalize();
        if (kind.usesDataDirectory()) {
            return LearningData.problem(learningSetRole(data.toString()), data).map(p -> "Data set: " + p);
        }
        if (!Files.isRegularFile(data)) {
            return Optional.of("Data set: no such file: " + data);
        }
        if (kind == RunKind.REFINER) {
            if (classifier.isBlank()) {
                return Optional.of("Classifier: a refiner trains through a classifier; give its .irwm file or job:<id> of a finished classifier run");
            }
            if (!classifier.strip().startsWith(JOB_PREFIX)) {
                Path model = Path.of(classifier.strip()).toAbsolutePath().normalize();
                if (!Files.isRegularFile(model)) {
                    return Optional.of("Classifier: no such file: " + model);
                }
            }
        }
        return Optional.empty();
    }

    /** A structure library (one CIF, or the bundled {@code amcsd.cif.gz}): a classifier renders it on the fly. */
    static boolean isStructureLibrary(String trainData) {
        String name = trainData.strip().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".cif") || name.endsWith(".cif.gz");
    }

    /** Why the lab's CIF folder cannot be used as given, or empty: it must be a folder, beside a structure library. */
    static Optional<String> labCifsProblem(String trainData, String labCifs) {
        if (labCifs.isBlank()) {
            return Optional.empty();
        }
        if (!isStructureLibrary(trainData)) {
            return Optional.of("Lab CIFs: the lab's own structures join a structure library; choose a .cif or .cif.gz library as the data set");
        }
        Path folder = Path.of(labCifs.strip()).toAbsolutePath().normalize();
        return Files.isDirectory(folder) ? Optional.empty() : Optional.of("Lab CIFs: no such folder: " + folder);
    }

    /** "xrd" for a {@code dataset xrd} folder (it holds ideal.npz), else "digits" (MNIST IDX files). */
    static String learningSetRole(String dir) {
        return Files.isRegularFile(Path.of(dir).resolve(XrdDataSets.IDEAL)) ? LearningData.XRD : LearningData.DIGITS;
    }

    /** A path as the form shows it: relative to the working directory when it lies below it. */
    private static String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
