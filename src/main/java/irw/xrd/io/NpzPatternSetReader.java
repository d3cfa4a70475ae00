package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.io.NpyArray;
import irw.core.io.NpyFormat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The workbench's own pattern sets (.npz, as {@code dataset xrd} writes them): {@code two_theta}
 * (the axis), {@code patterns} [n, points] and, for imperfect sets, {@code ground_truth} [n, points],
 * named by {@code structure_ids}. Each row becomes a pattern; ground-truth rows are named
 * "&lt;id&gt; ground truth". The class index from {@code labels} goes to the extras.
 *
 * <p>Every .npy header is checked against the bytes of its entry before {@link NpyFormat} allocates
 * the array, so a forged shape cannot exhaust memory.
 */
final class NpzPatternSetReader {
    private static final java.util.regex.Pattern DESCR = java.util.regex.Pattern.compile("'descr':\\s*'([<|>]?[a-zA-Z]\\d{1,4})'");
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("'shape':\\s*\\(([\\d,\\s]*)\\)");

    private NpzPatternSetReader() {
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        BoundedZip zip = BoundedZip.open(src);
        if (!zip.names().contains("two_theta.npy") || !zip.names().contains("patterns.npy")) {
            throw src.fail(".npz archive without two_theta.npy and patterns.npy is not a pattern set");
        }
        double[] axis = array(src, zip, "two_theta").doubles();
        String[] ids = zip.names().contains("structure_ids.npy") ? array(src, zip, "structure_ids").strings() : null;
        int[] labels = zip.names().contains("labels.npy") ? array(src, zip, "labels").ints() : null;
        List<Pattern> out = new ArrayList<>();
        for (String key : List.of("patterns", "ground_truth")) {
            if (!zip.names().contains(key + ".npy")) {
                continue;
            }
            NpyArray rows = array(src, zip, key);
            if (rows.shape().length != 2 || rows.shape()[1] != axis.length) {
                throw src.fail(key + ".npy has shape " + java.util.Arrays.toString(rows.shape()) + ", expected [n, " + axis.length + "]");
            }
            double[][] values = rows.toDoubleRows();
            for (int i = 0; i < values.length; i++) {
                String id = ids != null && i < ids.length ? ids[i] : src.stem() + " #" + (i + 1);
                String name = key.equals("patterns") ? id : id + " ground truth";
                PatternMetadata md = PatternMetadata.fromFile(src.path(), "npz", null).withSampleName(name)
                        .withExtras(ScanAssembly.extras("array", key, "row", Integer.toString(i),
                                "label_index", labels != null && i < labels.length ? Integer.toString(labels[i]) : null));
                String where = key + " row " + (i + 1);
                out.add(ScanAssembly.toPattern(src, axis, values[i], md, k -> where + " point " + (k + 1)));
            }
        }
        return out;
    }

    private static NpyArray array(SourceFile src, BoundedZip zip, String key) throws PatternFormatException {
        String entry = key + ".npy";
        byte[] bytes = zip.read(entry);
        checkHeader(src, entry, bytes);
        try {
            return NpyFormat.read(new ByteArrayInputStream(bytes), entry);
        } catch (IOException | IllegalArgumentException e) {
            throw src.fail(entry + ": " + e.getMessage(), e);
        }
    }

    /** Shape × element size must equal the bytes after the header: checked before anything is allocated. */
    private static void checkHeader(SourceFile src, String entry, byte[] b) throws PatternFormatException {
        if (b.length < 10 || (b[0] & 0xFF) != 0x93 || b[1] != 'N' || b[2] != 'U') {
            throw src.fail(entry + " is not a .npy array (no \\x93NUMPY magic)");
        }
        int major = b[6];
        int lengthBytes = major == 1 ? 2 : 4;
        long headerLength = 0;
        for (int i = 0; i < lengthBytes && 8 + i < b.length; i++) {
            headerLength |= (long) (b[8 + i] & 0xFF) << (8 * i);
        }
        long dataAt = 8 + lengthBytes + headerLength;
        if (major < 1 || major > 3 || dataAt > b.length) {
            throw src.fail(entry + " has a corrupt .npy header");
        }
        String header = new String(b, 8 + lengthBytes, (int) headerLength, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw src.fail(entry + " .npy header lacks a readable dtype or shape");
        }
        String descr = d.group(1);
        long size = descr.contains("U") ? 4L * Long.parseLong(descr.replaceAll("\\D", "")) : Long.parseLong(descr.replaceAll("\\D", ""));
        long count = 1;
        for (String dim : s.group(1).split(",")) {
            String t = dim.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 9) {
                throw src.fail(entry + " claims a dimension of " + t + ": implausible");
            }
            count *= Long.parseLong(t);
            if (count > Integer.MAX_VALUE) {
                throw src.fail(entry + " claims more values than its bytes can hold");
            }
        }
        if (count * size != b.length - dataAt) {
            throw src.fail(entry + " claims " + count + " values of " + size + " bytes but holds " + (b.length - dataAt)
                    + " bytes of data: truncated or corrupt");
        }
    }

}
