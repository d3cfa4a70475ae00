package irw.core.io;

import irw.core.PatternFormatException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's .npz: a zip of {@code NAME.npy} entries, read by {@code numpy.load(path)["NAME"]}.
 * Entries get a fixed time stamp so equal arrays give byte-identical files; they are stored
 * (fastest to load) or deflated (smaller), as asked.
 */
public final class NpzArchive {
    /** 1980-01-01, the earliest zip (DOS) time, for reproducible files. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private NpzArchive() {
    }

    public static void write(Path target, Map<String, NpyArray> arrays, boolean compress) throws IOException {
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(6);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setTimeLocal(FIXED_TIME);
                if (compress) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    // a stored entry states its size and CRC up front: one pass to measure, one to write
                    CrcCounter counter = new CrcCounter();
                    NpyFormat.write(e.getValue(), counter);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(counter.count);
                    entry.setCompressedSize(counter.count);
                    entry.setCrc(counter.crc.getValue());
                }
                zip.putNextEntry(entry);
                NpyFormat.write(e.getValue(), zip);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    private static final class CrcCounter extends java.io.OutputStream {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }

    /** Every array of the archive, by name without {@code .npy}. */
    public static Map<String, NpyArray> read(Path file) throws PatternFormatException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                try {
                    out.put(name.substring(0, name.length() - 4), NpyFormat.read(zip, name));
                } catch (IOException | IllegalArgumentException e) {
                    throw new PatternFormatException(file, "entry " + name + ": " + e.getMessage(), e);
                }
            }
        } catch (ZipException e) {
            throw new PatternFormatException(file, "not a readable .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PatternFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new PatternFormatException(file, "holds no .npy arrays: not an .npz archive");
        }
        return out;
    }
}
