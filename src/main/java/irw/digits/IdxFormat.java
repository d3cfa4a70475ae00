package irw.digits;

import irw.core.ClassSet;
import irw.core.PatternFormatException;
import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX files of MNIST (LeCun et al.): images are magic 2051, count, rows,
 * cols (big-endian int32) then count*rows*cols unsigned bytes; labels are magic 2049, count,
 * then count bytes. Gzip is recognised from the content, not the file name. Pixels become floats
 * in [0,1] (byte/255); an image item has shape [rows, cols].
 */
public final class IdxFormat {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;
    /** Refuses headers that would need more than this many pixel bytes (a corrupt count, not a real file). */
    private static final long MAX_PAYLOAD = 1L << 31;
    /**
     * Deflate cannot shrink data by more than about 1032:1 (RFC 1951: a 258-byte match costs at
     * least 2 bits), so a gzip file of n bytes holds at most this many times n: a header that
     * claims more is refused before anything is allocated.
     */
    private static final long MAX_GZIP_RATIO = 1032;

    private IdxFormat() {
    }

    /** Reads an image file and its label file into a labelled digit set (ClassSet.DIGITS). */
    public static LabelledDataSet read(Path images, Path labels) throws PatternFormatException {
        Images im = readImages(images);
        int[] y = readLabels(labels);
        if (y.length != im.pixels.length) {
            throw new PatternFormatException(labels, y.length + " labels but " + images.getFileName() + " holds " + im.pixels.length + " images");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= ClassSet.DIGITS.size()) {
                throw new PatternFormatException(labels, "label " + y[i] + " of item " + i + " is not a digit 0-9");
            }
        }
        return new LabelledDataSet(im.pixels, new int[]{im.rows, im.cols}, y, ids(images, im.pixels.length), ClassSet.DIGITS);
    }

    /**
     * Reads one part ("train", "test") of an MNIST folder ({@code PART-images-idx3-ubyte.gz} and
     * {@code PART-labels-idx1-ubyte.gz}, as sample-data/mnist holds them), naming a missing file.
     */
    public static LabelledDataSet readMnistPart(Path folder, String part) throws java.io.IOException {
        Path images = folder.resolve(part + "-images-idx3-ubyte.gz");
        Path labels = folder.resolve(part + "-labels-idx1-ubyte.gz");
        for (Path p : new Path[]{images, labels}) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new java.io.IOException("MNIST file missing: " + p + " (expected the IDX files of sample-data/mnist)");
            }
        }
        try {
            return read(images, labels);
        } catch (PatternFormatException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
    }

    /** Reads an image file alone: the items are unlabelled (for classifying an IDX file). */
    public static LabelledDataSet readUnlabelled(Path images) throws PatternFormatException {
        Images im = readImages(images);
        int[] y = new int[im.pixels.length];
        java.util.Arrays.fill(y, LabelledDataSet.UNLABELLED);
        return new LabelledDataSet(im.pixels, new int[]{im.rows, im.cols}, y, ids(images, im.pixels.length), ClassSet.DIGITS);
    }

    /** True when the file starts like an IDX image file (magic 2051), gzipped or not. */
    public static boolean looksLikeImages(Path file) {
        try (DataInputStream in = open(file)) {
            return in.readInt() == IMAGES_MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes a set of images (shape [rows, cols], values in [0,1], clamped and rounded to bytes)
     * and, when {@code labels} is not null, its labels. A name ending in ".gz" is gzipped.
     */
    public static void write(LabelledDataSet set, Path images, Path labels) throws IOException {
        int[] shape = set.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("IDX image files hold 2-D items; this set has shape " + java.util.Arrays.toString(shape));
        }
        AtomicFiles.write(images, raw -> {
            OutputStream out = wrap(images, raw);
            out.write(ByteBuffer.allocate(16).putInt(IMAGES_MAGIC).putInt(set.size()).putInt(shape[0]).putInt(shape[1]).array());
            byte[] row = new byte[set.itemLength()];
            for (float[] item : set.items()) {
                for (int j = 0; j < row.length; j++) {
                    float v = Float.isNaN(item[j]) ? 0f : Math.max(0f, Math.min(1f, item[j]));
                    row[j] = (byte) Math.round(v * 255f);
                }
                out.write(row);
            }
            finish(out);
        });
        if (labels == null) {
            return;
        }
        if (!set.isLabelled()) {
            throw new IllegalArgumentException("cannot write " + labels + ": the set has unlabelled items");
        }
        byte[] y = new byte[set.size()];
        for (int i = 0; i < y.length; i++) {
            if (set.labels()[i] > 255) {
                throw new IllegalArgumentException("label " + set.labels()[i] + " does not fit in an IDX byte");
            }
            y[i] = (byte) set.labels()[i];
        }
        AtomicFiles.write(labels, raw -> {
            OutputStream out = wrap(labels, raw);
            out.write(ByteBuffer.allocate(8).putInt(LABELS_MAGIC).putInt(set.size()).array());
            out.write(y);
            finish(out);
        });
    }

    private record Images(float[][] pixels, int rows, int cols) {
    }

    private static Images readImages(Path file) throws PatternFormatException {
        try (DataInputStream in = open(file)) {
            int magic = header(file, in, "magic number");
            if (magic != IMAGES_MAGIC) {
                throw new PatternFormatException(file, "not an IDX image file: magic number " + magic + ", expected " + IMAGES_MAGIC
                        + (magic == LABELS_MAGIC ? " (this is a label file)" : ""));
            }
            int count = header(file, in, "image count");
            int rows = header(file, in, "row count");
            int cols = header(file, in, "column count");
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new PatternFormatException(file, "bad dimensions: " + count + " images of " + rows + "x" + cols);
            }
            long payload = (long) count * rows * cols;
            if (payload > MAX_PAYLOAD) {
                throw new PatternFormatException(file, "header claims " + count + " images of " + rows + "x" + cols + ", too large to be real");
            }
            checkSize(file, 16 + payload, count + " images of " + rows + "x" + cols);
            // read image by image: memory grows with what the stream really holds, never with what the header claims
            List<float[]> pixels = new ArrayList<>(Math.min(count, 1 << 16));
            byte[] buf = new byte[rows * cols];
            for (int i = 0; i < count; i++) {
                int n = in.readNBytes(buf, 0, buf.length);
                if (n < buf.length) {
                    throw new PatternFormatException(file, "truncated: the header says " + count + " images of " + rows + "x" + cols
                            + " but the data ends in image " + i);
                }
                float[] image = new float[buf.length];
                for (int j = 0; j < buf.length; j++) {
                    image[j] = (buf[j] & 0xFF) / 255f;
                }
                pixels.add(image);
            }
            checkNoTrailingData(file, in, count + " images of " + rows + "x" + cols);
            return new Images(pixels.toArray(new float[0][]), rows, cols);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Reads an IDX label file; labels are bytes 0-255. */
    public static int[] readLabels(Path file) throws PatternFormatException {
        try (DataInputStream in = open(file)) {
            int magic = header(file, in, "magic number");
            if (magic != LABELS_MAGIC) {
                throw new PatternFormatException(file, "not an IDX label file: magic number " + magic + ", expected " + LABELS_MAGIC
                        + (magic == IMAGES_MAGIC ? " (this is an image file)" : ""));
            }
            int count = header(file, in, "label count");
            if (count < 0 || count > MAX_PAYLOAD) {
                throw new PatternFormatException(file, "bad label count " + count);
            }
            checkSize(file, 8 + (long) count, count + " labels");
            byte[] raw = in.readNBytes(count);
            if (raw.length < count) {
                throw new PatternFormatException(file, "truncated: the header says " + count + " labels but the file holds " + raw.length);
            }
            checkNoTrailingData(file, in, count + " labels");
            int[] y = new int[count];
            for (int i = 0; i < count; i++) {
                y[i] = raw[i] & 0xFF;
            }
            return y;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static PatternFormatException unreadable(Path file, IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return new PatternFormatException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
        return new PatternFormatException(file, "cannot read: " + e, e);
    }

    private static int header(Path file, DataInputStream in, String what) throws IOException, PatternFormatException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new PatternFormatException(file, "too short for an IDX header: the " + what + " is missing");
        }
    }

    /**
     * A wrong count is caught before reading: an uncompressed file must have exactly the size the
     * header implies, a gzip file must be able to hold it ({@link #MAX_GZIP_RATIO}).
     */
    private static void checkSize(Path file, long expected, String claim) throws IOException, PatternFormatException {
        long actual = Files.size(file);
        if (!isGzip(file)) {
            if (actual != expected) {
                throw new PatternFormatException(file, "the header implies " + expected + " bytes but the file has " + actual);
            }
        } else if (expected > actual * MAX_GZIP_RATIO) {
            throw new PatternFormatException(file, String.format(java.util.Locale.ROOT,
                    "the header claims %s (%,d bytes), but a gzip file of %,d bytes holds at most %,d: a corrupt or forged count",
                    claim, expected, actual, actual * MAX_GZIP_RATIO));
        }
    }

    private static void checkNoTrailingData(Path file, InputStream in, String what) throws IOException, PatternFormatException {
        if (in.read() != -1) {
            throw new PatternFormatException(file, "data continues after the " + what + " the header announces");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(isGzip(file) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static OutputStream wrap(Path target, OutputStream raw) throws IOException {
        return target.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
    }

    /** Completes a gzip stream without closing the file, which AtomicFiles still has to flush and sync. */
    private static void finish(OutputStream out) throws IOException {
        if (out instanceof GZIPOutputStream gz) {
            gz.finish();
        }
        out.flush();
    }

    /** "train-images-idx3-ubyte.gz" gives ids "train-0", "train-1", ... */
    private static List<String> ids(Path images, int count) {
        String name = images.getFileName().toString().replaceFirst("\\.gz$", "").replaceFirst("-images-idx3-ubyte$", "")
                .replaceFirst("-idx3-ubyte$", "");
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(name + "-" + i);
        }
        return ids;
    }
}
