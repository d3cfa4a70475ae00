package irw.engine;

import irw.core.ClassSet;
import irw.engine.net.ClassifierGraph;
import irw.engine.net.ClassifierNetwork;
import irw.engine.net.ModelSpec;
import irw.engine.net.ParamSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained classifier C = G ∘ F with its class prototypes c_k (eq. 1), the item shape, the class
 * names and the preprocessing that turns inputs into items. Immutable; the parameter arrays are
 * only ever read (and used as graph constants by refiners, which keeps them frozen).
 */
public final class PrototypicalClassifier {
    private static final int CHUNK = 256;
    private final ModelSpec spec;
    private final int[] itemShape;
    private final ClassSet classes;
    private final Map<String, INDArray> params;
    private final INDArray prototypes;
    private final Preprocessing preprocessing;
    private final long seed;
    private final double lambda;
    private final Calibration calibration;
    private SameDiff inference;

    public PrototypicalClassifier(ModelSpec spec, int[] itemShape, ClassSet classes, Map<String, INDArray> params, INDArray prototypes,
                                  Preprocessing preprocessing, long seed, double lambda) {
        this(spec, itemShape, classes, params, prototypes, preprocessing, seed, lambda, Calibration.NONE);
    }

    public PrototypicalClassifier(ModelSpec spec, int[] itemShape, ClassSet classes, Map<String, INDArray> params, INDArray prototypes,
                                  Preprocessing preprocessing, long seed, double lambda, Calibration calibration) {
        if (prototypes.rank() != 2 || prototypes.size(0) != classes.size()) {
            throw new IllegalArgumentException("prototypes must be [" + classes.size() + ", m], got " + Arrays.toString(prototypes.shape()));
        }
        this.spec = spec;
        this.itemShape = itemShape.clone();
        this.classes = classes;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.prototypes = prototypes.castTo(DataType.FLOAT);
        this.preprocessing = preprocessing;
        this.seed = seed;
        this.lambda = lambda;
        this.calibration = calibration == null ? Calibration.NONE : calibration;
    }

    /** The same network with probabilities calibrated as given. */
    public PrototypicalClassifier withCalibration(Calibration newCalibration) {
        return new PrototypicalClassifier(spec, itemShape, classes, params, prototypes, preprocessing, seed, lambda, newCalibration);
    }

    public Calibration calibration() {
        return calibration;
    }

    /** A classifier with freshly initialised (untrained) parameters and random prototypes: for benchmarks and tests. */
    public static PrototypicalClassifier untrained(ModelSpec spec, int[] itemShape, ClassSet classes, long seed) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("input", DataType.FLOAT, Batches.nchw(-1, itemShape));
        ClassifierGraph g = ClassifierNetwork.create(spec, itemShape, classes.size()).build(sd, in, ParamSource.trainable(Map.of(), seed));
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                params.put(v.name(), v.getArr());
            }
        }
        params.putAll(new BatchNormStats(sd, Map.of()).arrays());
        INDArray prototypes = ParamSource.initial("prototypes", new long[]{classes.size(), g.embeddingSize()}, 2, ParamSource.Init.HE, seed);
        return new PrototypicalClassifier(spec, itemShape, classes, params, prototypes, Preprocessing.defaultFor(itemShape), seed, 0);
    }

    public ModelSpec spec() {
        return spec;
    }

    public int[] itemShape() {
        return itemShape.clone();
    }

    public int itemLength() {
        return Arrays.stream(itemShape).reduce(1, (a, b) -> a * b);
    }

    public ClassSet classes() {
        return classes;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public long seed() {
        return seed;
    }

    /** The λ it was trained with (0: a standard classifier). */
    public double lambda() {
        return lambda;
    }

    /** Read-only views of the parameters, by name. */
    public Map<String, INDArray> parameters() {
        return params;
    }

    public INDArray prototypeArray() {
        return prototypes;
    }

    public float[][] prototypes() {
        return Batches.rows(prototypes);
    }

    public long parameterCount() {
        return params.values().stream().mapToLong(INDArray::length).sum();
    }

    /** Builds this classifier, frozen (constants), onto an input of a larger graph: the refiner's. */
    public ClassifierGraph buildFrozen(SameDiff sd, SDVariable input) {
        return network().build(sd, input, ParamSource.frozen(params));
    }

    ClassifierNetwork network() {
        return ClassifierNetwork.create(spec, itemShape, classes.size());
    }

    /**
     * Classifies items that are already preprocessed (see {@link Preprocessing#apply}); probabilities
     * are softmax(logits / T) with the model's {@link Calibration}.
     */
    public synchronized Classification classify(float[][] items) {
        checkItems(items);
        SameDiff sd = inferenceGraph();
        float[][] logits = new float[items.length][];
        float[][] emb = new float[items.length][];
        for (int from = 0; from < items.length; from += CHUNK) {
            int to = Math.min(items.length, from + CHUNK);
            if (items.length > CHUNK) {
                Batches.releaseBetweenChunks();
            }
            INDArray x = Batches.input(items, Batches.range(from, to), itemShape);
            Map<String, INDArray> out = sd.output(Map.of("input", x), "logits", "embedding");
            float[][] l = Batches.rows(out.get("logits"));
            float[][] e = Batches.rows(out.get("embedding"));
            Batches.release(x);
            Batches.release(out.values().toArray(new INDArray[0]));
            System.arraycopy(l, 0, logits, from, l.length);
            System.arraycopy(e, 0, emb, from, e.length);
        }
        float[][] probs = new float[logits.length][];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = calibration.probabilities(logits[i]);
        }
        return new Classification(probs, emb, logits);
    }

    /** The prediction layer's logits G(F(x)) of preprocessed items, before any softmax: what calibration is fitted on. */
    public float[][] logits(float[][] items) {
        return classify(items).logits();
    }

    void checkItems(float[][] items) {
        int len = itemLength();
        for (int i = 0; i < items.length; i++) {
            if (items[i].length != len) {
                throw new IllegalArgumentException("item " + i + " has " + items[i].length + " values; this classifier takes "
                        + Arrays.toString(itemShape) + " = " + len);
            }
        }
    }

    private SameDiff inferenceGraph() {
        if (inference == null) {
            SameDiff sd = SameDiff.create();
            SDVariable in = sd.placeHolder("input", DataType.FLOAT, Batches.nchw(-1, itemShape));
            ClassifierGraph g = buildFrozen(sd, in);
            sd.identity("logits", g.logits());
            sd.identity("embedding", g.embedding());
            inference = sd;
        }
        return inference;
    }

    static INDArray floats(float[][] rows) {
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }
}
