package irw.core.io;

import irw.core.PatternFormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpzArchiveTest {
    @TempDir
    Path dir;

    static Map<String, NpyArray> sample() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("patterns", NpyArray.ofFloatRows(new float[][]{{0f, 0.5f, 1f}, {1.25f, -2f, 3.5e-8f}}, 3));
        arrays.put("labels", NpyArray.ofInts(new int[]{6, 0}));
        arrays.put("ids", NpyArray.ofStrings(List.of("amcsd_0000003", "Ünïcødé")));
        arrays.put("params", NpyArray.ofDoubleRows(new double[][]{{Math.PI}, {-1e300}}, 1));
        return arrays;
    }

    @Test
    void roundTripsEveryDtypeStoredAndDeflatedAndIsReproducible() throws Exception {
        for (boolean compress : new boolean[]{false, true}) {
            Path a = dir.resolve("a" + compress + ".npz");
            Path b = dir.resolve("b" + compress + ".npz");
            NpzArchive.write(a, sample(), compress);
            NpzArchive.write(b, sample(), compress);
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
            Map<String, NpyArray> back = NpzArchive.read(a);
            assertThat(back.keySet()).containsExactly("patterns", "labels", "ids", "params");
            assertThat(back.get("patterns").shape()).containsExactly(2, 3);
            assertThat(back.get("patterns").toFloatRows()[1]).containsExactly(1.25f, -2f, 3.5e-8f);
            assertThat(back.get("labels").ints()).containsExactly(6, 0);
            assertThat(back.get("ids").strings()).containsExactly("amcsd_0000003", "Ünïcødé");
            assertThat(back.get("params").toDoubleRows()[0][0]).isEqualTo(Math.PI);
        }
        byte[] npy = NpyFormat.toBytes(NpyArray.ofInts(new int[]{1, 2, 3}));
        assertThat((npy.length - 12) % 64).as("header padded to 64 bytes, then 3 int32").isZero();
        assertThat(new String(npy, 10, 60, StandardCharsets.US_ASCII)).contains("'shape': (3,)");
    }

    @Test
    void corruptAndForeignFilesGiveErrorsNamingTheFile() throws Exception {
        Path notZip = dir.resolve("noise.npz");
        Files.writeString(notZip, "this is not a zip archive");
        assertThatThrownBy(() -> NpzArchive.read(notZip)).isInstanceOf(PatternFormatException.class).hasMessageContaining("noise.npz");
        Path truncated = dir.resolve("cut.npz");
        NpzArchive.write(truncated, sample(), false);
        byte[] all = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(all, 200));
        assertThatThrownBy(() -> NpzArchive.read(truncated)).isInstanceOf(PatternFormatException.class).hasMessageContaining("cut.npz");
    }

    /** numpy itself reads what we write and writes what we read (skipped where python3/numpy is missing). */
    @Test
    void numpyReadsOurFilesAndWeReadNumpys() throws Exception {
        Assumptions.assumeTrue(run("python3", "-c", "import numpy") == 0, "python3 with numpy is not installed");
        Path ours = dir.resolve("ours.npz");
        NpzArchive.write(ours, sample(), true);
        Path theirs = dir.resolve("theirs.npz");
        String script = "import numpy as np, sys\n"
                + "d = np.load(sys.argv[1])\n"
                + "assert d['patterns'].dtype == np.float32 and d['patterns'].shape == (2, 3), d['patterns']\n"
                + "assert float(d['patterns'][1, 2]) == float(np.float32(3.5e-8))\n"
                + "assert list(d['labels']) == [6, 0] and d['ids'][1] == 'Ünïcødé' and d['params'][0, 0] == np.pi\n"
                + "np.savez(sys.argv[2], x=np.arange(6, dtype=np.int64).reshape(2, 3), f=np.linspace(0, 1, 5, dtype=np.float32), s=np.array(['ab', 'c']))\n";
        assertThat(run("python3", "-c", script, ours.toString(), theirs.toString())).isZero();
        Map<String, NpyArray> back = NpzArchive.read(theirs);
        assertThat(back.get("x").ints()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(back.get("f").floats()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f);
        assertThat(back.get("s").strings()).containsExactly("ab", "c");
    }

    static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.out.println(String.join(" ", command) + ": " + output);
        }
        return p.exitValue();
    }

    @Test
    void aForgedShapeIsRefusedBeforeAnythingHugeIsAllocated() throws Exception {
        // header claims 2,000,000,000 float32 values (8 GB) but holds 12 bytes
        for (String shape : new String[]{"(2000000000,)", "(1000000, 2000)", "(-5, 3)", "(abc,)"}) {
            String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
            StringBuilder header = new StringBuilder(dict);
            while ((10 + header.length() + 1) % 64 != 0) {
                header.append(' ');
            }
            header.append('\n');
            var bytes = new java.io.ByteArrayOutputStream();
            bytes.write(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
            bytes.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
            bytes.write(new byte[12]);
            assertThatThrownBy(() -> NpyFormat.read(new java.io.ByteArrayInputStream(bytes.toByteArray()), "forged.npy"))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("forged.npy");
        }
    }
}
