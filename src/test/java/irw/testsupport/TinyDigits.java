package irw.testsupport;

import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny real data sets and job specs for tests that run the service's real engine runners (service,
 * CLI and GUI tests): the first digits of each class of the MNIST sample, as IDX files.
 */
public final class TinyDigits {
    public static final Path MNIST_TRAIN = Path.of("sample-data/mnist/train-images-idx3-ubyte.gz").toAbsolutePath();
    public static final Path MNIST_LABELS = Path.of("sample-data/mnist/train-labels-idx1-ubyte.gz").toAbsolutePath();

    private TinyDigits() {
    }

    public static final Path MNIST_TEST = Path.of("sample-data/mnist/test-images-idx3-ubyte.gz").toAbsolutePath();
    public static final Path MNIST_TEST_LABELS = Path.of("sample-data/mnist/test-labels-idx1-ubyte.gz").toAbsolutePath();

    /**
     * Writes a tiny MNIST directory ({@code train-images-idx3-ubyte.gz} and {@code t10k-...} with
     * their labels), the first digits of each class of the sample's training and test files, for
     * label-refinery and mic jobs ({@code "data": {"digits": dir}}). Returns the absolute directory.
     */
    public static Path writeMnistDir(Path dir, int trainPerClass, int testPerClass) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        IdxFormat.write(firstOfEachClass(IdxFormat.read(MNIST_TRAIN, MNIST_LABELS), trainPerClass), dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"));
        IdxFormat.write(firstOfEachClass(IdxFormat.read(MNIST_TEST, MNIST_TEST_LABELS), testPerClass), dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"));
        return dir.toAbsolutePath();
    }

    private static LabelledDataSet firstOfEachClass(LabelledDataSet all, int perClass) {
        return irw.core.data.ClassBalancedSubset.firstOfEachClass(all, perClass);
    }

    /** A label-refinery job spec on the MNIST directory {@code mnistDir}; {@code hyper} is the hyperParameters object's body. */
    public static String labelRefinerySpec(Path mnistDir, String hyper, long seed) {
        return """
                {"kind": "label-refinery", "data": {"digits": "%s"}, "hyperParameters": {%s}, "seed": %d}""".formatted(mnistDir, hyper, seed);
    }

    /** A mic job spec on the MNIST directory {@code mnistDir}; {@code hyper} is the hyperParameters object's body. */
    public static String micSpec(Path mnistDir, String hyper, long seed) {
        return """
                {"kind": "mic", "data": {"digits": "%s"}, "hyperParameters": {%s}, "seed": %d}""".formatted(mnistDir, hyper, seed);
    }

    /** Writes {@code perClass} digits of each class to {@code dir} and returns the images file. */
    public static Path write(Path dir, int perClass) throws Exception {
        LabelledDataSet all = IdxFormat.read(MNIST_TRAIN, MNIST_LABELS);
        List<Integer> picked = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            int[] of = all.indicesOfClass(k);
            for (int i = 0; i < perClass; i++) {
                picked.add(of[i]);
            }
        }
        LabelledDataSet tiny = all.subset(picked.stream().mapToInt(Integer::intValue).toArray());
        Path images = dir.resolve("tiny-images-idx3-ubyte.gz").toAbsolutePath();
        IdxFormat.write(tiny, images, dir.resolve("tiny-labels-idx1-ubyte.gz"));
        return images;
    }

    /** A targeted refiner job spec on {@code images}, through the classifier {@code classifierRef} ("job:job-1" or a path). */
    public static String refinerSpec(Path images, String classifierRef, int steps, long seed) {
        return """
                {"kind": "refiner", "data": {"train": "%s", "classifier": "%s"},
                 "hyperParameters": {"epochs": 1, "batch": 4, "stepsPerEpoch": %d, "alpha": 0.5, "beta": 0.5, "targeted": true},
                 "seed": %d, "checkpointEvery": 2}""".formatted(images, classifierRef, steps, seed);
    }

    /** A classifier job spec on {@code images}: {@code steps} steps of N_c = 1 (10 digits a step). */
    public static String classifierSpec(Path images, int steps, int checkpointEvery, long seed) {
        return """
                {"kind": "classifier", "data": {"train": "%s"},
                 "hyperParameters": {"epochs": 1, "batch": 1, "stepsPerEpoch": %d, "learningRate": 0.002, "lambda": 0.5},
                 "seed": %d, "checkpointEvery": %d}""".formatted(images, steps, seed, checkpointEvery);
    }
}
