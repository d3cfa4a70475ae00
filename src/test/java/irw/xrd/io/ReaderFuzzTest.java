package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws seeded mutations of every real sample file at {@link PatternReaders#read(byte[], String)}:
 * bit flips, byte overwrites with edge values, truncations, insertions, deletions, chunk
 * duplications, splices of two files, extreme 32-bit header fields, line swaps in text, and
 * mutations of a zip's inner entries re-packed into a valid zip (so the XML and profile readers
 * see them, not only the inflater). Each read must return valid patterns or throw a
 * PatternFormatException naming the file, never another exception, and a rejection must come from
 * a reader's own check, not from the internal-error net.
 */
class ReaderFuzzTest {
    static final long SEED = 20261124L;
    static final int MUTATIONS = 10_200;

    record Seed(String name, byte[] bytes, Map<String, byte[]> zipEntries) {
    }

    @Test
    void mutatedRealFilesAreReadOrRejectedCleanly() throws IOException {
        List<Seed> seeds = seeds();
        // Each mutation has its own Random(SEED + i), so the set is the same whatever the thread order;
        // two threads because CI has two cores and this is the slowest test of the readers.
        var accepted = new java.util.concurrent.atomic.AtomicInteger();
        var rejected = new java.util.concurrent.atomic.AtomicInteger();
        var slowestNanos = new java.util.concurrent.atomic.AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> rejectedBy = new java.util.concurrent.ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        var pool = new java.util.concurrent.ForkJoinPool(2);
        try {
            pool.submit(() -> java.util.stream.IntStream.range(0, MUTATIONS).parallel().forEach(i -> {
                Random rnd = new Random(SEED + i);
                Seed seed = seeds.get(i % seeds.size());
                Seed other = seeds.get(rnd.nextInt(seeds.size()));
                int kind = rnd.nextInt(11);
                long t0 = System.nanoTime();
                try {
                    byte[] mutated = mutate(seed, other, kind, rnd);
                    t0 = System.nanoTime();
                    List<Pattern> patterns = PatternReaders.read(mutated, seed.name());
                    if (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.size() < 2 || p.name().isBlank())) {
                        failures.add("#" + i + " kind " + kind + " " + seed.name() + ": returned an invalid pattern list");
                    }
                    accepted.incrementAndGet();
                } catch (PatternFormatException e) {
                    rejected.incrementAndGet();
                    rejectedBy.merge(seed.name(), 1, Integer::sum);
                    if (!e.getMessage().startsWith(seed.name() + ": ") || e.getMessage().contains("(internal error: ")) {
                        failures.add("#" + i + " kind " + kind + " " + seed.name() + ": " + e.getMessage());
                    }
                } catch (Throwable t) {
                    failures.add("#" + i + " kind " + kind + " " + seed.name() + ": " + t);
                }
                long dt = System.nanoTime() - t0;
                slowestNanos.accumulateAndGet(dt, Math::max);
            })).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("fuzz run did not complete", e);
        } finally {
            pool.shutdown();
        }
        System.out.printf("fuzz: %d mutations of %d real files (seed %d): %d read, %d rejected with PatternFormatException, "
                        + "%d failures; slowest read %.0f ms; %.1f s wall on 2 threads, %.1f s CPU%n",
                MUTATIONS, seeds.size(), SEED, accepted.get(), rejected.get(), failures.size(), slowestNanos.get() / 1e6,
                (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9);
        System.out.println("fuzz: rejections per file " + rejectedBy);
        assertThat(failures).as("mutations that crashed or hit the internal-error net").isEmpty();
        assertThat(accepted.get() + rejected.get()).isEqualTo(MUTATIONS);
        assertThat(rejected.get()).as("the mutations must actually break files").isGreaterThan(MUTATIONS / 10);
        assertThat(accepted.get()).as("the mutations must also leave readable files").isGreaterThan(MUTATIONS / 10);
    }

    static List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        for (Path dir : List.of(RealInstrumentFilesTest.MEASURED, RealInstrumentFilesTest.INSTRUMENT)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("LICENSE") || name.equals("labels.csv")) {
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(p);
                    seeds.add(new Seed(name, bytes, name.endsWith(".rasx") || name.endsWith(".brml") ? slimEntries(bytes) : null));
                }
            }
        }
        return seeds;
    }

    /** The entries the readers use (skipping Bruker's 4 MB instruction and measurement containers). */
    private static Map<String, byte[]> slimEntries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().contains("Profile") || e.getName().contains("Conditions") || e.getName().contains("RawData")) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    static byte[] mutate(Seed seed, Seed other, int kind, Random rnd) throws IOException {
        if (seed.zipEntries() != null && kind >= 8) {
            return mutateInsideZip(seed, other, rnd);
        }
        return mutateBytes(seed.bytes(), other.bytes(), kind, rnd);
    }

    private static byte[] mutateInsideZip(Seed seed, Seed other, Random rnd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>(seed.zipEntries().keySet());
        String victim = names.get(rnd.nextInt(names.size()));
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                byte[] content = seed.zipEntries().get(name);
                if (name.equals(victim)) {
                    content = mutateBytes(content, other.bytes(), rnd.nextInt(8), rnd);
                }
                z.putNextEntry(new ZipEntry(name));
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static final byte[][] EDGE_VALUES = {
            {0}, {(byte) 0xFF}, {0x7F}, {(byte) 0x80}, "-".getBytes(StandardCharsets.US_ASCII), "9".getBytes(StandardCharsets.US_ASCII),
            "NaN".getBytes(StandardCharsets.US_ASCII), "e999".getBytes(StandardCharsets.US_ASCII), "<".getBytes(StandardCharsets.US_ASCII),
            "\n".getBytes(StandardCharsets.US_ASCII), {0, 0, (byte) 0xC0, 0x7F}, {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}};

    static byte[] mutateBytes(byte[] src, byte[] other, int kind, Random rnd) {
        byte[] b = src.clone();
        int n = b.length;
        switch (kind) {
            case 0 -> { // bit flips
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int at = rnd.nextInt(n);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 1 -> { // overwrite with an edge value
                byte[] v = EDGE_VALUES[rnd.nextInt(EDGE_VALUES.length)];
                int at = rnd.nextInt(n);
                for (int k = 0; k < v.length && at + k < n; k++) {
                    b[at + k] = v[k];
                }
                return b;
            }
            case 2 -> { // truncation
                return java.util.Arrays.copyOf(b, rnd.nextInt(n + 1));
            }
            case 3 -> { // insertion of random bytes
                byte[] ins = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(ins);
                return splice(b, rnd.nextInt(n + 1), 0, ins);
            }
            case 4 -> { // deletion of a range
                int at = rnd.nextInt(n);
                return splice(b, at, Math.min(n - at, 1 + rnd.nextInt(Math.max(1, n / 8))), new byte[0]);
            }
            case 5 -> { // splice: head of this file, tail of another
                int cutA = rnd.nextInt(n + 1);
                int cutB = rnd.nextInt(other.length + 1);
                byte[] out = new byte[cutA + other.length - cutB];
                System.arraycopy(b, 0, out, 0, cutA);
                System.arraycopy(other, cutB, out, cutA, other.length - cutB);
                return out;
            }
            case 6 -> { // a 32-bit field near the start set to an extreme (binary headers live there)
                int at = rnd.nextInt(Math.min(n, 2048)) & ~3;
                int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 24, rnd.nextInt()};
                int v = extremes[rnd.nextInt(extremes.length)];
                for (int k = 0; k < 4 && at + k < n; k++) {
                    b[at + k] = (byte) (v >>> (8 * k));
                }
                return b;
            }
            default -> { // duplicate a chunk, or swap two lines of text
                if (rnd.nextBoolean()) {
                    int at = rnd.nextInt(n);
                    int len = Math.min(n - at, 1 + rnd.nextInt(256));
                    return splice(b, rnd.nextInt(n + 1), 0, java.util.Arrays.copyOfRange(b, at, at + len));
                }
                return swapLines(b, rnd);
            }
        }
    }

    private static byte[] swapLines(byte[] b, Random rnd) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        if (lines.length < 3) {
            return b;
        }
        int i = rnd.nextInt(lines.length);
        int j = rnd.nextInt(lines.length);
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
