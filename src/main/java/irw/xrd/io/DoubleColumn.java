package irw.xrd.io;

import java.util.Arrays;

/**
 * A growable column of doubles, so text readers do not box a million values. It never grows past
 * {@link ScanAssembly#MAX_POINTS}: a reader refuses longer scans before adding to a full column.
 */
final class DoubleColumn {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) {
            if (size >= ScanAssembly.MAX_POINTS) {
                throw new IllegalStateException("a scan of more than " + ScanAssembly.MAX_POINTS + " points");
            }
            values = Arrays.copyOf(values, (int) Math.min((long) values.length * 2, ScanAssembly.MAX_POINTS));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
