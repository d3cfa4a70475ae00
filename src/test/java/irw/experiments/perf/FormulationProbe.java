package irw.experiments.perf;

import irw.core.MachineLoad;
import irw.engine.EngineBench;
import irw.engine.net.ModelSpec;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling1D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 18, item 2: the same training step in DL4J's {@link ComputationGraph} (workspaces ENABLED, the native
 * conv1d op behind {@code Convolution1DLayer}) and in our SameDiff graphs through the one training loop
 * ({@link EngineBench}), round by round in one process, time per training sample. The CG nets follow ours layer for
 * layer; where CG cannot say what ours says they are simpler, which favours CG:
 * <ul>
 *   <li>small-1d: 1x5 conv 8/16/32 + max-pool 4/4/5, dense 16 (ReLU), 7 classes; CE only (ours adds Algorithm 1's
 *       prototype term, a [56,16]x[16,7] distance: negligible);</li>
 *   <li>resnet1d (2-D convolutions of height 1, as ours): stem 1x7/2, four stages of two basic blocks (1x5, BatchNorm), global avg+max pooling, linear 128, 7;
 *       CE only;</li>
 *   <li>refiner-1d: the 32-map 4-level U-Net (max-pool 2, nearest upsampling, concat skips), the refined pattern
 *       x + 1x1 conv, through small-1d frozen (NoOp updater; CG still computes its weight gradients), CE to a target
 *       + L1 on the change (ours: the physical-constraint fields, gate and smoothing, on top).</li>
 * </ul>
 * Run (after {@code mvn -q -DskipTests package} and {@code mvn -q test-compile}):
 * {@code OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive java -Xmx3g -Dorg.bytedeco.javacpp.maxphysicalbytes=6g
 * -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2 -cp target/irw.jar:target/lib/*:target/test-classes
 * irw.experiments.perf.FormulationProbe [nets] [rounds] [steps]}.
 */
public final class FormulationProbe {
    private static final int POINTS = 2000;
    private static final int CLASSES = 7;

    private FormulationProbe() {
    }

    public static void main(String[] a) {
        List<String> nets = a.length > 0 ? List.of(a[0].split(",")) : List.of("small-1d", "refiner-1d", "resnet1d");
        int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 2;
        int steps = a.length > 2 ? Integer.parseInt(a[2]) : 5;
        System.out.printf("formulation probe: OMP_NUM_THREADS=%s, oneDNN extension '%s', %s%n", System.getenv("OMP_NUM_THREADS"),
                System.getProperty("org.bytedeco.javacpp.platform.extension", ""), MachineLoad.describe());
        for (String net : nets) {
            int batch = net.equals("refiner-1d") ? 32 : 56;
            for (int r = 0; r < rounds; r++) {
                double[] sd = switch (net) {
                    case "refiner-1d" -> EngineBench.refinerStepSeconds(new int[]{POINTS}, CLASSES, batch, 2, steps, 2019 + r);
                    case "small-1d" -> EngineBench.classifierStepSeconds(ModelSpec.SMALL, new int[]{POINTS}, CLASSES, batch / CLASSES, 2, steps, 2019 + r);
                    case "resnet1d" -> EngineBench.classifierStepSeconds(ModelSpec.RESNET1D, new int[]{POINTS}, CLASSES, batch / CLASSES, 2, steps, 2019 + r);
                    default -> throw new IllegalArgumentException("unknown net " + net);
                };
                double[] cg;
                String cgNote = "";
                try {
                    cg = graphStepSeconds(net, batch, 2, steps, 2019 + r);
                } catch (RuntimeException e) {
                    cg = new double[0];
                    cgNote = " (CG failed: " + e + ")";
                }
                double sdMedian = EngineBench.timing("", sd).medianSeconds();
                double cgMedian = cg.length == 0 ? Double.NaN : EngineBench.timing("", cg).medianSeconds();
                System.out.printf(Locale.ROOT, "round %d %-10s batch %d: SameDiff %.3f s/step (%.0f samples/s) | ComputationGraph+workspaces %.3f s/step "
                                + "(%.0f samples/s) | CG/SameDiff time %.2f | %s%s%n", r + 1, net, batch, sdMedian, batch / sdMedian, cgMedian,
                        batch / cgMedian, cgMedian / sdMedian, MachineLoad.describe(), cgNote);
            }
        }
    }

    /** Seconds of each timed {@code fit} of the CG formulation of {@code net} on random data (after {@code warmup} untimed). */
    static double[] graphStepSeconds(String net, int batch, int warmup, int steps, long seed) {
        ComputationGraph g = new ComputationGraph(switch (net) {
            case "small-1d" -> smallCnn(seed);
            case "resnet1d" -> resNet(seed);
            case "refiner-1d" -> refiner(seed);
            default -> throw new IllegalArgumentException(net);
        });
        g.init();
        Nd4j.getRandom().setSeed(seed);
        int channels = net.equals("resnet1d") ? 2 : 1;
        INDArray x = net.equals("resnet1d") ? Nd4j.rand(DataType.FLOAT, batch, channels, 1, POINTS) : Nd4j.rand(DataType.FLOAT, batch, channels, POINTS);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, CLASSES);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % CLASSES, 1);
        }
        MultiDataSet data = net.equals("refiner-1d")
                ? new MultiDataSet(new INDArray[]{x}, new INDArray[]{y, Nd4j.zeros(DataType.FLOAT, batch, 1, POINTS)})
                : new MultiDataSet(new INDArray[]{x}, new INDArray[]{y});
        double[] s = new double[steps];
        for (int i = 0; i < warmup + steps; i++) {
            long t0 = System.nanoTime();
            g.fit(data);
            if (i >= warmup) {
                s[i - warmup] = (System.nanoTime() - t0) / 1e9;
            }
            if ((i + 1) % 5 == 0) {
                System.gc(); // the same periodic GC our loop does
            }
        }
        return s;
    }

    private static ComputationGraphConfiguration.GraphBuilder builder(long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU).dataType(DataType.FLOAT)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder().addInputs("in");
    }

    private static Convolution1DLayer conv(int k, int stride, int in, int out, Activation act, IUpdater updater) {
        Convolution1DLayer.Builder b = new Convolution1DLayer.Builder().kernelSize(k).stride(stride).nIn(in).nOut(out)
                .convolutionMode(ConvolutionMode.Same).activation(act).rnnDataFormat(RNNFormat.NCW);
        if (updater != null) {
            b.updater(updater);
        }
        return b.build();
    }

    private static Subsampling1DLayer maxPool(int k) {
        return new Subsampling1DLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(k).stride(k).convolutionMode(ConvolutionMode.Same).build();
    }

    /** small-1d's layers from {@code input} on, named with {@code p}; returns the softmax output's name. */
    private static String smallCnnLayers(ComputationGraphConfiguration.GraphBuilder b, String p, String input, IUpdater updater) {
        b.addLayer(p + "c1", conv(5, 1, 1, 8, Activation.RELU, updater), input).addLayer(p + "p1", maxPool(4), p + "c1")
                .addLayer(p + "c2", conv(5, 1, 8, 16, Activation.RELU, updater), p + "p1").addLayer(p + "p2", maxPool(4), p + "c2")
                .addLayer(p + "c3", conv(5, 1, 16, 32, Activation.RELU, updater), p + "p2").addLayer(p + "p3", maxPool(5), p + "c3");
        int w = ceilDiv(ceilDiv(ceilDiv(POINTS, 4), 4), 5);
        b.addVertex(p + "flat", new ReshapeVertex(-1, 32 * w), p + "p3");
        DenseLayer.Builder dense = new DenseLayer.Builder().nIn(32 * w).nOut(16).activation(Activation.RELU);
        OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(CLASSES).activation(Activation.SOFTMAX);
        if (updater != null) {
            dense.updater(updater);
            out.updater(updater);
        }
        b.addLayer(p + "embed", dense.build(), p + "flat").addLayer(p + "out", out.build(), p + "embed");
        return p + "out";
    }

    private static ComputationGraphConfiguration smallCnn(long seed) {
        ComputationGraphConfiguration.GraphBuilder b = builder(seed).setInputTypes(InputType.recurrent(1, POINTS, RNNFormat.NCW));
        return b.setOutputs(smallCnnLayers(b, "", "in", null)).build();
    }

    private static ComputationGraphConfiguration refiner(long seed) {
        int maps = 32;
        ComputationGraphConfiguration.GraphBuilder b = builder(seed).setInputTypes(InputType.recurrent(1, POINTS, RNNFormat.NCW));
        b.addLayer("down0", conv(3, 1, 1, maps, Activation.RELU, null), "in");
        String x = "down0";
        String[] skips = new String[4];
        for (int l = 0; l < 4; l++) {
            skips[l] = x;
            b.addLayer("pool" + (l + 1), maxPool(2), x).addLayer("down" + (l + 1), conv(3, 1, maps, maps, Activation.RELU, null), "pool" + (l + 1));
            x = "down" + (l + 1);
        }
        for (int l = 3; l >= 0; l--) {
            b.addLayer("upsample" + l, new Upsampling1D.Builder(2).build(), x).addVertex("cat" + l, new MergeVertex(), "upsample" + l, skips[l])
                    .addLayer("up" + l, conv(3, 1, 2 * maps, maps, Activation.RELU, null), "cat" + l);
            x = "up" + l;
        }
        b.addLayer("change", conv(1, 1, maps, 1, Activation.IDENTITY, null), x)
                .addVertex("refined", new ElementWiseVertex(ElementWiseVertex.Op.Add), "in", "change")
                .addLayer("l_reg", new RnnLossLayer.Builder(LossFunctions.LossFunction.L1).activation(Activation.IDENTITY).build(), "change");
        String out = smallCnnLayers(b, "cls_", "refined", new NoOp());
        return b.setOutputs(out, "l_reg").build();
    }

    /**
     * resnet1d as 2-D convolutions of height 1 (CG's BatchNormalization does not take the [B, C, W] activations of
     * Convolution1DLayer in M2.1: "input.size(1) does not match"), as our SameDiff graph is written.
     */
    private static ComputationGraphConfiguration resNet(long seed) {
        int width = 16;
        ComputationGraphConfiguration.GraphBuilder b = builder(seed).setInputTypes(InputType.convolutional(1, POINTS, 2));
        b.addLayer("stem", conv2d(7, 2, 2, width), "in")
                .addLayer("stem_bn", new BatchNormalization.Builder().nOut(width).build(), "stem")
                .addLayer("stem_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "stem_bn");
        String x = "stem_relu";
        int in = width;
        for (int s = 0; s < 4; s++) {
            int out = width << s;
            x = block(b, "s" + s + "b0", x, in, out, 2);
            x = block(b, "s" + s + "b1", x, out, out, 1);
            in = out;
        }
        b.addLayer("avg", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x)
                .addLayer("max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), x)
                .addVertex("pooled", new MergeVertex(), "avg", "max")
                .addLayer("embed", new DenseLayer.Builder().nIn(2 * in).nOut(128).activation(Activation.IDENTITY).build(), "pooled")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(CLASSES).activation(Activation.SOFTMAX).build(),
                        "embed");
        return b.setOutputs("out").build();
    }

    private static ConvolutionLayer conv2d(int k, int stride, int in, int out) {
        return new ConvolutionLayer.Builder(1, k).stride(1, stride).nIn(in).nOut(out).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).build();
    }

    private static String block(ComputationGraphConfiguration.GraphBuilder b, String n, String x, int in, int out, int stride) {
        b.addLayer(n + "_c1", conv2d(5, stride, in, out), x)
                .addLayer(n + "_bn1", new BatchNormalization.Builder().nOut(out).build(), n + "_c1")
                .addLayer(n + "_r1", new ActivationLayer.Builder().activation(Activation.RELU).build(), n + "_bn1")
                .addLayer(n + "_c2", conv2d(5, 1, out, out), n + "_r1")
                .addLayer(n + "_bn2", new BatchNormalization.Builder().nOut(out).build(), n + "_c2");
        String shortcut = x;
        if (in != out || stride != 1) {
            b.addLayer(n + "_sc", conv2d(1, stride, in, out), x);
            shortcut = n + "_sc";
        }
        b.addVertex(n + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), shortcut, n + "_bn2")
                .addLayer(n + "_out", new ActivationLayer.Builder().activation(Activation.RELU).build(), n + "_add");
        return n + "_out";
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    @SuppressWarnings("unused")
    private static String shape(INDArray a) {
        return Arrays.toString(a.shape());
    }
}
