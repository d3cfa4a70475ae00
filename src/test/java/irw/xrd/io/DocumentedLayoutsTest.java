package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.Wavelength;
import irw.core.io.PatternCsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Formats with no real sample file in the repository, built byte by byte from their documented
 * layouts (Bruker RAW v1-v3 after the DIFFRAC^plus XCH manual as xylib implements it; UXD; text
 * variants), plus read-back of what the CSV writer produces.
 */
class DocumentedLayoutsTest {
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

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void ascii(ByteBuffer b, int at, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            b.put(at + i, bytes[i]);
        }
    }

    @Test
    void brukerRawVersion1WithTwoRanges() throws Exception {
        // per range after "RAW ": +0 steps, +4 time, +8 step, +20 start (f32), +36 sample[32], +68 Kα1, +72 Kα2, +148 more-flag, data +152
        int n1 = 5;
        int n2 = 3;
        ByteBuffer b = le(4 + 152 + 4 * n1 + 4 + 152 + 4 * n2);
        ascii(b, 0, "RAW ");
        int p = 4;
        b.putInt(p, n1).putFloat(p + 4, 2f).putFloat(p + 8, 0.5f).putFloat(p + 20, 10f);
        ascii(b, p + 36, "quartz");
        b.putFloat(p + 68, 1.5406f).putFloat(p + 72, 1.54439f).putInt(p + 148, 1);
        for (int i = 0; i < n1; i++) {
            b.putFloat(p + 152 + 4 * i, 100 + i);
        }
        p += 152 + 4 * n1;
        ascii(b, p, "RAW "); // early files repeat the magic before a further range
        p += 4;
        b.putInt(p, n2).putFloat(p + 8, 0.25f).putFloat(p + 20, 30f).putInt(p + 148, 0);
        for (int i = 0; i < n2; i++) {
            b.putFloat(p + 152 + 4 * i, 7 * i);
        }
        List<Pattern> ps = PatternReaders.read(write("v1.raw", b.array()));
        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).twoThetaValues()).containsExactly(10, 10.5, 11, 11.5, 12);
        assertThat(ps.get(0).intensityValues()).containsExactly(100, 101, 102, 103, 104);
        assertThat(ps.get(0).metadata().format()).isEqualTo("bruker-raw-v1");
        assertThat(ps.get(0).metadata().extras()).containsEntry("sample_id", "quartz");
        assertThat(ps.get(0).metadata().wavelength().orElseThrow().kAlpha1()).isCloseTo(1.5406, within(1e-6));
        assertThat(ps.get(1).twoThetaValues()).containsExactly(30, 30.25, 30.5);
        assertThat(ps.get(1).intensityValues()).containsExactly(0, 7, 14);
        assertThat(ps.get(1).name()).isEqualTo("v1 range 2");
    }

    @Test
    void brukerRawVersion2() throws Exception {
        int n = 4;
        ByteBuffer b = le(256 + 48 + 4 * n);
        ascii(b, 0, "RAW2");
        b.putShort(4, (short) 1);
        ascii(b, 188, "Co");
        b.putFloat(190, 1.78897f).putFloat(194, 1.79285f).putFloat(198, 0.5f);
        b.putShort(256, (short) 48).putShort(258, (short) n).putFloat(256 + 8, 1f).putFloat(256 + 12, 0.02f).putFloat(256 + 16, 20f);
        for (int i = 0; i < n; i++) {
            b.putFloat(256 + 48 + 4 * i, 50 * i);
        }
        Pattern p = PatternReaders.read(write("v2.raw", b.array())).get(0);
        assertThat(p.metadata().format()).isEqualTo("bruker-raw-v2");
        assertThat(p.size()).isEqualTo(4);
        assertThat(p.firstTwoTheta()).isEqualTo(20);
        assertThat(p.lastTwoTheta()).isCloseTo(20.06, within(1e-5));
        assertThat(p.intensity(3)).isEqualTo(150);
        Wavelength wl = p.metadata().wavelength().orElseThrow();
        assertThat(wl.anode()).contains("Co");
        assertThat(wl.kAlpha1()).isCloseTo(1.78897, within(1e-6));
        assertThat(wl.kAlpha2Ratio()).isEqualTo(0.5);
    }

    @Test
    void brukerRawVersion3WithSupplementaryHeader() throws Exception {
        // 712-byte file header; ranges: 304-byte header (+4 steps, +16 start 2θ, +176 step, +256 supplementary size)
        int n = 6;
        int supplementary = 40;
        ByteBuffer b = le(712 + 304 + supplementary + 4 * n);
        ascii(b, 0, "RAW1.01");
        b.putInt(8, 1).putInt(12, 1);
        ascii(b, 326, "LaB6 SRM 660c");
        ascii(b, 608, "Cu");
        b.putDouble(616, 1.5418).putDouble(624, 1.540598).putDouble(632, 1.544426).putDouble(640, 1.39225).putDouble(648, 0.5);
        int r = 712;
        b.putInt(r, 304).putInt(r + 4, n).putDouble(r + 8, 10).putDouble(r + 16, 20).putDouble(r + 176, 0.05)
                .putFloat(r + 192, 1.5f).putDouble(r + 240, 1.5406).putInt(r + 256, supplementary);
        for (int i = 0; i < n; i++) {
            b.putFloat(r + 304 + supplementary + 4 * i, 1000 - i);
        }
        Pattern p = PatternReaders.read(write("v3.raw", b.array())).get(0);
        assertThat(p.metadata().format()).isEqualTo("bruker-raw-v3");
        assertThat(p.size()).isEqualTo(6);
        assertThat(p.firstTwoTheta()).isEqualTo(20);
        assertThat(p.lastTwoTheta()).isCloseTo(20.25, within(1e-12));
        assertThat(p.intensityValues()).containsExactly(1000, 999, 998, 997, 996, 995);
        assertThat(p.metadata().extras()).containsEntry("sample_id", "LaB6 SRM 660c");
        Wavelength wl = p.metadata().wavelength().orElseThrow();
        assertThat(wl).isEqualTo(Wavelength.of("Cu", 1.540598, 1.544426, 0.5));
    }

    @Test
    void uxdWithCountsAndTwoColumnRanges() throws Exception {
        String uxd = """
                ; written by DIFFRAC-AT
                _FILEVERSION=1
                _SAMPLE='quartz'
                _WL1=1.540600
                _WL2=1.544390
                _WLRATIO=0.500000
                _ANODE='Cu'
                ; Data for range 1
                _DRIVE='COUPLED'
                _STEPTIME=1.0
                _STEPSIZE=0.020000
                _START=10.0000
                _COUNTS
                   100   110   120   130
                   140   150
                ; Data for range 2
                _DRIVE='COUPLED'
                _2THETACOUNTS
                  20.0   5
                  20.5   6 ; a comment after data
                  21.0   7
                """;
        List<Pattern> ps = PatternReaders.read(write("quartz.uxd", uxd));
        assertThat(ps).hasSize(2);
        Pattern counts = ps.get(0);
        assertThat(counts.metadata().format()).isEqualTo("uxd");
        assertThat(counts.size()).isEqualTo(6);
        assertThat(counts.lastTwoTheta()).isCloseTo(10.1, within(1e-12));
        assertThat(counts.intensity(5)).isEqualTo(150);
        assertThat(counts.metadata().wavelength()).contains(Wavelength.of("Cu", 1.5406, 1.54439, 0.5));
        assertThat(counts.metadata().extras()).containsEntry("sample", "quartz").containsEntry("drive", "COUPLED");
        assertThat(ps.get(1).twoThetaValues()).containsExactly(20, 20.5, 21);
        assertThat(ps.get(1).intensityValues()).containsExactly(5, 6, 7);
        // detected from content even without the extension
        assertThat(PatternReaders.read(write("quartz.txt", uxd))).hasSize(2);
    }

    @Test
    void xyeKeepsSigmaOutOfThePattern() throws Exception {
        Pattern p = PatternReaders.read(write("s.xye", "# 2theta I sigma\n10.0 100 10\n10.1 121 11\n10.2 144 12\n")).get(0);
        assertThat(p.metadata().format()).isEqualTo("xye");
        assertThat(p.metadata().extras()).containsEntry("sigma_column", "3");
        assertThat(p.intensityValues()).containsExactly(100, 121, 144);
    }

    @Test
    void separatorsCommentsAndHeaders() throws Exception {
        Pattern semicolon = PatternReaders.read(write("eu.txt", "! exported\n10,0;100\n10,5;110,5\n11,0;120\n")).get(0);
        assertThat(semicolon.twoThetaValues()).containsExactly(10, 10.5, 11);
        assertThat(semicolon.intensityValues()).containsExactly(100, 110.5, 120);
        Pattern comma = PatternReaders.read(write("plain.csv", "10.0,100\n10.5,110\n")).get(0);
        assertThat(comma.metadata().format()).isEqualTo("xy");
        assertThat(comma.intensityValues()).containsExactly(100, 110);
        Pattern titled = PatternReaders.read(write("titled.xy", "Quartz, 40 kV\n2Theta Counts\n10 1\n11 2\n")).get(0);
        assertThat(titled.metadata().extras()).containsEntry("header", "Quartz, 40 kV");
        Pattern quoted = PatternReaders.read(write("q.csv",
                "\"2θ (deg)\",\"Intensity, counts\",\"esd\"\n10,100,10\n11,120,11\n12,90,9\n")).get(0);
        assertThat(quoted.metadata().format()).isEqualTo("csv");
        assertThat(quoted.intensityValues()).containsExactly(100, 120, 90);
        assertThat(quoted.name()).isEqualTo("q");
    }

    @Test
    void csvWrittenByTheExporterReadsBack() throws Exception {
        PatternMetadata a = PatternMetadata.named("alpha, the first");
        PatternMetadata b = PatternMetadata.named("beta");
        Pattern pa = new Pattern(new double[]{10, 10.5, 11}, new double[]{1, 2.25, 3}, a);
        Pattern pb = new Pattern(new double[]{10, 10.5, 11}, new double[]{4, 5, 6e-7}, b);
        Path wide = tmp.resolve("wide.csv");
        PatternCsvWriter.write(wide, List.of(pa, pb), PatternCsvWriter.Layout.WIDE);
        List<Pattern> back = PatternReaders.read(wide);
        assertThat(back).extracting(Pattern::name).containsExactly("alpha, the first", "beta");
        assertThat(back.get(1).intensityValues()).containsExactly(4, 5, 6e-7);
        Pattern pc = new Pattern(new double[]{20, 30}, new double[]{7, 8}, PatternMetadata.named("gamma"));
        Path longCsv = tmp.resolve("long.csv");
        PatternCsvWriter.write(longCsv, List.of(pa, pc), PatternCsvWriter.Layout.LONG);
        List<Pattern> backLong = PatternReaders.read(longCsv);
        assertThat(backLong).extracting(Pattern::name).containsExactly("alpha, the first", "gamma");
        assertThat(backLong.get(1).twoThetaValues()).containsExactly(20, 30);
        Path xy = tmp.resolve("one.xy");
        PatternCsvWriter.writeXy(xy, pa.withMetadata(a.withWavelength(Wavelength.CU_KALPHA)));
        Pattern backXy = PatternReaders.read(xy).get(0);
        assertThat(backXy.intensityValues()).containsExactly(1, 2.25, 3);
        // the comment "# wavelength: Cu Kα1 1.54056 Å, Kα2 1.54439 Å (ratio 0.50)" is read back (5 decimals)
        assertThat(backXy.metadata().wavelength()).contains(Wavelength.of("Cu", 1.54056, 1.54439, 0.5));
        Path plain = write("plain-wl.xy", "# Wavelength = 0.7093\n10 1\n11 2\n");
        assertThat(PatternReaders.read(plain).get(0).metadata().wavelength()).contains(Wavelength.single(0.7093));
    }

    @Test
    void xrdmlWithTwoScansAndListPositions() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xrdMeasurements xmlns="http://www.xrdml.com/XRDMeasurement/2.0">
                  <sample><name>film A</name></sample>
                  <xrdMeasurement>
                    <usedWavelength intended="K-Alpha 1"><kAlpha1 unit="Angstrom">1.78901</kAlpha1></usedWavelength>
                    <incidentBeamPath><xRayTube><anodeMaterial>Co</anodeMaterial></xRayTube></incidentBeamPath>
                    <scan><dataPoints>
                      <positions axis="2Theta" unit="deg"><listPositions>20 21 23</listPositions></positions>
                      <counts unit="counts">5 6 7</counts>
                    </dataPoints></scan>
                    <scan><dataPoints>
                      <positions axis="2Theta" unit="deg"><startPosition>40</startPosition><endPosition>30</endPosition></positions>
                      <intensities unit="counts">1 2 3 4 5</intensities>
                    </dataPoints></scan>
                  </xrdMeasurement>
                </xrdMeasurements>
                """;
        List<Pattern> ps = PatternReaders.read(write("two.xrdml", xml));
        assertThat(ps).extracting(Pattern::name).containsExactly("film A scan 1", "film A scan 2");
        assertThat(ps.get(0).twoThetaValues()).containsExactly(20, 21, 23);
        assertThat(ps.get(1).twoThetaValues()).containsExactly(30, 32.5, 35, 37.5, 40);
        assertThat(ps.get(1).intensityValues()).containsExactly(5, 4, 3, 2, 1);
        assertThat(ps.get(1).metadata().extras()).containsEntry("axis_reversed", "true");
        assertThat(ps.get(0).metadata().wavelength()).contains(Wavelength.of("Co", 1.78901, null, 0));
    }

    @Test
    void olderBrmlWithoutDataViewsAndRasxAttenuation() throws Exception {
        String raw = "<RawData><DataRoutes><DataRoute><ScanInformation ScanName=\"Coupled\"/>"
                + "<Datum>1,1,10.0,5.0,100</Datum><Datum>1,1,10.1,5.05,110</Datum><Datum>1,1,10.2,5.1,90</Datum>"
                + "</DataRoute></DataRoutes></RawData>";
        Pattern brml = PatternReaders.read(write("old.brml", zip(Map.of("Experiment0/RawData0.xml", raw)))).get(0);
        assertThat(brml.twoThetaValues()).containsExactly(10, 10.1, 10.2);
        assertThat(brml.intensityValues()).containsExactly(100, 110, 90);
        Pattern rasx = PatternReaders.read(write("att.rasx", zip(Map.of("Data0/Profile0.txt", "10\t100\t1\n10.5\t40\t25\n11\t90\t1\n"))))
                .get(0);
        assertThat(rasx.intensityValues()).containsExactly(100, 1000, 90);
        assertThat(rasx.metadata().wavelength()).isEmpty();
    }

    @Test
    void inMemoryEntryPointMatchesTheFileOne() throws Exception {
        Path f = RealInstrumentFilesTest.INSTRUMENT.resolve("TwoTheta_scan_powder.rasx");
        Pattern fromFile = PatternReaders.read(f).get(0);
        Pattern fromBytes = PatternReaders.read(Files.readAllBytes(f), f.toString()).get(0);
        assertThat(fromBytes.intensityValues()).containsExactly(fromFile.intensityValues());
        assertThat(fromBytes.twoThetaValues()).containsExactly(fromFile.twoThetaValues());
        // a name that is no valid path still only names the content
        assertThat(PatternReaders.read("10 1\n11 2\n".getBytes(StandardCharsets.UTF_8), "a\0b.xy").get(0).name()).isEqualTo("a_b");
    }

    @Test
    void supportedFormatsAreListed() throws PatternFormatException {
        assertThat(PatternReaders.supportedFormats()).hasSize(9).anyMatch(s -> s.startsWith("bruker-raw:"));
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
