package irw.core.data;

import irw.core.ClassSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of equally shaped items (1-D patterns of {@code shape = [points]} or images of
 * {@code shape = [height, width]}) with optional labels. This is what the engine trains on and
 * what the data-set files hold; it carries plain float arrays so that core stays free of DL4J.
 *
 * @param items  one flattened row per item, each of length {@code product(shape)}
 * @param shape  the shape of one item
 * @param labels class index per item, or {@link #UNLABELLED}
 * @param ids    a name per item (structure id, file name, "mnist-test-17")
 */
public record LabelledDataSet(float[][] items, int[] shape, int[] labels, List<String> ids, ClassSet classes) {
    public static final int UNLABELLED = -1;

    public LabelledDataSet {
        int width = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (labels.length != items.length || ids.size() != items.length) {
            throw new IllegalArgumentException(items.length + " items but " + labels.length + " labels and " + ids.size() + " ids");
        }
        for (int i = 0; i < items.length; i++) {
            if (items[i].length != width) {
                throw new IllegalArgumentException("item " + ids.get(i) + " has " + items[i].length + " values, expected " + width
                        + " for shape " + Arrays.toString(shape));
            }
            if (labels[i] != UNLABELLED && (labels[i] < 0 || labels[i] >= classes.size())) {
                throw new IllegalArgumentException("item " + ids.get(i) + " has label " + labels[i] + " outside 0.." + (classes.size() - 1));
            }
        }
        ids = List.copyOf(ids);
        shape = shape.clone();
    }

    public int size() {
        return items.length;
    }

    public int itemLength() {
        return items.length == 0 ? Arrays.stream(shape).reduce(1, (a, b) -> a * b) : items[0].length;
    }

    public boolean isLabelled() {
        return Arrays.stream(labels).noneMatch(l -> l == UNLABELLED);
    }

    /** The items at the given indices, in that order. */
    public LabelledDataSet subset(int[] indices) {
        float[][] x = new float[indices.length][];
        int[] y = new int[indices.length];
        List<String> names = new ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) {
            x[i] = items[indices[i]];
            y[i] = labels[indices[i]];
            names.add(ids.get(indices[i]));
        }
        return new LabelledDataSet(x, shape, y, names, classes);
    }

    /** Indices of the items of class k. */
    public int[] indicesOfClass(int k) {
        int[] out = new int[labels.length];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == k) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
