package irw.cli;

import irw.core.PatternFormatException;
import irw.core.data.ClassBalancedSubset;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training set and the held-out sets of {@code --data digits|xrd}: digits = the MNIST train
 * and test IDX files; xrd = the ideal TRAIN split for training, the ideal TEST split and the
 * imperfect set (measured-like patterns of the held-out structures) for evaluation.
 *
 * @param train   training items
 * @param heldOut evaluation sets by name, the main one first
 */
record LearningData(String kind, Path dir, LabelledDataSet train, Map<String, LabelledDataSet> heldOut) {
    /** Relative to the installation (irw.sh sets irw.home), else to the working directory. */
    static final Path DIGITS_DIR = Path.of(System.getProperty("irw.home", "."), "sample-data", "mnist");
    static final Path XRD_DIR = Path.of(System.getProperty("irw.home", "."), "sample-data", "datasets", "xrd");

    static LearningData load(String kind, Path dir, int trainPerClass, int testPerClass) throws PatternFormatException {
        Map<String, LabelledDataSet> heldOut = new LinkedHashMap<>();
        LabelledDataSet train;
        switch (kind) {
            case "digits" -> {
                Path d = dir == null ? DIGITS_DIR : dir;
                train = IdxFormat.read(existing(d, "train-images-idx3-ubyte"), existing(d, "train-labels-idx1-ubyte"));
                heldOut.put("test", IdxFormat.read(existing(d, "t10k-images-idx3-ubyte", "test-images-idx3-ubyte"),
                        existing(d, "t10k-labels-idx1-ubyte", "test-labels-idx1-ubyte")));
                dir = d;
            }
            case "xrd" -> {
                Path d = dir == null ? XRD_DIR : dir;
                XrdDataSets sets = XrdDataSets.load(d);
                train = sets.idealSplit(XrdDataSets.TRAIN);
                heldOut.put("ideal-test", sets.idealSplit(XrdDataSets.TEST));
                heldOut.put("imperfect", sets.imperfect());
                dir = d;
            }
            default -> throw new IllegalArgumentException("--data must be digits or xrd, not '" + kind + "'");
        }
        heldOut.replaceAll((name, set) -> ClassBalancedSubset.firstOfEachClass(set, testPerClass));
        return new LearningData(kind, dir, ClassBalancedSubset.firstOfEachClass(train, trainPerClass), heldOut);
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
