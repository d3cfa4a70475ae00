package irw.engine.mic;

import irw.engine.BatchSource;
import irw.engine.TrainingLoop;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * One class's generative LSTM (paper section 2.1): an input vector is given at the first time
 * step only, zeros after it, and the network emits one step of the sequence at every time step
 * (LSTM, then a per-step sigmoid layer; loss = mean squared error). Classification inverts it
 * (section 2.2): the weights stay fixed and only the input vector moves, by gradient descent on
 * the reconstruction error.
 * <p>
 * Built on SameDiff's fused {@code lstmLayer} op: DL4J's LSTM layer took ~4x longer per step here
 * (135 vs 35 ms, batch 32, 28 steps, 20 cells, measured on the shared 2-core machine) because it
 * runs every time step as separate small ops. In M2.1 {@code lstmLayer} fails ("object is not
 * initialized") unless it returns the last h and c as well, so it does.
 */
public final class SequenceGenerator {
    static final List<String> WEIGHTS = List.of("wx", "wr", "b", "wo", "bo");
    private static final int BATCH = 500;
    private final SameDiff sd;
    private static final int LOSS_EVERY = 25;
    /** Steps between explicit GCs: SameDiff's native buffers are freed only by GC; without it the process hit its 6 GB cap (PLATFORM-NOTES). */
    static final int GC_EVERY = 200;
    private final int inputs;
    private final int hidden;
    private final SequenceLayout layout;

    private SequenceGenerator(Map<String, INDArray> weights, SequenceLayout layout) {
        this.inputs = (int) weights.get("wx").size(0);
        this.hidden = (int) weights.get("wr").size(0);
        this.layout = layout;
        this.sd = graph(weights);
    }

    /** A new generator with Xavier-uniform weights drawn from {@code seed} (zero biases). */
    static SequenceGenerator create(int inputs, int hidden, SequenceLayout layout, long seed) {
        Random r = new Random(seed);
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("wx", xavier(r, inputs, 4 * hidden));
        w.put("wr", xavier(r, hidden, 4 * hidden));
        w.put("b", Nd4j.zeros(DataType.FLOAT, 4 * hidden));
        w.put("wo", xavier(r, hidden, layout.width()));
        w.put("bo", Nd4j.zeros(DataType.FLOAT, layout.width()));
        return new SequenceGenerator(w, layout);
    }

    /** A generator from saved weights (names {@link #WEIGHTS}); shapes are checked by the caller. */
    static SequenceGenerator of(Map<String, INDArray> weights, SequenceLayout layout) {
        return new SequenceGenerator(weights, layout);
    }

    private SameDiff graph(Map<String, INDArray> w) {
        SameDiff g = SameDiff.create();
        SDVariable in = g.placeHolder("in", DataType.FLOAT, -1, layout.steps(), inputs);
        SDVariable target = g.placeHolder("target", DataType.FLOAT, -1, layout.steps(), layout.width());
        LSTMLayerConfig cfg = LSTMLayerConfig.builder().lstmdataformat(LSTMDataFormat.NTS).directionMode(LSTMDirectionMode.FWD)
                .gateAct(LSTMActivations.SIGMOID).cellAct(LSTMActivations.TANH).outAct(LSTMActivations.TANH)
                .retFullSequence(true).retLastH(true).retLastC(true).build();
        LSTMLayerWeights lw = LSTMLayerWeights.builder().weights(g.var("wx", w.get("wx").dup())).rWeights(g.var("wr", w.get("wr").dup()))
                .bias(g.var("b", w.get("b").dup())).build();
        SDVariable h = g.rnn().lstmLayer(in, lw, cfg)[0];
        SDVariable perStep = h.reshape(-1, hidden).mmul(g.var("wo", w.get("wo").dup())).add(g.var("bo", w.get("bo").dup()));
        SDVariable generated = g.nn().sigmoid(perStep).reshape(g.constant(Nd4j.createFromArray(-1L, layout.steps(), layout.width())));
        generated.rename("generated");
        SDVariable diff = generated.sub(target);
        SDVariable itemMse = diff.mul(diff).mean(1, 2).rename("item_mse");
        // Sum over items: the gradient for each item's input is then that of its own MSE.
        itemMse.sum().rename("loss");
        g.setLossVariables("loss");
        return g;
    }

    void setLearningRate(double learningRate) {
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(learningRate)).dataSetFeatureMapping("in").dataSetLabelMapping("target").build());
    }

    /**
     * Trains on the types as one stage of {@code loop}: type t's target is types[t], its input the
     * one-hot e_t plus N(0, noiseIn) clipped to [0, 1]; the target gets N(0, noiseOut) (section
     * 3.5.2). Each step sees every type {@code copiesPerType} times with fresh noise. Returns the
     * noise-free mean squared error on the types afterwards, or NaN when cancelled.
     */
    double train(float[][] types, MicConfig c, Random noise, TrainingLoop loop, TrainingLoop.Stage stage) {
        if (types.length != inputs) {
            throw new IllegalArgumentException(types.length + " types for a generator with " + inputs + " inputs");
        }
        setLearningRate(c.learningRate());
        int batch = types.length * c.copiesPerType();
        double[] loss = {Double.NaN};
        BatchSource<DataSet> noisyTypes = step -> { // sequential: the noise generator runs on across steps
            float[][] first = new float[batch][inputs];
            float[][] targets = new float[batch][];
            for (int b = 0; b < batch; b++) {
                int t = b % types.length;
                for (int j = 0; j < inputs; j++) {
                    double v = (j == t ? 1 : 0) + c.noiseIn() * noise.nextGaussian();
                    first[b][j] = (float) Math.min(1, Math.max(0, v));
                }
                targets[b] = c.noiseOut() > 0 ? noisy(types[t], c.noiseOut(), noise) : types[t];
            }
            return new DataSet(inputSequence(first), sequences(targets));
        };
        TrainingLoop.Result result = loop.run(stage, noisyTypes, (data, step) -> {
            long i = step - stage.firstStep();
            if (i % LOSS_EVERY == 0 || step == stage.endStep() - 1) {
                // fit's History holds no loss without listeners (M2.1), so evaluate the batch now and then
                loss[0] = sd.output(Map.of("in", data.getFeatures(), "target", data.getLabels()), "loss").get("loss").getDouble(0) / batch;
            }
            sd.fit(data);
            return Map.of("loss", loss[0]);
        });
        if (result.cancelled()) {
            return Double.NaN;
        }
        float[][] clean = new float[inputs][inputs];
        for (int t = 0; t < inputs; t++) {
            clean[t][t] = 1;
        }
        return Arrays.stream(errors(clean, sequences(types))).average().orElse(Double.NaN);
    }

    /** The sequences generated from the given first-step input vectors, as flattened items. */
    public float[][] generate(float[][] firstInputs) {
        INDArray out = sd.output(Map.of("in", inputSequence(firstInputs)), "generated").get("generated");
        return out.reshape(firstInputs.length, layout.length()).toFloatMatrix();
    }

    /**
     * Inverse classification of {@code targets} (section 2.2): starts every item from the uniform
     * vector (1/T, ..., 1/T) and takes {@code settings.steps()} descent steps on the input along the
     * gradient of the item's mean squared reconstruction error. The weights are never changed.
     * Returns null when cancelled.
     */
    public Inversion invert(float[][] targets, InversionSettings settings, BooleanSupplier cancelled) {
        int n = targets.length;
        float[][] x = new float[n][];
        double[] start = new double[n];
        double[] end = new double[n];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            float[][] bx = new float[to - from][inputs];
            for (float[] row : bx) {
                Arrays.fill(row, 1f / inputs);
            }
            INDArray y = sequences(Arrays.copyOfRange(targets, from, to));
            double[] e0 = null;
            InputStep update = new InputStep(bx.length, inputs, settings);
            for (int s = 0; s < settings.steps(); s++) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                OutAndGrad og = sd.calculateGradientsAndOutputs(Map.of("in", inputSequence(bx), "target", y), List.of("item_mse"), List.of("in"));
                if (s == 0) {
                    e0 = og.getOutputs().get("item_mse").toDoubleVector();
                }
                if (s % 25 == 24) {
                    System.gc();
                }
                update.apply(bx, og.getGradients().get("in").get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).dup()
                        .reshape(bx.length, inputs).toFloatMatrix());
            }
            double[] e1 = errors(bx, y);
            System.arraycopy(bx, 0, x, from, bx.length);
            System.arraycopy(e0 == null ? e1 : e0, 0, start, from, e1.length);
            System.arraycopy(e1, 0, end, from, e1.length);
        }
        return new Inversion(x, start, end);
    }

    /** d(item MSE)/d(first-step input) for each item (for tests and tools). */
    float[][] inputGradient(float[][] firstInputs, float[][] targets) {
        INDArray g = sd.calculateGradients(Map.of("in", inputSequence(firstInputs), "target", sequences(targets)), "in").get("in");
        return g.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).dup().reshape(firstInputs.length, inputs).toFloatMatrix();
    }

    /** Each item's mean squared error between the sequence generated from its input and its target. */
    double[] errors(float[][] firstInputs, INDArray targets) {
        return sd.output(Map.of("in", inputSequence(firstInputs), "target", targets), "item_mse").get("item_mse").toDoubleVector();
    }

    double[] errors(float[][] firstInputs, float[][] targets) {
        return errors(firstInputs, sequences(targets));
    }

    /** [n, steps, inputs]: the vector at the first step, zeros after (section 2.1). */
    INDArray inputSequence(float[][] first) {
        float[] flat = new float[first.length * layout.steps() * inputs];
        for (int i = 0; i < first.length; i++) {
            System.arraycopy(first[i], 0, flat, i * layout.steps() * inputs, inputs);
        }
        return Nd4j.create(flat, new long[]{first.length, layout.steps(), inputs}, DataType.FLOAT);
    }

    /** Flattened items (value t*width + w = step t, feature w) as [n, steps, width]. */
    INDArray sequences(float[][] items) {
        float[] flat = new float[items.length * layout.length()];
        for (int i = 0; i < items.length; i++) {
            if (items[i].length != layout.length()) {
                throw new IllegalArgumentException("item " + i + " has " + items[i].length + " values; the layout " + layout.steps() + " x "
                        + layout.width() + " needs " + layout.length());
            }
            System.arraycopy(items[i], 0, flat, i * layout.length(), layout.length());
        }
        return Nd4j.create(flat, new long[]{items.length, layout.steps(), layout.width()}, DataType.FLOAT);
    }

    public int inputs() {
        return inputs;
    }

    public int hidden() {
        return hidden;
    }

    public SequenceLayout layout() {
        return layout;
    }

    /** Copies of the weights by name ({@link #WEIGHTS}). */
    Map<String, INDArray> weights() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : WEIGHTS) {
            out.put(name, sd.getArrForVarName(name).dup());
        }
        return out;
    }

    /** All weights flattened into one copy (to check that classification leaves them unchanged). */
    public float[] parameters() {
        return Nd4j.toFlattened(weights().values()).toFloatVector();
    }

    private static INDArray xavier(Random r, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] v = new float[fanIn * fanOut];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * r.nextDouble() - 1) * limit);
        }
        return Nd4j.create(v, new long[]{fanIn, fanOut}, DataType.FLOAT);
    }

    private static float[] noisy(float[] v, double sigma, Random noise) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] + sigma * noise.nextGaussian());
        }
        return out;
    }

    /**
     * @param inputs the final input vector of each item
     * @param start  each item's error from the uniform start vector (0 steps, section 3.5.3)
     * @param end    each item's error after the gradient steps
     */
    public record Inversion(float[][] inputs, double[] start, double[] end) {
    }
}
