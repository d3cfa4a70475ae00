package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 items 1, 2 and 4 on the probe's inputs: numbers are read in the file's own convention
 * (decided from the whole file), or the file is refused naming the reason; UTF-16 with a BOM and
 * Fortran D exponents read; fixed-width lines whose columns run together are split at the widths
 * the other lines fix, or skipped with a warning that counts them. Never a silent misread.
 */
class NumberConventionTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, text.getBytes(charset));
        return p;
    }

    private static Pattern one(Path file) throws PatternFormatException {
        List<Pattern> read = PatternReaders.read(file);
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static void refuses(Path file, String... reason) {
        assertThatThrownBy(() -> PatternReaders.read(file)).isInstanceOf(PatternFormatException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContainingAll(reason);
    }

    @Test
    void thousandsSeparatorsAreReadAsThousands() throws Exception {
        // the probe: "10.00<TAB>1,204" was read as intensity 1 (the comma taken for a column separator)
        Pattern p = one(write("grouped.xy", "10.00\t1,204\n10.02\t1,310\n10.04\t987\n10.06\t12,345,678\n"));
        assertThat(p.twoThetaValues()).containsExactly(10.00, 10.02, 10.04, 10.06);
        assertThat(p.intensityValues()).containsExactly(1204, 1310, 987, 12345678);
        assertThat(p.metadata().extras()).containsEntry("number_convention", "decimal '.', thousands ','");
        Pattern spaced = one(write("grouped-spaces.xy", "10.00   1,204.5\n10.02   1,310.25\n10.04   987.0\n"));
        assertThat(spaced.intensityValues()).containsExactly(1204.5, 1310.25, 987.0);
    }

    @Test
    void decimalCommasAreReadOnCoarseAndFineScans() throws Exception {
        // the probe: on a coarse scan every intensity became 0; a fine scan was refused as "not monotonic"
        Pattern coarse = one(write("coarse.xy", "10,0\t523,5\n10,5\t600,0\n11,0\t550,25\n11,5\t1.204,5\n"));
        assertThat(coarse.twoThetaValues()).containsExactly(10.0, 10.5, 11.0, 11.5);
        assertThat(coarse.intensityValues()).containsExactly(523.5, 600.0, 550.25, 1204.5);
        StringBuilder fine = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            fine.append(String.format(Locale.GERMANY, "%.2f\t%.1f%n", 10 + 0.01 * i, 100 + i * 0.5));
        }
        Pattern f = one(write("fine.dat", fine.toString()));
        assertThat(f.size()).isEqualTo(500);
        assertThat(f.twoTheta(499)).isEqualTo(14.99, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(f.intensity(3)).isEqualTo(101.5);
        assertThat(f.metadata().extras()).containsEntry("number_convention", "decimal ','");
    }

    @Test
    void aEuropeanSemicolonCsvWithDecimalCommasReads() throws Exception {
        Pattern withHeader = one(write("export.csv", "2Theta;Intensity\n10,00;523,5\n10,02;1.204,5\n10,04;987\n"));
        assertThat(withHeader.twoThetaValues()).containsExactly(10.00, 10.02, 10.04);
        assertThat(withHeader.intensityValues()).containsExactly(523.5, 1204.5, 987.0);
        Pattern bare = one(write("export.txt", "10,00 ; 523,5\n10,02 ; 524\n10,04 ; 525,25\n"));
        assertThat(bare.intensityValues()).containsExactly(523.5, 524.0, 525.25);
    }

    @Test
    void aFileThatMixesConventionsOrIsAmbiguousIsRefusedWithTheReason() throws Exception {
        refuses(write("mixed.xy", "10.5\t523,5\n11.0\t600,25\n"), "mixes number conventions", "'523,5' (line 1)", "'10.5' (line 1)");
        refuses(write("ambiguous.xy", "10\t1,204\n11\t1,310\n12\t1,400\n"), "cannot tell whether the comma in '1,204' (line 1)");
        refuses(write("bad-groups.xy", "10.00\t1,204\n10.02\t12,34\n"), "mixes number conventions");
        refuses(write("both-ways.xy", "10.0,523\n10.5 600,5\n"), "commas separate the columns on line 1", "inside numbers on line 2");
        // plain CSV without blanks is still comma-separated
        assertThat(one(write("plain.csv.txt", "10.0,523\n10.5,600\n11.0,550\n")).intensityValues()).containsExactly(523, 600, 550);
        assertThat(one(write("padded.txt", "10.0, 523\n10.5, 600\n11.0, 550\n")).intensityValues()).containsExactly(523, 600, 550);
    }

    @Test
    void utf16WithAByteOrderMarkAndFortranDExponentsRead() throws Exception {
        String text = "# exported as Unicode\n10.0 100\n10.5 200\n11.0 150\n";
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[]{(byte) 0xFF, (byte) 0xFE} : new byte[]{(byte) 0xFE, (byte) 0xFF};
            byte[] body = text.getBytes(cs);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, 2);
            System.arraycopy(body, 0, all, 2, body.length);
            Path f = tmp.resolve("unicode-" + cs.name() + ".xy");
            Files.write(f, all);
            assertThat(one(f).intensityValues()).as(cs.name()).containsExactly(100, 200, 150);
        }
        refuses(write("no-bom.xy", text, StandardCharsets.UTF_16LE), "UTF-16 text without a byte-order mark");
        Pattern fortran = one(write("fortran.dat", "  1.0000D+01  1.0D+02\n  1.0500D+01  2.5d+02\n  1.1000D+01  1.5D2\n"));
        assertThat(fortran.twoThetaValues()).containsExactly(10.0, 10.5, 11.0);
        assertThat(fortran.intensityValues()).containsExactly(100, 250, 150);
        refuses(write("suffix.xy", "10.0 100d\n10.5 200d\n"), "not a diffraction pattern"); // Java's "d" suffix is no exponent
    }

    @Test
    void runTogetherFixedWidthLinesAreSplitAtTheOtherLinesWidths() throws Exception {
        // "%7.4f%5d": counts of five digits fill their field and touch the angle
        StringBuilder fixed = new StringBuilder();
        int[] counts = {9876, 10228, 9990, 12001, 8765, 7654};
        for (int i = 0; i < counts.length; i++) {
            fixed.append(String.format(Locale.ROOT, "%7.4f%5d%n", 14.1481 + 0.02 * i, counts[i]));
        }
        assertThat(fixed.toString()).contains("14.168110228");
        Pattern p = one(write("fixed.dat", fixed.toString()));
        assertThat(p.intensityValues()).containsExactly(9876, 10228, 9990, 12001, 8765, 7654);
        assertThat(p.twoTheta(1)).isEqualTo(14.1681);
        assertThat(p.metadata().warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("2 lines where 2θ and intensity run together split after the 4 decimals", "lines 2, 4"));

        // free layout with varying decimals: the widths are unknown, so the line is skipped and counted
        Pattern free = one(write("free.xy", "14.15 9876\n14.168110228\n14.2 9990\n14.25 9000\n"));
        assertThat(free.intensityValues()).containsExactly(9876, 9990, 9000);
        assertThat(free.metadata().warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("1 line where 2θ and intensity run together skipped", "the other lines do not fix the column widths", "line 2"));
        // any other damaged line still fails the file, naming the line
        refuses(write("damaged.xy", "14.15 9876\n14.17 9900\nabc\n14.2 9990\n"), "line 3", "expected 2θ and intensity", "'abc'");
    }
}
