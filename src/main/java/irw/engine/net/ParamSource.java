package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where a network's parameters come from when its graph is built: fresh seeded initialisation
 * (training from scratch), given arrays as trainable variables (resuming, fine-tuning) or given
 * arrays as constants (the frozen classifier of Algorithm 2, inference). One network-building
 * method thus serves every use.
 */
public interface ParamSource {

    enum Init { HE, ZERO, ONE }

    SDVariable get(SameDiff sd, String name, long[] shape, int fanIn, Init init);

    /** True when the graph trains: batch normalisation then uses the batch's statistics, else the stored running ones. */
    default boolean training() {
        return false;
    }

    /** Trainable variables; taken from {@code given} where present, else He-normal/zero/one from the seed. */
    static ParamSource trainable(Map<String, INDArray> given, long seed) {
        return new ParamSource() {
            @Override
            public SDVariable get(SameDiff sd, String name, long[] shape, int fanIn, Init init) {
                INDArray arr = given.get(name);
                if (arr != null) {
                    checkShape(name, arr, shape);
                    return sd.var(name, arr.dup());
                }
                return sd.var(name, initial(name, shape, fanIn, init, seed));
            }

            @Override
            public boolean training() {
                return true;
            }
        };
    }

    /**
     * Constants: the classifier stays exactly as trained (Algorithm 2 trains only the refiner).
     * Building the same network twice in one graph (on R(x) and on x, for Ψ) shares the constants.
     */
    static ParamSource frozen(Map<String, INDArray> given) {
        return (sd, name, shape, fanIn, init) -> {
            if (sd.hasVariable(name)) {
                return sd.getVariable(name);
            }
            INDArray arr = given.get(name);
            if (arr == null) {
                throw new IllegalArgumentException("model has no parameter '" + name + "'");
            }
            checkShape(name, arr, shape);
            return sd.constant(name, arr);
        };
    }

    private static void checkShape(String name, INDArray arr, long[] shape) {
        if (!java.util.Arrays.equals(arr.shape(), shape)) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + java.util.Arrays.toString(arr.shape())
                    + ", the network needs " + java.util.Arrays.toString(shape));
        }
    }

    /** Deterministic per parameter: the name is mixed into the seed, so build order does not matter. */
    static INDArray initial(String name, long[] shape, int fanIn, Init init, long seed) {
        int n = 1;
        for (long s : shape) {
            n = Math.multiplyExact(n, (int) s);
        }
        float[] v = new float[n];
        switch (init) {
            case ONE -> java.util.Arrays.fill(v, 1f);
            case ZERO -> { }
            case HE -> {
                SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
                double std = Math.sqrt(2.0 / Math.max(1, fanIn));
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (gaussian(rng) * std);
                }
            }
        }
        return Nd4j.create(v, shape, 'c').castTo(DataType.FLOAT);
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
