package irw.engine;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.engine.net.ModelSpec;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** Small real data for engine tests: MNIST digits from sample-data, and 1-D Gaussian peak patterns per class. */
final class TestData {
    static final Path MNIST = Path.of("sample-data/mnist");

    private static PrototypicalClassifier digitClassifier;
    /** The metrics of every step of {@link #digitClassifier()}'s training. */
    static final List<TrainingMetrics> DIGIT_CLASSIFIER_METRICS = new ArrayList<>();

    private TestData() {
    }

    /** A small digit classifier trained once per test JVM (40 steps of Algorithm 1, λ = 1, N_c = 6, on 600 real digits). */
    static synchronized PrototypicalClassifier digitClassifier() throws IOException {
        if (digitClassifier == null) {
            LabelledDataSet ideal = mnist("train", 60);
            digitClassifier = new ClassifierTrainer(new ClassifierTrainingConfig(1.0, 1, 6, 3e-3, 11, ModelSpec.SMALL).withStepsPerEpoch(40))
                    .train(ideal, DIGIT_CLASSIFIER_METRICS::add).model();
        }
        return digitClassifier;
    }

    /** The first {@code perClass} digits of each class from the MNIST subset (the files are grouped by class). */
    static LabelledDataSet mnist(String split, int perClass) throws IOException {
        byte[] labels = readIdx(MNIST.resolve(split + "-labels-idx1-ubyte.gz"), 2049, 8);
        byte[] images = readIdx(MNIST.resolve(split + "-images-idx3-ubyte.gz"), 2051, 16);
        int n = labels.length;
        int[] taken = new int[10];
        List<float[]> items = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (taken[y] >= perClass) {
                continue;
            }
            taken[y]++;
            float[] img = new float[784];
            for (int j = 0; j < 784; j++) {
                img[j] = (images[i * 784 + j] & 0xff) / 255f;
            }
            items.add(img);
            ys.add(y);
            ids.add("mnist-" + split + "-" + i);
        }
        return new LabelledDataSet(items.toArray(new float[0][]), new int[]{28, 28}, ys.stream().mapToInt(Integer::intValue).toArray(), ids,
                ClassSet.DIGITS);
    }

    private static byte[] readIdx(Path file, int magic, int header) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); DataInputStream d = new DataInputStream(in)) {
            if (d.readInt() != magic) {
                throw new IOException(file + ": bad magic");
            }
            int count = d.readInt();
            int per = 1;
            for (int i = 8; i < header; i += 4) {
                per *= d.readInt();
            }
            byte[] b = new byte[count * per];
            d.readFully(b);
            return b;
        }
    }

    /**
     * 1-D patterns of {@code width} points: each class has its own fixed set of peak positions
     * (classes share some peaks, as crystal systems do), items vary by peak shifts of a few points,
     * widths, intensities, a sloped background and noise. Rows scaled to max 1.
     */
    static LabelledDataSet peaks(int classes, int perClass, int width, long seed) {
        Random classRng = new Random(42);
        double[][] positions = new double[classes][];
        for (int k = 0; k < classes; k++) {
            positions[k] = new double[6];
            for (int j = 0; j < 6; j++) {
                positions[k][j] = width * (0.05 + 0.9 * classRng.nextDouble());
            }
        }
        Random rng = new Random(seed);
        float[][] items = new float[classes * perClass][];
        int[] labels = new int[items.length];
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("class" + k);
        }
        for (int k = 0, n = 0; k < classes; k++) {
            for (int i = 0; i < perClass; i++, n++) {
                float[] x = new float[width];
                double shift = rng.nextGaussian() * width * 0.002;
                double slope = rng.nextDouble() * 0.2;
                for (double p : positions[k]) {
                    double c = p + shift;
                    double h = 0.4 + 0.6 * rng.nextDouble();
                    double s = width * (0.002 + 0.002 * rng.nextDouble());
                    for (int t = 0; t < width; t++) {
                        double z = (t - c) / s;
                        x[t] += (float) (h * Math.exp(-0.5 * z * z));
                    }
                }
                float max = 0;
                for (int t = 0; t < width; t++) {
                    x[t] += (float) (slope * (1 - (double) t / width) + 0.02 * rng.nextGaussian());
                    max = Math.max(max, x[t]);
                }
                for (int t = 0; t < width; t++) {
                    x[t] /= max;
                }
                items[n] = x;
                labels[n] = k;
                ids.add("peaks-" + k + "-" + i);
            }
        }
        return new LabelledDataSet(items, new int[]{width}, labels, ids, new irw.core.ClassSet(names));
    }
}
