package irw.core.io;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The .npy format (numpy NEP 1): the magic {@code \x93NUMPY}, a version, a little-endian header
 * length, an ASCII Python-dict header with descr, fortran_order and shape, padded with spaces to a
 * multiple of 64 bytes and ended by a newline, then the raw C-order values. Writes version 1.0;
 * reads 1.0, 2.0 and 3.0, little-endian numeric and {@code <U} text dtypes.
 */
public final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK = 1 << 20;

    private NpyFormat() {
    }

    public static byte[] toBytes(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(array, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static void write(NpyArray array, OutputStream out) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < array.shape().length; i++) {
            shape.append(array.shape()[i]).append(array.shape().length == 1 ? "," : (i + 1 < array.shape().length ? ", " : ""));
        }
        shape.append(")");
        String dict = "{'descr': '" + array.descr() + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        writeData(array, out);
    }

    private static void writeData(NpyArray array, OutputStream out) throws IOException {
        Object data = array.data();
        if (data instanceof String[] strings) {
            int width = Integer.parseInt(array.descr().substring(2));
            ByteBuffer buf = ByteBuffer.allocate(width * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (String s : strings) {
                buf.clear();
                s.codePoints().forEach(buf::putInt);
                while (buf.hasRemaining()) {
                    buf.putInt(0);
                }
                out.write(buf.array());
            }
            return;
        }
        if (data instanceof byte[] bytes) {
            out.write(bytes);
            return;
        }
        if (data instanceof float[][] rows) {
            ByteBuffer row = ByteBuffer.allocate(array.rowLength() * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] r : rows) {
                row.clear();
                row.asFloatBuffer().put(r);
                out.write(row.array());
            }
            return;
        }
        int n = java.lang.reflect.Array.getLength(data);
        int size = elementSize(array.descr());
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK / size;
        for (int start = 0; start < n; start += perChunk) {
            int count = Math.min(perChunk, n - start);
            buf.clear();
            if (data instanceof float[] f) {
                buf.asFloatBuffer().put(f, start, count);
            } else if (data instanceof double[] d) {
                buf.asDoubleBuffer().put(d, start, count);
            } else if (data instanceof int[] i) {
                buf.asIntBuffer().put(i, start, count);
            } else if (data instanceof long[] l) {
                buf.asLongBuffer().put(l, start, count);
            } else {
                throw new IllegalArgumentException("cannot write values of " + data.getClass().getSimpleName());
            }
            out.write(buf.array(), 0, count * size);
        }
    }

    private static int elementSize(String descr) {
        return switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            case "|u1", "|i1", "|b1" -> 1;
            default -> throw new IllegalArgumentException("unsupported dtype " + descr);
        };
    }

    /** Reads one array; {@code name} goes into error messages. */
    public static NpyArray read(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[6];
        readFully(in, magic, name);
        for (int i = 0; i < 6; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException(name + ": not a .npy array (no \\x93NUMPY magic)");
            }
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        long headerLength;
        if (major == 1) {
            headerLength = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
        } else if (major == 2 || major == 3) {
            headerLength = (in.readUnsignedByte() | (in.readUnsignedByte() << 8) | (in.readUnsignedByte() << 16)) | ((long) in.readUnsignedByte() << 24);
        } else {
            throw new IOException(name + ": unsupported .npy version " + major);
        }
        if (headerLength > 1 << 20) {
            throw new IOException(name + ": .npy header of " + headerLength + " bytes is implausible");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        readFully(in, headerBytes, name);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(header, "'descr':\\s*'([^']+)'", name);
        if (field(header, "'fortran_order':\\s*(True|False)", name).equals("True")) {
            throw new IOException(name + ": Fortran-ordered arrays are not supported");
        }
        String shapeText = field(header, "'shape':\\s*\\(([^)]*)\\)", name).trim();
        int[] shape;
        try {
            shape = shapeText.isEmpty() ? new int[0]
                    : java.util.Arrays.stream(shapeText.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IOException(name + ": .npy shape is not a tuple of integers: (" + shapeText + ")");
        }
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IOException(name + ": .npy shape has a negative dimension: (" + shapeText + ")");
            }
            count *= d;
            if (count > Integer.MAX_VALUE - 8) {
                throw new IOException(name + ": shape (" + shapeText + ") is more values than one Java array holds");
            }
        }
        // The header is untrusted: refuse before allocating what this JVM cannot hold, rather than
        // dying of OutOfMemoryError on a forged shape.
        long bytes = count * (descr.startsWith("<U") ? 16L : 8L);
        if (bytes > Runtime.getRuntime().maxMemory() / 2) {
            throw new IOException(name + ": shape (" + shapeText + ") needs about " + (bytes >> 20)
                    + " MB, more than half of this program's memory (-Xmx)");
        }
        if (descr.equals("<f4") && shape.length >= 2) {
            return new NpyArray(descr, shape, readFloatRows(in, shape, name));
        }
        return new NpyArray(descr, shape, readData(in, descr, (int) count, name));
    }

    /** float32 of 2+ dimensions straight into rows: one pass, no flat copy. */
    private static float[][] readFloatRows(DataInputStream in, int[] shape, String name) throws IOException {
        int width = 1;
        for (int i = 1; i < shape.length; i++) {
            width *= shape[i];
        }
        // Rows are allocated as their bytes arrive, so a forged row count fails at the end of the
        // data instead of allocating everything up front.
        float[][] rows = new float[shape[0]][];
        int rowsPerChunk = Math.max(1, CHUNK / Math.max(1, width * 4));
        byte[] chunk = new byte[rowsPerChunk * width * 4];
        for (int start = 0; start < rows.length; start += rowsPerChunk) {
            int count = Math.min(rowsPerChunk, rows.length - start);
            readFully(in, chunk, count * width * 4, name);
            java.nio.FloatBuffer floats = ByteBuffer.wrap(chunk, 0, count * width * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            for (int r = 0; r < count; r++) {
                rows[start + r] = new float[width];
                floats.get(rows[start + r]);
            }
        }
        return rows;
    }

    private static Object readData(DataInputStream in, String descr, int n, String name) throws IOException {
        if (descr.startsWith("<U")) {
            int width;
            try {
                width = Integer.parseInt(descr.substring(2));
            } catch (NumberFormatException e) {
                throw new IOException(name + ": unsupported dtype " + descr);
            }
            if (width <= 0 || width > 4096) {
                throw new IOException(name + ": implausible string width in dtype " + descr);
            }
            String[] out = new String[n];
            byte[] raw = new byte[width * 4];
            for (int i = 0; i < n; i++) {
                readFully(in, raw, name);
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < width; c++) {
                    int cp = b.getInt();
                    if (cp == 0) {
                        break;
                    }
                    if (!Character.isValidCodePoint(cp)) {
                        throw new IOException(name + ": string " + i + " holds an invalid code point " + cp);
                    }
                    sb.appendCodePoint(cp);
                }
                out[i] = sb.toString();
            }
            return out;
        }
        int size;
        try {
            size = elementSize(descr);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": unsupported dtype " + descr + " (expected <f4, <f8, <i4, <i8, |u1 or <U)");
        }
        if (size == 1) {
            byte[] out = new byte[n];
            readFully(in, out, name);
            return out;
        }
        Object out = switch (descr) {
            case "<f4" -> new float[n];
            case "<f8" -> new double[n];
            case "<i4" -> new int[n];
            default -> new long[n];
        };
        byte[] chunk = new byte[CHUNK];
        int perChunk = CHUNK / size;
        for (int start = 0; start < n; start += perChunk) {
            int count = Math.min(perChunk, n - start);
            readFully(in, chunk, count * size, name);
            ByteBuffer b = ByteBuffer.wrap(chunk, 0, count * size).order(ByteOrder.LITTLE_ENDIAN);
            if (out instanceof float[] f) {
                b.asFloatBuffer().get(f, start, count);
            } else if (out instanceof double[] d) {
                b.asDoubleBuffer().get(d, start, count);
            } else if (out instanceof int[] i) {
                b.asIntBuffer().get(i, start, count);
            } else {
                b.asLongBuffer().get((long[]) out, start, count);
            }
        }
        return out;
    }

    private static String field(String header, String regex, String name) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(header);
        if (!m.find()) {
            throw new IOException(name + ": .npy header lacks " + regex.substring(1, regex.indexOf("'", 1)) + ": " + header.trim());
        }
        return m.group(1);
    }

    private static void readFully(DataInputStream in, byte[] b, String name) throws IOException {
        readFully(in, b, b.length, name);
    }

    private static void readFully(DataInputStream in, byte[] b, int length, String name) throws IOException {
        try {
            in.readFully(b, 0, length);
        } catch (EOFException e) {
            throw new IOException(name + ": the array ends early (file truncated?)", e);
        }
    }
}
