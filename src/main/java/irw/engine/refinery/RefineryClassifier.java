package irw.engine.refinery;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;
import java.util.function.DoubleConsumer;
import java.util.function.BooleanSupplier;

/**
 * One model of the refinery chain: an MLP (two ReLU hidden layers, softmax output) on flattened
 * items. The loss is the cross-entropy against a target distribution, -sum_c y_c log p_c, which
 * is the ordinary cross-entropy for one-hot targets and the soft cross-entropy for refined ones
 * (DL4J's MCXENT takes any target rows; its softmax gradient p - y needs rows summing to 1).
 */
public final class RefineryClassifier {
    private static final int PREDICT_BATCH = 512;
    private final MultiLayerNetwork net;
    private final int inputs;
    private final int classes;

    private RefineryClassifier(MultiLayerNetwork net, int inputs, int classes) {
        this.net = net;
        this.inputs = inputs;
        this.classes = classes;
    }

    /** A freshly initialised model; the same seed gives the same weights. */
    public static RefineryClassifier create(int inputs, int classes, RefineryConfig config, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(config.learningRate()))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(config.hidden()).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(config.hidden()).nOut(config.hidden() / 2 + 1).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).weightInit(WeightInit.XAVIER)
                        .nIn(config.hidden() / 2 + 1).nOut(classes).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new RefineryClassifier(net, inputs, classes);
    }

    /**
     * One epoch over (x, targets) in a shuffled order drawn from {@code order}. Reports each
     * step's loss to {@code onStep}; stops early (returning NaN) when {@code cancelled} says so
     * before a step. Returns the mean mini-batch loss of the epoch.
     */
    double trainEpoch(float[][] x, float[][] targets, int batchSize, Random order, DoubleConsumer onStep, BooleanSupplier cancelled) {
        int n = x.length;
        int[] perm = permutation(n, order);
        double sum = 0;
        int steps = 0;
        for (int start = 0; start < n; start += batchSize) {
            if (cancelled.getAsBoolean()) {
                return Double.NaN;
            }
            int end = Math.min(n, start + batchSize);
            float[][] bx = new float[end - start][];
            float[][] by = new float[end - start][];
            for (int i = start; i < end; i++) {
                bx[i - start] = x[perm[i]];
                by[i - start] = targets[perm[i]];
            }
            net.fit(new DataSet(Nd4j.create(bx), Nd4j.create(by)));
            double loss = net.score();
            sum += loss;
            steps++;
            onStep.accept(loss);
        }
        return sum / steps;
    }

    /** Softmax outputs, one row per item; each row sums to 1. */
    public float[][] probabilities(float[][] x) {
        float[][] out = new float[x.length][];
        for (int start = 0; start < x.length; start += PREDICT_BATCH) {
            int end = Math.min(x.length, start + PREDICT_BATCH);
            float[][] batch = java.util.Arrays.copyOfRange(x, start, end);
            INDArray p = net.output(Nd4j.create(batch), false);
            float[][] rows = p.toFloatMatrix();
            System.arraycopy(rows, 0, out, start, rows.length);
        }
        return out;
    }

    /** The arg-max class of each item. */
    public int[] predict(float[][] x) {
        return argMax(probabilities(x));
    }

    public int inputs() {
        return inputs;
    }

    public int classes() {
        return classes;
    }

    /** A copy of all weights, flattened (for reproducibility checks and model files). */
    public float[] parameters() {
        return net.params().dup().toFloatVector();
    }

    public MultiLayerNetwork network() {
        return net;
    }

    static int[] argMax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int best = 0;
            for (int c = 1; c < rows[i].length; c++) {
                if (rows[i][c] > rows[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
