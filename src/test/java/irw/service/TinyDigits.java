package irw.service;

import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiny real data sets for service tests: the first digits of each class of the MNIST sample, as IDX files. */
final class TinyDigits {
    static final Path MNIST_TRAIN = Path.of("sample-data/mnist/train-images-idx3-ubyte.gz").toAbsolutePath();
    static final Path MNIST_LABELS = Path.of("sample-data/mnist/train-labels-idx1-ubyte.gz").toAbsolutePath();

    private TinyDigits() {
    }

    /** Writes {@code perClass} digits of each class to {@code dir} and returns the images file. */
    static Path write(Path dir, int perClass) throws Exception {
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
    static String refinerSpec(Path images, String classifierRef, int steps, long seed) {
        return """
                {"kind": "refiner", "data": {"train": "%s", "classifier": "%s"},
                 "hyperParameters": {"epochs": 1, "batch": 4, "stepsPerEpoch": %d, "alpha": 0.5, "beta": 0.5, "targeted": true},
                 "seed": %d, "checkpointEvery": 2}""".formatted(images, classifierRef, steps, seed);
    }

    /** A classifier job spec on {@code images}: {@code steps} steps of N_c = 1 (10 digits a step). */
    static String classifierSpec(Path images, int steps, int checkpointEvery, long seed) {
        return """
                {"kind": "classifier", "data": {"train": "%s"},
                 "hyperParameters": {"epochs": 1, "batch": 1, "stepsPerEpoch": %d, "learningRate": 0.002, "lambda": 0.5},
                 "seed": %d, "checkpointEvery": %d}""".formatted(images, steps, seed, checkpointEvery);
    }
}
