package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.io.NpyArray;
import irw.core.io.NpyFormat;
import irw.core.io.NpzArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workbench's own .npz pattern sets, as the simulator writes them. */
class NpzPatternSetTest {
    @TempDir
    Path tmp;

    @Test
    void readsPatternsAndGroundTruthNamedByStructure() throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("two_theta", new NpyArray("<f8", new int[]{3}, new double[]{5, 6, 7}));
        arrays.put("patterns", NpyArray.ofFloatRows(new float[][]{{0, 0.5f, 1}, {1, 0.25f, 0}}, 3));
        arrays.put("ground_truth", NpyArray.ofFloatRows(new float[][]{{0, 1, 0}, {1, 0, 0}}, 3));
        arrays.put("structure_ids", NpyArray.ofStrings(List.of("amcsd_1", "amcsd_2")));
        arrays.put("labels", NpyArray.ofInts(new int[]{6, 0}));
        Path file = tmp.resolve("set.npz");
        NpzArchive.write(file, arrays, true);
        List<Pattern> ps = PatternReaders.read(file);
        assertThat(ps).extracting(Pattern::name).containsExactly("amcsd_1", "amcsd_2", "amcsd_1 ground truth", "amcsd_2 ground truth");
        assertThat(ps.get(1).twoThetaValues()).containsExactly(5, 6, 7);
        assertThat(ps.get(1).intensityValues()).containsExactly(1, 0.25, 0);
        assertThat(ps.get(2).intensityValues()).containsExactly(0, 1, 0);
        assertThat(ps.get(0).metadata().format()).isEqualTo("npz");
        assertThat(ps.get(0).metadata().extras()).containsEntry("label_index", "6");
        assertThat(PatternReaders.detectFormat(file)).isEqualTo("npz");
    }

    @Test
    void theSampleDataSetsRead() throws PatternFormatException {
        List<Pattern> ideal = PatternReaders.read(Path.of("sample-data/datasets/xrd/ideal.npz"));
        List<Pattern> imperfect = PatternReaders.read(Path.of("sample-data/datasets/xrd/imperfect.npz"));
        assertThat(ideal).isNotEmpty().allSatisfy(p -> {
            assertThat(p.size()).isEqualTo(2000);
            assertThat(p.firstTwoTheta()).isEqualTo(5);
            assertThat(p.lastTwoTheta()).isEqualTo(80);
        });
        // one imperfect pattern and one ground truth per held-out structure
        assertThat(imperfect.size() % 2).isZero();
        assertThat(imperfect.get(imperfect.size() / 2).name()).isEqualTo(imperfect.get(0).name() + " ground truth");
    }

    @Test
    void mutatedPatternSetsAreReadOrRejectedCleanly() throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        float[][] rows = new float[3][50];
        double[] axis = new double[50];
        for (int k = 0; k < 50; k++) {
            axis[k] = 5 + k;
            for (int r = 0; r < 3; r++) {
                rows[r][k] = (float) Math.sin(k * (r + 1));
            }
        }
        arrays.put("two_theta", new NpyArray("<f8", new int[]{50}, axis));
        arrays.put("patterns", NpyArray.ofFloatRows(rows, 50));
        arrays.put("structure_ids", NpyArray.ofStrings(List.of("a", "b", "c")));
        for (boolean compress : new boolean[]{false, true}) {
            Path file = tmp.resolve("small-" + compress + ".npz");
            NpzArchive.write(file, arrays, compress);
            byte[] original = Files.readAllBytes(file);
            int rejected = 0;
            for (int i = 0; i < 1000; i++) {
                java.util.Random rnd = new java.util.Random(ReaderFuzzTest.SEED + i);
                byte[] mutated = ReaderFuzzTest.mutateBytes(original, original, rnd.nextInt(8), rnd);
                try {
                    assertThat(PatternReaders.read(mutated, "small.npz")).isNotEmpty();
                } catch (PatternFormatException e) {
                    rejected++;
                    assertThat(e.getMessage()).doesNotContain("internal error");
                }
            }
            System.out.printf("npz fuzz (%s): 1000 mutations, %d rejected with PatternFormatException%n",
                    compress ? "deflated" : "stored", rejected);
            assertThat(rejected).isBetween(100, 1000);
        }
        // mutations inside the .npy entries, re-zipped with valid CRCs, reach the array parsing itself
        Map<String, byte[]> entries = new LinkedHashMap<>();
        arrays.forEach((name, array) -> entries.put(name + ".npy", NpyFormat.toBytes(array)));
        List<String> names = List.copyOf(entries.keySet());
        int rejected = 0;
        for (int i = 0; i < 1000; i++) {
            java.util.Random rnd = new java.util.Random(ReaderFuzzTest.SEED - i);
            String victim = names.get(rnd.nextInt(names.size()));
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zipped)) {
                for (String name : names) {
                    byte[] content = entries.get(name);
                    z.putNextEntry(new ZipEntry(name));
                    z.write(name.equals(victim) ? ReaderFuzzTest.mutateBytes(content, content, rnd.nextInt(8), rnd) : content);
                    z.closeEntry();
                }
            }
            try {
                assertThat(PatternReaders.read(zipped.toByteArray(), "inner.npz")).isNotEmpty();
            } catch (PatternFormatException e) {
                rejected++;
                assertThat(e.getMessage()).doesNotContain("internal error");
            }
        }
        System.out.printf("npz fuzz (inside the .npy entries): 1000 mutations, %d rejected with PatternFormatException%n", rejected);
        assertThat(rejected).isBetween(100, 1000);
    }

    @Test
    void aForgedShapeIsRefusedBeforeAllocating() throws Exception {
        byte[] axis = NpyFormat.toBytes(new NpyArray("<f8", new int[]{2}, new double[]{5, 6}));
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 20000), }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        forged.write(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        forged.write(header.getBytes(StandardCharsets.ISO_8859_1));
        forged.write(new byte[16]);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("two_theta.npy"));
            z.write(axis);
            z.putNextEntry(new ZipEntry("patterns.npy"));
            z.write(forged.toByteArray());
            z.closeEntry();
        }
        Path file = tmp.resolve("forged.npz");
        Files.write(file, zip.toByteArray());
        assertThatThrownBy(() -> PatternReaders.read(file)).isInstanceOf(PatternFormatException.class)
                .hasMessageContaining("patterns.npy claims 2000000000 values of 4 bytes but holds 16 bytes");
    }
}
