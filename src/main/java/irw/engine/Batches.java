package irw.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions at the engine's edge: plain float rows to NCHW tensors and back. */
final class Batches {
    private Batches() {
    }

    /** Items (rows of product(itemShape) values) to [B, 1, 1, W] or [B, 1, H, W]. */
    static INDArray input(float[][] items, int[] indices, int[] itemShape) {
        int len = itemShape.length == 1 ? itemShape[0] : itemShape[0] * itemShape[1];
        float[] flat = new float[indices.length * len];
        for (int i = 0; i < indices.length; i++) {
            float[] row = items[indices[i]];
            for (int j = 0; j < len; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException("item " + indices[i] + " has a non-finite value (" + row[j] + ") at position " + j);
                }
            }
            System.arraycopy(row, 0, flat, i * len, len);
        }
        return Nd4j.create(flat, nchw(indices.length, itemShape), 'c');
    }

    static INDArray input(float[][] items, int[] itemShape) {
        return input(items, range(0, items.length), itemShape);
    }

    static long[] nchw(int batch, int[] itemShape) {
        return itemShape.length == 1 ? new long[]{batch, 1, 1, itemShape[0]} : new long[]{batch, 1, itemShape[0], itemShape[1]};
    }

    static INDArray oneHot(int[] labels, int[] indices, int classes) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, indices.length, classes);
        for (int i = 0; i < indices.length; i++) {
            y.putScalar(i, labels[indices[i]], 1f);
        }
        return y;
    }

    /** Share of the batch whose arg-max logit is its one-hot label. */
    static double accuracy(INDArray logits, INDArray oneHot) {
        INDArray pred = logits.argMax(1);
        INDArray truth = oneHot.argMax(1);
        int correct = 0;
        for (int i = 0; i < pred.length(); i++) {
            if (pred.getInt(i) == truth.getInt(i)) {
                correct++;
            }
        }
        return (double) correct / pred.length();
    }

    /** [B, ...] to B rows. */
    static float[][] rows(INDArray a) {
        int b = (int) a.size(0);
        INDArray m = a.reshape('c', b, a.length() / b).castTo(DataType.FLOAT);
        float[][] out = new float[b][];
        for (int i = 0; i < b; i++) {
            out[i] = m.getRow(i).dup().data().asFloat();
        }
        return out;
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
