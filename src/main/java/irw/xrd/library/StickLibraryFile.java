package irw.xrd.library;

import irw.core.Wavelength;
import irw.core.io.AtomicFiles;
import irw.xrd.cif.CrystalSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The on-disk form of a {@link StickLibrary}: the magic {@code IRWSTICK}, a format version, the cache
 * key it was built for, the metadata (wavelength, range, one record per structure, the skipped blocks)
 * as Java {@code DataOutput}, then the stick arrays as raw little-endian int32/float32/int16, then a CRC-32
 * of everything before it. About 16 bytes a stick; read in one piece, so loading is a copy, not a parse.
 * A damaged, truncated or foreign file is an {@link IOException} naming the file, never a wrong library.
 */
public final class StickLibraryFile {
    static final byte[] MAGIC = "IRWSTICK".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int MAX_UTF = 60_000;

    private StickLibraryFile() {
    }

    /** Writes atomically: a reader sees the old file or the complete new one. */
    public static void write(Path file, StickLibrary lib, String key) throws IOException {
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
        try (DataOutputStream meta = new DataOutputStream(metaBytes)) {
            meta.writeUTF(key);
            Wavelength w = lib.wavelength();
            meta.writeUTF(w.anode().orElse(""));
            meta.writeDouble(w.kAlpha1());
            meta.writeDouble(w.kAlpha2().orElse(Double.NaN));
            meta.writeDouble(w.kAlpha2Ratio());
            meta.writeDouble(lib.twoThetaMin());
            meta.writeDouble(lib.twoThetaMax());
            meta.writeInt(lib.size());
            meta.writeInt(lib.stickCount());
            for (StructureEntry e : lib.entries()) {
                meta.writeUTF(e.source());
                meta.writeUTF(e.block());
                meta.writeUTF(clip(e.mineral()));
                meta.writeUTF(clip(e.formula()));
                meta.writeUTF(e.spaceGroup());
                meta.writeShort(e.spaceGroupNumber());
                meta.writeByte(e.crystalSystem().map(Enum::ordinal).orElse(-1));
                meta.writeUTF(String.join(" ", e.elements()));
            }
            meta.writeInt(lib.skipped().size());
            for (String s : lib.skipped()) {
                meta.writeUTF(clip(s));
            }
        }
        int n = lib.size();
        int m = lib.stickCount();
        ByteBuffer body = ByteBuffer.allocate(MAGIC.length + 8 + metaBytes.size() + 4 * (n + 1) + 8 * m + 8 * m + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        body.put(MAGIC).putInt(VERSION).putInt(metaBytes.size()).put(metaBytes.toByteArray());
        body.asIntBuffer().put(lib.starts());
        body.position(body.position() + 4 * (n + 1));
        body.asFloatBuffer().put(lib.twoThetas());
        body.position(body.position() + 4 * m);
        body.asFloatBuffer().put(lib.intensities());
        body.position(body.position() + 4 * m);
        for (short[] column : lib.indices()) {
            body.asShortBuffer().put(column);
            body.position(body.position() + 2 * m);
        }
        CRC32 crc = new CRC32();
        crc.update(body.array(), 0, body.position());
        body.putLong(crc.getValue());
        AtomicFiles.write(file, out -> out.write(body.array(), 0, body.position()));
    }

    private static String clip(String s) {
        return s.length() > MAX_UTF / 3 ? s.substring(0, MAX_UTF / 3) + "…" : s;
    }

    /** The cache key a file was written for, without reading the rest; empty when it is no stick library file. */
    public static Optional<String> keyOf(Path file) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                return Optional.empty();
            }
            in.skipNBytes(8); // version and metadata length, big-endian-agnostic: the key follows
            return Optional.of(in.readUTF());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static StickLibrary read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        try {
            return parse(all, file);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException(file + ": damaged stick library (" + e.getMessage() + ")", e);
        }
    }

    /** The key the file was written for is checked against {@code expectedKey}. */
    public static StickLibrary read(Path file, String expectedKey) throws IOException {
        StickLibrary lib = read(file);
        String key = keyOf(file).orElse("");
        if (!key.equals(expectedKey)) {
            throw new IOException(file + ": built for another library or wavelength (key " + key + ", expected " + expectedKey + ")");
        }
        return lib;
    }

    private static StickLibrary parse(byte[] all, Path file) throws IOException {
        if (all.length < MAGIC.length + 16 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(file + ": not a stick library file (no IRWSTICK header)");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        if (crc.getValue() != buf.getLong(all.length - 8)) {
            throw new IOException(file + ": damaged stick library (checksum mismatch; truncated or changed on disk)");
        }
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != VERSION) {
            throw new IOException(file + ": stick library format " + version + ", this version reads " + VERSION);
        }
        int metaLength = buf.getInt();
        DataInputStream meta = new DataInputStream(new ByteArrayInputStream(all, buf.position(), metaLength));
        buf.position(buf.position() + metaLength);
        meta.readUTF(); // the key
        String anode = meta.readUTF();
        double k1 = meta.readDouble();
        double k2 = meta.readDouble();
        double ratio = meta.readDouble();
        Wavelength w = new Wavelength(anode.isEmpty() ? Optional.empty() : Optional.of(anode), k1,
                Double.isNaN(k2) ? Optional.empty() : Optional.of(k2), ratio);
        double min = meta.readDouble();
        double max = meta.readDouble();
        int n = meta.readInt();
        int m = meta.readInt();
        if (n < 0 || m < 0 || (long) 4 * (n + 1) + 16L * m + 8 != all.length - buf.position()) {
            throw new IOException(file + ": damaged stick library (" + n + " structures and " + m + " sticks do not fit the file's size)");
        }
        CrystalSystem[] systems = CrystalSystem.values();
        List<StructureEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String source = meta.readUTF();
            String block = meta.readUTF();
            String mineral = meta.readUTF();
            String formula = meta.readUTF();
            String sg = meta.readUTF();
            int number = meta.readShort();
            int system = meta.readByte();
            String elements = meta.readUTF();
            entries.add(new StructureEntry(source, block, mineral, formula, sg, number,
                    system < 0 ? Optional.empty() : Optional.of(systems[system]),
                    elements.isEmpty() ? List.of() : List.of(elements.split(" "))));
        }
        int nSkipped = meta.readInt();
        List<String> skipped = new ArrayList<>(nSkipped);
        for (int i = 0; i < nSkipped; i++) {
            skipped.add(meta.readUTF());
        }
        int[] start = new int[n + 1];
        buf.asIntBuffer().get(start);
        buf.position(buf.position() + 4 * (n + 1));
        float[] tt = new float[m];
        float[] in = new float[m];
        buf.asFloatBuffer().get(tt);
        buf.position(buf.position() + 4 * m);
        buf.asFloatBuffer().get(in);
        buf.position(buf.position() + 4 * m);
        short[][] columns = new short[4][m];
        for (short[] c : columns) {
            buf.asShortBuffer().get(c);
            buf.position(buf.position() + 2 * m);
        }
        for (int i = 0; i < n; i++) {
            if (start[i] > start[i + 1]) {
                throw new IOException(file + ": damaged stick library (structure offsets decrease at " + i + ")");
            }
        }
        if (start[0] != 0 || start[n] != m) {
            throw new IOException(file + ": damaged stick library (structure offsets do not cover the sticks)");
        }
        return new StickLibrary(w, min, max, entries, start, tt, in, columns[0], columns[1], columns[2], columns[3], skipped);
    }
}
