package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of bad input gives a PatternFormatException that names the file and says what is wrong. */
class BadInputTest {
    static final Path INSTRUMENT = RealInstrumentFilesTest.INSTRUMENT;

    @TempDir
    Path tmp;

    private Path write(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void rejects(Path file, String... messageParts) {
        assertThatThrownBy(() -> PatternReaders.read(file))
                .isInstanceOf(PatternFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContainingAll(messageParts)
                .satisfies(e -> assertThat(((PatternFormatException) e).file()).isEqualTo(file));
    }

    @Test
    void emptyFiles() throws IOException {
        rejects(write("empty.xy", new byte[0]), "empty (0 bytes)");
        rejects(write("blank.dat", "  \n\n \t\n"), "empty (only whitespace)");
        rejects(write("comments.xy", "# only a comment\n! and another\n"), "only comments");
        rejects(write("empty.xrdml", new byte[0]), "empty");
    }

    @Test
    void missingFilesAndDirectories() {
        rejects(tmp.resolve("nope.xy"), "no such file");
        rejects(tmp, "not a regular file");
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] raw = Files.readAllBytes(INSTRUMENT.resolve("TwoTheta_scan_scrambled.raw"));
        rejects(write("cut-header.raw", Arrays.copyOf(raw, 500)), "truncated");
        rejects(write("cut-data.raw", Arrays.copyOf(raw, raw.length - 100)), "claims 7134 points of 8 bytes", "truncated");
        byte[] rasx = Files.readAllBytes(INSTRUMENT.resolve("TwoTheta_scan_powder.rasx"));
        rejects(write("cut.rasx", Arrays.copyOf(rasx, rasx.length / 2)), "not a readable zip container");
        String dat = Files.readString(Path.of("sample-data/measured/PbSO4-round-robin-xray.dat"));
        rejects(write("cut.dat", dat.substring(0, dat.length() - 200)), "promises 6001 counts", "truncated");
        String xrdml = Files.readString(INSTRUMENT.resolve("XRD-918-16_10.xrdml"));
        rejects(write("cut.xrdml", xrdml.substring(0, xrdml.length() / 2)), "not well-formed XML");
    }

    @Test
    void binaryGarbageAndWrongMagicNumbers() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        rejects(write("garbage.xy", garbage), "binary content of no known diffraction format");
        rejects(write("garbage.rasx", garbage), "wrong magic number", "zip");
        byte[] raw = Files.readAllBytes(INSTRUMENT.resolve("TwoTheta_scan_scrambled.raw"));
        byte[] wrong = raw.clone();
        System.arraycopy("RAW9.99".getBytes(StandardCharsets.ISO_8859_1), 0, wrong, 0, 7);
        rejects(write("wrong-magic.raw", wrong), "wrong magic number", "RAW4.00");
        byte[] noMagic = raw.clone();
        noMagic[0] = 'X';
        rejects(write("no-magic.raw", noMagic), "wrong magic number");
        rejects(write("text.raw", "10 20\n11 30\n"), "wrong content for .raw");
    }

    @Test
    void absurdPointCountInABinaryHeaderIsCheckedBeforeAllocating() throws IOException {
        byte[] raw = Files.readAllBytes(INSTRUMENT.resolve("TwoTheta_scan_scrambled.raw"));
        ByteBuffer b = ByteBuffer.wrap(raw.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(447 + 88, Integer.MAX_VALUE); // the range's step count
        rejects(write("huge-count.raw", b.array()), "claims 2147483647 points");
        b.putInt(447 + 88, 2_000_000); // plausible as a count, impossible for the bytes present
        rejects(write("big-count.raw", b.array()), "claims 2000000 points of 8 bytes but only 57072 bytes follow");
        ByteBuffer seg = ByteBuffer.wrap(raw.clone()).order(ByteOrder.LITTLE_ENDIAN);
        seg.putInt(61 + 4, 0x7FFFFFF0); // first metadata segment's length
        rejects(write("huge-segment.raw", seg.array()), "has length", "outside the file");
    }

    @Test
    void zipBombsAreStoppedAtTheCap() throws IOException {
        // 80 MB of one repeated byte deflates to ~80 kB; the declared size is not consulted.
        Path rasxBomb = write("bomb.rasx", zip("Data0/Profile0.txt", 80 << 20, (byte) '1'));
        rejects(rasxBomb, "Data0/Profile0.txt inflates to more than 64 MB", "zip bomb");
        Path brmlBomb = write("bomb.brml", zip("Experiment0/RawData0.xml", 80 << 20, (byte) ' '));
        rejects(brmlBomb, "RawData0.xml inflates to more than 64 MB", "zip bomb");
    }

    @Test
    void zipWithTooManyEntriesIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= BoundedZip.MAX_ENTRIES; i++) {
                z.putNextEntry(new ZipEntry("Data0/x" + i));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("Data0/Profile0.txt"));
            z.write("10\t1\t1\n11\t2\t1\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        rejects(write("many.rasx", bytes.toByteArray()), "10002 entries");
    }

    @Test
    void zipWithoutTheExpectedEntries() throws IOException {
        rejects(write("other.zip", zip("hello.txt", 10, (byte) 'a')), "neither a Rigaku RASX profile", "Bruker BRML raw data", "nor a pattern set");
        rejects(write("other.brml", zip("hello.txt", 10, (byte) 'a')), "no RawData*.xml entry");
    }

    @Test
    void nonMonotonicAxesAreRejectedAndDescendingOnesReversed() throws IOException, PatternFormatException {
        rejects(write("zigzag.xy", "10 1\n11 2\n10.5 3\n12 4\n"), "line 3", "not monotonic", "11.0 then 10.5");
        rejects(write("repeat.xy", "10 1\n11 2\n11 3\n"), "line 3", "not monotonic");
        Pattern down = PatternReaders.read(write("down.xy", "12 4\n11 3\n10 2\n")).get(0);
        assertThat(down.twoThetaValues()).containsExactly(10, 11, 12);
        assertThat(down.intensityValues()).containsExactly(2, 3, 4);
        assertThat(down.metadata().extras()).containsEntry("axis_reversed", "true");
    }

    @Test
    void nanAndInfinityAreRejectedWithTheirPlace() throws IOException {
        rejects(write("nan.xy", "10 1\n11 NaN\n12 3\n"), "line 2", "intensity is NaN");
        rejects(write("inf.csv", "two_theta,intensity\n10,1\nInfinity,2\n11,3\n"), "CSV record 3", "2θ is Infinity");
        String xrdml = Files.readString(INSTRUMENT.resolve("XRD-918-16_10.xrdml")).replaceFirst(">1305 ", ">NaN ");
        rejects(write("nan.xrdml", xrdml), "scan 1 point 1", "intensity is NaN");
        rejects(write("word.xy", "10 1\n11 lots\n"), "line 2 column 2", "expected a number, found 'lots'");
    }

    @Test
    void xmlEntityExpansionIsRefused() throws IOException {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<xrdMeasurements>&b;</xrdMeasurements>";
        rejects(write("laughs.xrdml", laughs), "not well-formed XML", "DOCTYPE");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xrdMeasurements>&e;</xrdMeasurements>";
        rejects(write("external.xrdml", external), "DOCTYPE");
    }

    @Test
    void inconsistentXrdmlIsRejected() throws IOException {
        String xrdml = Files.readString(INSTRUMENT.resolve("m54313_om2th_10.xrdml"));
        String fewerFactors = xrdml.replaceFirst("<beamAttenuationFactors>1.00 ", "<beamAttenuationFactors>");
        rejects(write("factors.xrdml", fewerFactors), "1799 beam attenuation factors but 1800 intensities");
        String rocking = "<xrdMeasurements><xrdMeasurement><scan><dataPoints><positions axis=\"2Theta\"><commonPosition>30</commonPosition>"
                + "</positions><positions axis=\"Omega\"><startPosition>10</startPosition><endPosition>20</endPosition></positions>"
                + "<counts>1 2 3</counts></dataPoints></scan></xrdMeasurement></xrdMeasurements>";
        rejects(write("rocking.xrdml", rocking), "no 2θ scan", "keeps 2θ fixed");
        rejects(write("other-root.xml", "<?xml version=\"1.0\"?><project/>"), "root element <project>");
    }

    /**
     * Issue 15 item 8, the probe's input: an XRDML list longer than the 20 M point limit was read
     * whole (a 698 MB CSV; an OutOfMemoryError at -Xmx1g). It is refused once the list passes the limit.
     */
    @Test
    void anXrdmlListLongerThanTheScanLimitIsRefused() throws IOException {
        Path file = tmp.resolve("33M.xrdml");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("<xrdMeasurements><xrdMeasurement><scan><dataPoints><positions axis=\"2Theta\"><startPosition>5</startPosition>"
                    + "<endPosition>120</endPosition></positions><counts>").getBytes(StandardCharsets.US_ASCII));
            byte[] ones = "1 ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written <= ScanAssembly.MAX_POINTS; written += 1 << 16) {
                out.write(ones);
            }
            out.write("</counts></dataPoints></scan></xrdMeasurement></xrdMeasurements>".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(file)).isLessThan(PatternReaders.MAX_FILE_BYTES);
        rejects(file, "scan 1 <counts> holds more than 20,000,000 values");
    }

    @Test
    void proseIsNotAPattern() throws IOException {
        rejects(write("notes.txt", "Measured on Tuesday.\nSample was wet.\n"), "text without columns of numbers");
        rejects(write("numbers.md", "8,000 real digits, 28x28\n6,000 train and 2,000 test\n"), "text without columns of numbers");
        rejects(write("peaks.csv", "two_theta,intensity,hkl\n20.1,100,1 1 1\n20.1,50,2 0 0\n"), "a table of reflections");
        rejects(Path.of("sample-data/measured/LICENSE-MIT.txt"), "not a diffraction pattern");
    }

    /** A zip with one entry of {@code size} copies of {@code fill}, written without holding it in memory. */
    static byte[] zip(String entry, int size, byte fill) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(entry));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, fill);
            for (int written = 0; written < size; written += chunk.length) {
                z.write(chunk, 0, Math.min(chunk.length, size - written));
            }
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

}
