package irw.service;

import irw.core.PatternFormatException;
import irw.core.data.ClassBalancedSubset;
import irw.core.data.LabelledDataSet;
import irw.core.io.SampleDataFolder;
import irw.digits.IdxFormat;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The training set and the held-out sets of {@code --data digits|xrd}: digits = the MNIST train
 * and test IDX files; xrd = the data roles of {@link XrdDataSets}: the classifier's training set
 * for training, the ideal patterns of the TEST structures and the refiner's test set
 * (measured-like patterns of held-out structures, the ones {@code evaluate} scores) for evaluation.
 *
 * @param train   training items
 * @param heldOut evaluation sets by name, the main one first
 */
public record LearningData(String kind, Path dir, LabelledDataSet train, Map<String, LabelledDataSet> heldOut) {
    public static final String DIGITS = "digits";
    public static final String XRD = "xrd";
    /** The bundled sets ({@link SampleDataFolder}: the installation, else the working directory). */
    public static final Path DIGITS_DIR = SampleDataFolder.resolve("mnist");
    public static final Path XRD_DIR = SampleDataFolder.resolve("datasets/xrd");
    private static final String[] TRAIN_IMAGES = {"train-images-idx3-ubyte"};
    private static final String[] TRAIN_LABELS = {"train-labels-idx1-ubyte"};
    private static final String[] TEST_IMAGES = {"t10k-images-idx3-ubyte", "test-images-idx3-ubyte"};
    private static final String[] TEST_LABELS = {"t10k-labels-idx1-ubyte", "test-labels-idx1-ubyte"};

    /**
     * @param kind          {@value #DIGITS} or {@value #XRD}
     * @param dir           where the files lie, or null for the bundled sample data
     * @param trainPerClass the first N training items of each class; 0 = all
     * @param testPerClass  the first N held-out items of each class; 0 = all
     */
    public static LearningData load(String kind, Path dir, int trainPerClass, int testPerClass) throws PatternFormatException {
        Map<String, LabelledDataSet> heldOut = new LinkedHashMap<>();
        LabelledDataSet train;
        switch (kind) {
            case DIGITS -> {
                Path d = dir == null ? DIGITS_DIR : dir;
                train = IdxFormat.read(existing(d, TRAIN_IMAGES), existing(d, TRAIN_LABELS));
                heldOut.put("test", IdxFormat.read(existing(d, TEST_IMAGES), existing(d, TEST_LABELS)));
                dir = d;
            }
            case XRD -> {
                Path d = dir == null ? XRD_DIR : dir;
                XrdDataSets sets = XrdDataSets.load(d);
                train = sets.classifierTrainingSet();
                heldOut.put("ideal-test", sets.idealTestSet());
                heldOut.put("imperfect", sets.refinerTestSet()); // the patterns evaluate scores, so the figures compare
                dir = d;
            }
            default -> throw new IllegalArgumentException("--data must be digits or xrd, not '" + kind + "'");
        }
        heldOut.replaceAll((name, set) -> ClassBalancedSubset.firstOfEachClass(set, testPerClass));
        return new LearningData(kind, dir, ClassBalancedSubset.firstOfEachClass(train, trainPerClass), heldOut);
    }

    /**
     * Why {@code dir} cannot serve as {@code kind} data (the files it lacks), or empty: a cheap
     * look at the file names, so that a job spec naming the wrong folder is refused at once.
     */
    public static Optional<String> problem(String kind, Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.of("not a directory: " + dir);
        }
        String[][] needed = switch (kind) {
            case DIGITS -> new String[][]{TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS};
            case XRD -> new String[][]{{XrdDataSets.IDEAL}, {XrdDataSets.IMPERFECT}};
            default -> throw new IllegalArgumentException("data must be digits or xrd, not '" + kind + "'");
        };
        for (String[] names : needed) {
            try {
                existing(dir, names);
            } catch (PatternFormatException e) {
                return Optional.of(kind.equals(XRD) ? dir + " lacks " + names[0] + " (an XRD data set directory written by 'dataset xrd')"
                        : e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The first of the given IDX names found in dir, with or without ".gz". */
    private static Path existing(Path dir, String... names) throws PatternFormatException {
        for (String name : names) {
            for (String candidate : new String[]{name + ".gz", name}) {
                Path p = dir.resolve(candidate);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new PatternFormatException(dir.resolve(names[0] + ".gz"), "not found (expected an MNIST IDX file in " + dir + ")");
    }
}
