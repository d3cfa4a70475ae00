package irw.engine;

import irw.engine.net.ParamSource;
import irw.engine.net.RefinerNetwork;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained refiner R (Algorithm 2): maps preprocessed items to refined items of the same shape.
 * It records the hyper-parameters it was trained with and the class names of its classifier.
 */
public final class Refiner {
    private static final int CHUNK = 128;
    private final String architecture;
    private final int[] itemShape;
    private final Map<String, INDArray> params;
    private final RefinerTrainingConfig config;
    private final List<String> classNames;
    private SameDiff inference;

    public Refiner(String architecture, int[] itemShape, Map<String, INDArray> params, RefinerTrainingConfig config, List<String> classNames) {
        RefinerNetwork.forArchitecture(architecture, itemShape, config.constraints()); // validates the three
        this.architecture = architecture;
        this.itemShape = itemShape.clone();
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.config = config;
        this.classNames = List.copyOf(classNames);
    }

    public String architecture() {
        return architecture;
    }

    public int[] itemShape() {
        return itemShape.clone();
    }

    public RefinerTrainingConfig config() {
        return config;
    }

    /** Class names of the classifier it was trained through. */
    public List<String> classNames() {
        return classNames;
    }

    public Map<String, INDArray> parameters() {
        return params;
    }

    public long parameterCount() {
        return params.values().stream().mapToLong(INDArray::length).sum();
    }

    /**
     * Refines items that are already preprocessed for the classifier. Patterns come out physical
     * ({@link irw.engine.net.PatternConstraints}): non-negative, −1 exactly where the input is −1.
     */
    public synchronized float[][] refine(float[][] items) {
        int len = Arrays.stream(itemShape).reduce(1, (a, b) -> a * b);
        for (int i = 0; i < items.length; i++) {
            if (items[i].length != len) {
                throw new IllegalArgumentException("item " + i + " has " + items[i].length + " values; this refiner takes "
                        + Arrays.toString(itemShape));
            }
        }
        if (inference == null) {
            SameDiff sd = SameDiff.create();
            SDVariable in = sd.placeHolder("input", DataType.FLOAT, Batches.nchw(-1, itemShape));
            RefinerNetwork.forArchitecture(architecture, itemShape, config.constraints()).build(sd, in, ParamSource.frozen(params));
            inference = sd;
        }
        float[][] out = new float[items.length][];
        for (int from = 0; from < items.length; from += CHUNK) {
            int to = Math.min(items.length, from + CHUNK);
            if (items.length > CHUNK) {
                Batches.releaseBetweenChunks();
            }
            INDArray x = Batches.input(items, Batches.range(from, to), itemShape);
            Map<String, INDArray> result = inference.output(Map.of("input", x), "refined");
            float[][] rows = Batches.rows(result.get("refined"));
            Batches.release(x);
            Batches.release(result.values().toArray(new INDArray[0]));
            System.arraycopy(rows, 0, out, from, rows.length);
        }
        return out;
    }
}
