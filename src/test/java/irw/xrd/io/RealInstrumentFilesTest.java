package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.Wavelength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reads every pattern file shipped in sample-data/measured and sample-data/instrument-files and
 * compares with values read off the files by hand (sed/awk on text, unzip + sed on .rasx/.brml,
 * xxd + struct offsets on .raw, the XML text of .xrdml).
 */
class RealInstrumentFilesTest {
    static final Path MEASURED = Path.of("sample-data/measured");
    static final Path INSTRUMENT = Path.of("sample-data/instrument-files");

    /** Expected facts of one file; {@code k} is a point index checked by hand, {@code anode} null when no wavelength is stated. */
    record Expect(Path file, String format, int points, double first, double last, int k, double twoThetaK, double countK,
                  String anode, double kAlpha1, Double kAlpha2, double ratio) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    static Expect xy(String name, int n, double first, double last, int k, double x, double y) {
        return new Expect(MEASURED.resolve(name), "xy", n, first, last, k, x, y, null, 0, null, 0);
    }

    static Stream<Expect> files() {
        return Stream.of(
                xy("Li2CO3-ZrO2.xy", 6442, 10.003433220, 79.994173260, 4500, 58.902413220, 400),
                xy("Li2MnO3+MnO+TiO2.xy", 9001, 10, 100, 4500, 55.0, 1339),
                xy("LiMnO2.xy", 9001, 10, 100, 4500, 55.0, 1346),
                xy("Mn2O3+LiF.xy", 9001, 10, 100, 4500, 55.0, 2496),
                xy("Mn2O3.xy", 9001, 10, 100, 4500, 55.0, 4749),
                xy("MnO.xy", 9001, 10, 100, 4500, 55.0, 1450),
                xy("MnO2.xy", 9001, 10, 100, 4500, 55.0, 1719),
                xy("TiO2+MnO.xy", 9001, 10, 100, 4500, 55.0, 1616),
                xy("TiO2.xy", 9001, 10, 100, 4500, 55.0, 1761),
                xy("SiC_Zn.dat", 4001, 20, 100, 2000, 60.0, 67),
                // header "10.000 0.025 160.000 PbSO4 ...": (160-10)/0.025+1 = 6001 counts; the 101st is 113 at 12.5°
                new Expect(MEASURED.resolve("PbSO4-round-robin-xray.dat"), "step-scan-dat", 6001, 10, 160, 100, 12.5, 113,
                        null, 0, null, 0),
                // RawData0.xml: 2001 <Datum> rows, 2θ field 3, counts field 8; the peak 495559.8 at 45.82° (absorber 8.3 in)
                new Expect(INSTRUMENT.resolve("23-012-AG_2thomegascan_long.brml"), "brml", 2001, 44, 48, 910, 45.82, 495559.8,
                        "Cu", 1.5406, 1.54439, 0.5),
                // Data0/Profile0.txt line 501: "46.4000 51.3555450439453 1"; WaveType Ka1 (Ge(220)x2 monochromator)
                new Expect(INSTRUMENT.resolve("Omega-2Theta_scan_high_temperature.rasx"), "rasx", 1042, 44, 48.9968, 500, 46.4,
                        51.3555450439453, "Cu", 1.540593, 1.544414, 0),
                // Data0/Profile0.txt line 1001: "50.0000 17.8656311035156 1"
                new Expect(INSTRUMENT.resolve("TwoTheta_scan_powder.rasx"), "rasx", 2726, 10, 119, 1000, 50.0, 17.8656311035156,
                        "Cu", 1.540593, 1.544414, 0),
                // range at byte 447: start 10.0, step 0.0105203 (f64 at +80), 7134 steps, datum 8 bytes from byte 1311;
                // datum 1001 (byte 9311) holds float32 45.785759; hardware segment: Cu, Kα1 = Kα2 = 1.5406 (single line)
                new Expect(INSTRUMENT.resolve("TwoTheta_scan_scrambled.raw"), "bruker-raw-v4", 7134, 10, 85.04129916243255, 1000,
                        20.520299896597862, 45.78575897216797, "Cu", 1.5405999422073364, null, 0),
                // 5027 <intensities> from 4.00656514 to 69.99936587; the strongest, 100168, is value 1723
                new Expect(INSTRUMENT.resolve("XRD-918-16_10.xrdml"), "xrdml", 5027, 4.00656514, 69.99936587, 1722,
                        4.00656514 + 1722 * (69.99936587 - 4.00656514) / 5026, 100168, "Cu", 1.5405980, 1.5444260, 0.5),
                // 1800 <counts> from 26.025 to 79.995; value 1337 is 1877 counts with beam attenuation factor 188
                new Expect(INSTRUMENT.resolve("m54313_om2th_10.xrdml"), "xrdml", 1800, 26.025, 79.995, 1336, 66.105,
                        1877.0 * 188, "Cu", 1.5405980, 1.5444260, 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsHandCheckedValues(Expect e) throws PatternFormatException {
        List<Pattern> patterns = PatternReaders.read(e.file());
        assertThat(patterns).hasSize(1);
        Pattern p = patterns.get(0);
        assertThat(p.metadata().format()).isEqualTo(e.format());
        assertThat(p.metadata().source()).contains(e.file());
        assertThat(p.size()).isEqualTo(e.points());
        assertThat(p.firstTwoTheta()).isCloseTo(e.first(), within(1e-9));
        assertThat(p.lastTwoTheta()).isCloseTo(e.last(), within(1e-9));
        assertThat(p.twoTheta(e.k())).isCloseTo(e.twoThetaK(), within(1e-6));
        assertThat(p.intensity(e.k())).isCloseTo(e.countK(), within(1e-9));
        if (e.anode() == null) {
            assertThat(p.metadata().wavelength()).isEmpty();
        } else {
            Wavelength wl = p.metadata().wavelength().orElseThrow();
            assertThat(wl.anode()).contains(e.anode());
            assertThat(wl.kAlpha1()).isCloseTo(e.kAlpha1(), within(1e-9));
            if (e.kAlpha2() == null) {
                assertThat(wl.kAlpha2()).isEmpty();
            } else {
                assertThat(wl.kAlpha2()).hasValueSatisfying(k2 -> assertThat(k2).isCloseTo(e.kAlpha2(), within(1e-9)));
            }
            assertThat(wl.kAlpha2Ratio()).isEqualTo(e.ratio());
        }
    }

    @Test
    void firstAndLastCountsOfTheTextFiles() throws PatternFormatException {
        // first and last data lines, read with head/tail
        assertEnds(MEASURED.resolve("Li2CO3-ZrO2.xy"), 443, 123);
        assertEnds(MEASURED.resolve("MnO.xy"), 2001, 1555);
        assertEnds(MEASURED.resolve("PbSO4-round-robin-xray.dat"), 179, 368);
        assertEnds(MEASURED.resolve("SiC_Zn.dat"), 49, 29);
        assertEnds(INSTRUMENT.resolve("TwoTheta_scan_powder.rasx"), 170.55354309082, 13.8521060943604);
        assertEnds(INSTRUMENT.resolve("23-012-AG_2thomegascan_long.brml"), 3, 2);
        assertEnds(INSTRUMENT.resolve("XRD-918-16_10.xrdml"), 1305, 171);
        assertEnds(INSTRUMENT.resolve("TwoTheta_scan_scrambled.raw"), 283.7691955566406, -105.77827453613281);
    }

    @Test
    void extraColumnsAndMetadataAreKept() throws PatternFormatException {
        Pattern mno2 = PatternReaders.read(MEASURED.resolve("MnO2.xy")).get(0);
        assertThat(mno2.metadata().extras()).containsEntry("ignored_columns", "3");
        Pattern pbso4 = PatternReaders.read(MEASURED.resolve("PbSO4-round-robin-xray.dat")).get(0);
        assertThat(pbso4.metadata().extras().get("title")).startsWith("PbSO4 XrayDif (Rietveld Round Robin");
        Pattern raw = PatternReaders.read(INSTRUMENT.resolve("TwoTheta_scan_scrambled.raw")).get(0);
        assertThat(raw.metadata().extras()).containsEntry("sample_id", "HeOx-1001-nsp-sps-900C-10min-01-poliert")
                .containsEntry("scan_type", "Locked Coupled");
        Pattern xrdml = PatternReaders.read(INSTRUMENT.resolve("XRD-918-16_10.xrdml")).get(0);
        assertThat(xrdml.metadata().extras()).containsEntry("counting_time_s", "39.270");
        assertThat(xrdml.name()).isEqualTo("XRD-918-16_10");
    }

    @Test
    void everyPatternFileInTheSampleFoldersIsDetectedAndLicencesAreNot() throws IOException, PatternFormatException {
        for (Path dir : List.of(MEASURED, INSTRUMENT)) {
            PatternReaders.FolderListing listing = PatternReaders.listFolder(dir, false);
            List<Path> readable = listing.toRead();
            try (Stream<Path> all = Files.list(dir)) {
                List<Path> expected = all.filter(p -> !p.getFileName().toString().startsWith("LICENSE") && !p.getFileName().toString().equals("labels.csv")).sorted().toList();
                assertThat(readable).containsExactlyElementsOf(expected);
            }
            // the licences (and a folder's labels.csv) are listed as skipped, with the reason, not dropped silently
            assertThat(listing.skipped()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.file().getFileName().toString()).matches("LICENSE.*|labels\\.csv");
                assertThat(s.reason()).contains("not a diffraction pattern");
            });
            for (Path p : readable) {
                assertThat(PatternReaders.read(p)).isNotEmpty();
            }
        }
        assertThat(PatternReaders.detectFormat(INSTRUMENT.resolve("TwoTheta_scan_scrambled.raw"))).isEqualTo("bruker-raw");
        assertThat(PatternReaders.detectFormat(MEASURED.resolve("PbSO4-round-robin-xray.dat"))).isEqualTo("step-scan-dat");
        assertThat(PatternReaders.detectFormat(MEASURED.resolve("SiC_Zn.dat"))).isEqualTo("xy");
    }

    @Test
    void detectionIgnoresAMisleadingExtension(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path disguised = tmp.resolve("scan.xy");
        Files.copy(INSTRUMENT.resolve("XRD-918-16_10.xrdml"), disguised);
        Path rasxAsBrml = tmp.resolve("scan.brml");
        Files.copy(INSTRUMENT.resolve("TwoTheta_scan_powder.rasx"), rasxAsBrml);
        assertThat(PatternReaders.read(disguised).get(0).metadata().format()).isEqualTo("xrdml");
        assertThat(PatternReaders.read(rasxAsBrml).get(0).metadata().format()).isEqualTo("rasx");
    }

    private static void assertEnds(Path file, double firstCount, double lastCount) throws PatternFormatException {
        Pattern p = PatternReaders.read(file).get(0);
        assertThat(p.intensity(0)).as(file + " first count").isEqualTo(firstCount);
        assertThat(p.intensity(p.size() - 1)).as(file + " last count").isEqualTo(lastCount);
    }
}
