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

    /** One Adam step on the batch (items {@code indices} of x and targets); returns its mean loss. */
    double fit(float[][] x, float[][] targets, int[] indices) {
        float[][] bx = new float[indices.length][];
        float[][] by = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            bx[i] = x[indices[i]];
            by[i] = targets[indices[i]];
        }
        net.fit(new DataSet(Nd4j.create(bx), Nd4j.create(by)));
        return net.score();
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
}
