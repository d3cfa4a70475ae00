package irw.xrd.io;

import irw.core.PatternFormatException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads chosen entries of a zip container (.rasx, .brml) held in memory, without trusting it.
 *
 * <p>The central directory is read (so only wanted entries are inflated, and nothing is written to
 * disk); every offset and compressed size it gives is checked against the bytes present. Zip bombs:
 * declared uncompressed sizes are ignored; inflation stops at {@link #MAX_ENTRY_BYTES} per entry and
 * {@link #MAX_TOTAL_BYTES} per archive, and an archive listing more than {@link #MAX_ENTRIES} entries
 * is refused before anything is inflated. The CRC-32 of every inflated entry is verified. Stored and
 * deflated entries are supported (what instruments write); ZIP64 and encryption are refused.
 */
final class BoundedZip {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_ENTRY_BYTES = 64L << 20;
    static final long MAX_TOTAL_BYTES = 128L << 20;

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;

    private record Entry(String name, int method, int flags, long crc, long compressedSize, long localHeader) {
    }

    private final SourceFile src;
    private final ByteBuffer buf;
    private final Map<String, Entry> entries;
    private long inflatedTotal;

    private BoundedZip(SourceFile src, ByteBuffer buf, Map<String, Entry> entries) {
        this.src = src;
        this.buf = buf;
        this.entries = entries;
    }

    static BoundedZip open(SourceFile src) throws PatternFormatException {
        ByteBuffer b = ByteBuffer.wrap(src.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = findEndOfCentralDirectory(b);
        if (eocd < 0) {
            throw src.fail("not a readable zip container (no end-of-central-directory record: truncated?)");
        }
        int count = Short.toUnsignedInt(b.getShort(eocd + 10));
        long cdOffset = Integer.toUnsignedLong(b.getInt(eocd + 16));
        if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL) {
            throw src.fail("ZIP64 containers are not supported");
        }
        if (count > MAX_ENTRIES) {
            throw src.fail("zip container lists " + count + " entries (limit " + MAX_ENTRIES + "): refusing it");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        long p = cdOffset;
        for (int i = 0; i < count; i++) {
            if (p + 46 > eocd || b.getInt((int) p) != CENTRAL_SIGNATURE) {
                throw src.fail("not a readable zip container (central directory entry " + (i + 1) + " is corrupt)");
            }
            int at = (int) p;
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
            if (at + 46L + nameLength > b.limit()) {
                throw src.fail("not a readable zip container (entry name runs past the end)");
            }
            String name = new String(src.bytes(), at + 46, nameLength, StandardCharsets.UTF_8);
            entries.putIfAbsent(name, new Entry(name, Short.toUnsignedInt(b.getShort(at + 10)),
                    Short.toUnsignedInt(b.getShort(at + 8)), Integer.toUnsignedLong(b.getInt(at + 16)),
                    Integer.toUnsignedLong(b.getInt(at + 20)), Integer.toUnsignedLong(b.getInt(at + 42))));
            p += 46L + nameLength + extraLength + commentLength;
        }
        return new BoundedZip(src, b, entries);
    }

    /** The end-of-central-directory record lies in the last 22 + 65535 bytes (its comment is at most 65535). */
    private static int findEndOfCentralDirectory(ByteBuffer b) {
        int lowest = Math.max(0, b.limit() - 22 - 65535);
        for (int i = b.limit() - 22; i >= lowest; i--) {
            if (b.getInt(i) == EOCD_SIGNATURE) {
                return i;
            }
        }
        return -1;
    }

    /** Entry names whose full name matches the regex, in natural order (Data2 before Data10). */
    List<String> namesMatching(Pattern regex) {
        return entries.keySet().stream().filter(n -> regex.matcher(n).matches()).sorted(NaturalOrder.INSTANCE).toList();
    }

    List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    /** Inflates one entry under the limits and checks its CRC. */
    byte[] read(String name) throws PatternFormatException {
        Entry e = entries.get(name);
        if (e == null) {
            throw src.fail("zip entry " + name + " is missing");
        }
        if ((e.flags() & 1) != 0) {
            throw src.fail("zip entry " + name + " is encrypted");
        }
        long local = e.localHeader();
        if (local + 30 > buf.limit() || buf.getInt((int) local) != LOCAL_SIGNATURE) {
            throw src.fail("zip entry " + name + " is corrupt (no local header at byte " + local + ")");
        }
        long dataAt = local + 30 + Short.toUnsignedInt(buf.getShort((int) local + 26))
                + Short.toUnsignedInt(buf.getShort((int) local + 28));
        if (dataAt + e.compressedSize() > buf.limit()) {
            throw src.fail("zip entry " + name + " claims " + e.compressedSize() + " compressed bytes beyond the end of the file: truncated");
        }
        byte[] data = switch (e.method()) {
            case 0 -> stored(e, (int) dataAt);
            case 8 -> inflate(e, (int) dataAt);
            default -> throw src.fail("zip entry " + name + " uses compression method " + e.method() + " (only stored and deflated are read)");
        };
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != e.crc()) {
            throw src.fail("zip entry " + name + " is corrupt (CRC mismatch)");
        }
        return data;
    }

    private byte[] stored(Entry e, int dataAt) throws PatternFormatException {
        count(e, e.compressedSize());
        byte[] out = new byte[(int) e.compressedSize()];
        System.arraycopy(src.bytes(), dataAt, out, 0, out.length);
        return out;
    }

    private byte[] inflate(Entry e, int dataAt) throws PatternFormatException {
        Inflater inflater = new Inflater(true);
        try {
            // Raw deflate needs one extra byte after the data to signal its end (see Inflater's javadoc).
            byte[] input = new byte[(int) e.compressedSize() + 1];
            System.arraycopy(src.bytes(), dataAt, input, 0, (int) e.compressedSize());
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(4 * e.compressedSize() + 64, 1 << 20));
            byte[] chunk = new byte[1 << 16];
            long entryBytes = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw src.fail("zip entry " + e.name() + " is corrupt (deflate stream ends early)");
                    }
                    continue;
                }
                entryBytes += n;
                count(e, n);
                if (entryBytes > MAX_ENTRY_BYTES) {
                    throw src.fail("zip entry " + e.name() + " inflates to more than " + (MAX_ENTRY_BYTES >> 20)
                            + " MB: refusing it (possible zip bomb)");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException ex) {
            throw src.fail("zip entry " + e.name() + " is corrupt (" + ex.getMessage() + ")", ex);
        } finally {
            inflater.end();
        }
    }

    private void count(Entry e, long bytes) throws PatternFormatException {
        inflatedTotal += bytes;
        if (inflatedTotal > MAX_TOTAL_BYTES) {
            throw src.fail("zip container inflates to more than " + (MAX_TOTAL_BYTES >> 20)
                    + " MB (at entry " + e.name() + "): refusing it (possible zip bomb)");
        }
    }

    /** Orders "Data2" before "Data10". */
    enum NaturalOrder implements java.util.Comparator<String> {
        INSTANCE;

        private static final Pattern DIGITS = Pattern.compile("\\d+|\\D+");

        @Override
        public int compare(String a, String b) {
            var ma = DIGITS.matcher(a);
            var mb = DIGITS.matcher(b);
            while (ma.find() && mb.find()) {
                String x = ma.group();
                String y = mb.group();
                int c;
                if (Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))) {
                    c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
                } else {
                    c = x.compareTo(y);
                }
                if (c != 0) {
                    return c;
                }
            }
            return a.compareTo(b);
        }
    }
}
