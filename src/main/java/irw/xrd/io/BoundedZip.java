package irw.xrd.io;

import irw.core.PatternFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads chosen entries of a zip container (.rasx, .brml) without trusting it.
 *
 * <p>Zip bombs: the sizes an entry declares are ignored; every entry is inflated through a counter
 * that stops at {@link #MAX_ENTRY_BYTES} per entry and {@link #MAX_TOTAL_BYTES} per archive, and an
 * archive with more than {@link #MAX_ENTRIES} entries is refused before anything is inflated. Only
 * the entries a reader asks for are inflated at all.
 */
final class BoundedZip implements AutoCloseable {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_ENTRY_BYTES = 64L << 20;
    static final long MAX_TOTAL_BYTES = 256L << 20;

    private final SourceFile src;
    private final ZipFile zip;
    private final Path tempCopy;
    private final List<String> names;
    private long inflatedTotal;

    private BoundedZip(SourceFile src, ZipFile zip, Path tempCopy, List<String> names) {
        this.src = src;
        this.zip = zip;
        this.tempCopy = tempCopy;
        this.names = names;
    }

    static BoundedZip open(SourceFile src) throws PatternFormatException {
        Path temp = null;
        ZipFile zip = null;
        try {
            Path file = src.path();
            if (!src.onDisk()) {
                // java.util.zip.ZipFile reads the central directory, so only wanted entries are inflated;
                // it needs a file, hence a private copy for in-memory sources.
                temp = Files.createTempFile("irw-zip-", ".zip");
                Files.write(temp, src.bytes());
                file = temp;
            }
            zip = new ZipFile(file.toFile());
            if (zip.size() > MAX_ENTRIES) {
                throw src.fail("zip container lists " + zip.size() + " entries (limit " + MAX_ENTRIES + "): refusing it");
            }
            List<String> names = new ArrayList<>();
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                if (names.size() >= MAX_ENTRIES) {
                    throw src.fail("zip container has more than " + MAX_ENTRIES + " entries: refusing it");
                }
                names.add(entries.nextElement().getName());
            }
            return new BoundedZip(src, zip, temp, Collections.unmodifiableList(names));
        } catch (ZipException e) {
            closeQuietly(zip);
            deleteQuietly(temp);
            throw src.fail("not a readable zip container (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            deleteQuietly(temp);
            throw src.fail("zip container could not be opened: " + e, e);
        } catch (PatternFormatException e) {
            closeQuietly(zip);
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Entry names whose full name matches the regex, in natural order (Data0 before Data1...). */
    List<String> namesMatching(Pattern regex) {
        return names.stream().filter(n -> regex.matcher(n).matches()).sorted(NaturalOrder.INSTANCE).toList();
    }

    /** Inflates one entry under the limits. */
    byte[] read(String name) throws PatternFormatException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw src.fail("zip entry " + name + " is missing");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            var out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long entryBytes = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                entryBytes += n;
                inflatedTotal += n;
                if (entryBytes > MAX_ENTRY_BYTES) {
                    throw src.fail("zip entry " + name + " inflates to more than " + (MAX_ENTRY_BYTES >> 20)
                            + " MB: refusing it (possible zip bomb)");
                }
                if (inflatedTotal > MAX_TOTAL_BYTES) {
                    throw src.fail("zip container inflates to more than " + (MAX_TOTAL_BYTES >> 20)
                            + " MB: refusing it (possible zip bomb)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw src.fail("zip entry " + name + " is corrupt (" + e.getMessage() + ")", e);
        }
    }

    List<String> names() {
        return names;
    }

    @Override
    public void close() {
        closeQuietly(zip);
        deleteQuietly(tempCopy);
    }

    private static void closeQuietly(ZipFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the OS temp cleaner removes it
            }
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
