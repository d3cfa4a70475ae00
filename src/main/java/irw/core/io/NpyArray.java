package irw.core.io;

import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array as numpy's .npy format holds it: a dtype ({@code <f4}, {@code <f8},
 * {@code <i4}, {@code <i8}, {@code |u1}, {@code <U12}), a C-order shape, and the values in a flat Java
 * array (float[], double[], int[], long[], byte[] or String[]), or, for float32 of two or more
 * dimensions, as float[][] rows (so large pattern sets are neither copied nor held twice).
 */
public record NpyArray(String descr, int[] shape, Object data) {

    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        long length = java.lang.reflect.Array.getLength(data);
        if (data instanceof float[][] rows) {
            int width = 1;
            for (int i = 1; i < shape.length; i++) {
                width *= shape[i];
            }
            for (float[] row : rows) {
                if (row.length != width) {
                    throw new IllegalArgumentException("a row has " + row.length + " values, shape " + Arrays.toString(shape) + " needs " + width);
                }
            }
            length = (long) rows.length * width;
        }
        if (length != n) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + length);
        }
    }

    /** Rows of equal length as a float32 array of shape [rows, width]. */
    public static NpyArray ofFloatRows(float[][] rows, int width) {
        return new NpyArray("<f4", new int[]{rows.length, width}, rows);
    }

    public static NpyArray ofFloats(float[] values) {
        return new NpyArray("<f4", new int[]{values.length}, values);
    }

    /** Rows of equal length as a float64 array of shape [rows, width]. */
    public static NpyArray ofDoubleRows(double[][] rows, int width) {
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return new NpyArray("<f8", new int[]{rows.length, width}, flat);
    }

    public static NpyArray ofInts(int[] values) {
        return new NpyArray("<i4", new int[]{values.length}, values);
    }

    /** Fixed-width unicode strings ({@code <U n}), which numpy reads without pickling. */
    public static NpyArray ofStrings(List<String> values) {
        int width = 1;
        for (String s : values) {
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        return new NpyArray("<U" + width, new int[]{values.size()}, values.toArray(String[]::new));
    }

    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Values per row (the product of all dimensions but the first). */
    public int rowLength() {
        int n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** The rows; not a copy when the array already holds rows. */
    public float[][] toFloatRows() {
        if (data instanceof float[][] rows) {
            return rows;
        }
        float[] flat = floats();
        float[][] out = new float[rows()][];
        int w = rowLength();
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * w, (i + 1) * w);
        }
        return out;
    }

    public double[][] toDoubleRows() {
        double[] flat = doubles();
        double[][] out = new double[rows()][];
        int w = rowLength();
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * w, (i + 1) * w);
        }
        return out;
    }

    /** The values as float[] (converting from float64 when needed). */
    public float[] floats() {
        if (data instanceof float[] f) {
            return f;
        }
        if (data instanceof float[][] rows) {
            float[] flat = new float[rows.length * rowLength()];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, flat, i * rowLength(), rowLength());
            }
            return flat;
        }
        double[] d = doubles();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    /** The values as double[] (converting from float32 or integers when needed). */
    public double[] doubles() {
        if (data instanceof double[] d) {
            return d;
        }
        if (data instanceof float[][]) {
            float[] f = floats();
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        int n = java.lang.reflect.Array.getLength(data);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) java.lang.reflect.Array.get(data, i)).doubleValue();
        }
        return out;
    }

    /** The values as int[] (from int32, int64 within range, or bytes). */
    public int[] ints() {
        if (data instanceof int[] i) {
            return i;
        }
        if (data instanceof long[] l) {
            return Arrays.stream(l).mapToInt(Math::toIntExact).toArray();
        }
        if (data instanceof byte[] b) {
            int[] out = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = descr.equals("|u1") ? b[i] & 0xff : b[i];
            }
            return out;
        }
        throw new IllegalStateException("array of " + descr + " is not integer");
    }

    public String[] strings() {
        if (data instanceof String[] s) {
            return s;
        }
        throw new IllegalStateException("array of " + descr + " is not text");
    }
}
