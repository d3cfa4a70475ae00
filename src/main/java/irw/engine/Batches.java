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

    /**
     * The [B, classes] target rows of a batch: one-hot {@code labels} when {@code soft} is null,
     * else the given distributions (refined labels: the cross-entropy of eq. 2 and eq. 4 is then the
     * soft cross-entropy −Σ_c y_c log p_c, which is what the losses compute for any target rows).
     */
    static INDArray targets(int[] labels, float[][] soft, int[] indices, int classes) {
        if (soft == null) {
            return oneHot(labels, indices, classes);
        }
        float[][] rows = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = soft[indices[i]];
        }
        return Nd4j.create(rows);
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

    /** [B, ...] to B rows, copied in one piece (no per-row native views that only GC would free). */
    static float[][] rows(INDArray a) {
        int b = (int) a.size(0);
        int len = (int) (a.length() / b);
        INDArray dense = a.castTo(DataType.FLOAT).dup('c');
        float[] flat = dense.data().asFloat();
        release(dense);
        float[][] out = new float[b][];
        for (int i = 0; i < b; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * len, (i + 1) * len);
        }
        return out;
    }

    /**
     * Frees the native memory of arrays the caller made and no longer needs, now rather than at
     * the next GC: inference over thousands of items otherwise grows the process by every chunk's
     * inputs and outputs until JavaCPP's cap forces a GC (issue 15 item 7: 0.55 MB per refined
     * pattern). Views and arrays that ND4J does not let go are left to the GC.
     */
    static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && !a.wasClosed() && a.closeable()) {
                a.close();
            }
        }
    }

    /**
     * Called before each chunk of a long inference (more than one chunk): SameDiff M2.1 leaves the
     * intermediate activations of every forward pass to the garbage collector, and a process
     * that allocates little on the Java heap rarely collects, so its native memory grows chunk
     * after chunk (measured on classify --refiner of 1,000 patterns at -Xmx2g: about 100 MB per
     * chunk of 256). The first collection also returns the heap that reading the inputs left
     * committed (G1 shrinks the heap at an explicit GC). A collection costs far less than a
     * chunk's forward pass.
     */
    static void releaseBetweenChunks() {
        System.gc();
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
