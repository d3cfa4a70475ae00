package irw.cli;

import irw.core.Pattern;
import irw.xrd.io.PatternReaders;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real command line on the real sample files. */
class ConvertCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new IrwCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').get().parse(r).getRecords();
        }
    }

    /**
     * Issue 15 item 12: a kill during convert left its 100 MB temporary beside the target for good.
     * The next convert to the same target removes a temporary nobody has written for over ten
     * minutes, and leaves a fresh one (another convert may be writing it) and other files alone.
     */
    @Test
    void theNextConvertRemovesTheTemporaryOfAKilledOne() throws Exception {
        Path target = tmp.resolve("all.csv");
        Path stale = tmp.resolve(".all.csv.8203948127.tmp");
        Path fresh = tmp.resolve(".all.csv.5550001.tmp");
        Path otherTarget = tmp.resolve(".other.csv.8203948127.tmp");
        Path users = tmp.resolve("notes.tmp");
        for (Path p : List.of(stale, fresh, otherTarget, users)) {
            Files.write(p, new byte[1 << 20]);
        }
        java.nio.file.attribute.FileTime anHourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        for (Path p : List.of(stale, otherTarget, users)) {
            Files.setLastModifiedTime(p, anHourAgo);
        }
        Run r = run("convert", "sample-data/measured/MnO.xy", "sample-data/measured/TiO2.xy", "--out", target.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(target).exists();
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(otherTarget).exists();
        assertThat(users).exists();
    }

    @Test
    void everyPatternFileInTheSampleFoldersBecomesCsv() throws Exception {
        Path outDir = tmp.resolve("csv");
        Run r = run("convert", "sample-data/measured", "sample-data/instrument-files", "--out", outDir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("skipped sample-data/measured/LICENSE-MIT.txt: not a diffraction file")
                .contains("skipped sample-data/instrument-files/LICENSE-Apache-2.0.txt");
        for (Path dir : List.of(Path.of("sample-data/measured"), Path.of("sample-data/instrument-files"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path in : files.filter(p -> !p.getFileName().toString().startsWith("LICENSE") && !p.getFileName().toString().equals("labels.csv")).toList()) {
                    String stem = in.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                    Path target = outDir.resolve(stem + ".csv");
                    Pattern original = PatternReaders.read(in).get(0);
                    List<CSVRecord> rows = csv(target);
                    assertThat(rows.get(0).toList()).containsExactly("two_theta_deg", stem);
                    assertThat(rows).hasSize(original.size() + 1);
                    // the measured axis and counts, every point exactly the file's value: nothing resampled or scaled
                    for (int i = 0; i < original.size(); i++) {
                        assertThat(Double.parseDouble(rows.get(i + 1).get(0))).isEqualTo(original.twoTheta(i));
                        assertThat(Double.parseDouble(rows.get(i + 1).get(1))).isEqualTo(original.intensity(i));
                    }
                    List<String> header = Files.readAllLines(target).stream().filter(l -> l.startsWith("#")).toList();
                    assertThat(header).anySatisfy(l -> assertThat(l).startsWith("# " + stem + ": measured, read from "
                            + in.toAbsolutePath().normalize()).contains("nothing resampled")
                            .contains("wavelength " + original.metadata().wavelength().map(Object::toString).orElse("not stated by the file")));
                }
            }
        }
        try (Stream<Path> written = Files.list(outDir)) {
            assertThat(written).hasSize(17);
        }
    }

    @Test
    void recursiveConversionOfAllSampleDataSkipsWhatIsNoPattern() throws Exception {
        Path outDir = tmp.resolve("all");
        Run r = run("convert", "--recursive", "sample-data", "--out", outDir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("skipped sample-data/reference-peaks/pymatgen-cuka-5-90.csv: not a diffraction file (a table of reflections")
                .contains("skipped sample-data/mnist/SOURCE.md: not a diffraction file")
                .contains("skipped sample-data/reference-structures/Si_227.cif: not a diffraction file")
                .doesNotContain("error:");
        for (String stem : List.of("MnO", "PbSO4-round-robin-xray", "SiC_Zn", "XRD-918-16_10", "TwoTheta_scan_scrambled",
                "23-012-AG_2thomegascan_long", "TwoTheta_scan_powder", "ideal", "imperfect")) {
            assertThat(outDir.resolve(stem + ".csv")).exists();
        }
    }

    @Test
    void unreadableFilesAreReportedAndTheOthersStillWritten() throws Exception {
        Path broken = tmp.resolve("broken.xrdml");
        Files.writeString(broken, "<xrdMeasurements><xrdMeasurement>");
        Path outDir = tmp.resolve("out");
        Run r = run("convert", "sample-data/measured/MnO.xy", broken.toString(), "--out", outDir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: " + broken + ": XRDML is not well-formed XML").contains("1 of 2 file(s) could not be converted");
        assertThat(outDir.resolve("MnO.csv")).exists();
        assertThat(outDir.resolve("broken.csv")).doesNotExist();
    }

    @Test
    void oneCsvForManyFilesUsesTheLongLayoutWhenAxesDiffer() throws Exception {
        Path out = tmp.resolve("all.csv");
        Run r = run("convert", "sample-data/measured/MnO.xy", "sample-data/instrument-files/XRD-918-16_10.xrdml", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<CSVRecord> rows = csv(out);
        assertThat(rows.get(0).toList()).containsExactly("pattern", "two_theta_deg", "intensity");
        assertThat(rows).hasSize(1 + 9001 + 5027);
        assertThat(PatternReaders.read(out)).extracting(Pattern::name).containsExactly("MnO", "XRD-918-16_10");
        Run wide = run("convert", "sample-data/measured/MnO.xy", "sample-data/measured/TiO2.xy", "--out", tmp.resolve("w.csv").toString());
        assertThat(wide.exit()).isZero();
        assertThat(csv(tmp.resolve("w.csv")).get(0).toList()).containsExactly("two_theta_deg", "MnO", "TiO2");
        Run forcedWide = run("convert", "sample-data/measured/MnO.xy", "sample-data/measured/Li2CO3-ZrO2.xy",
                "--out", tmp.resolve("bad.csv").toString(), "--layout", "wide");
        // forced wide on different axes: one 2θ column, the union of both, and an empty cell where a pattern has no point
        assertThat(forcedWide.exit()).as(forcedWide.err()).isZero();
        List<CSVRecord> union = csv(tmp.resolve("bad.csv"));
        assertThat(union.get(0).toList()).containsExactly("two_theta_deg", "MnO", "Li2CO3-ZrO2");
        assertThat(union.size()).isGreaterThan(1 + 9001);
        assertThat(union.get(1).toList()).containsExactly("10", "2001", "");
    }

    @Test
    void xyOutput() throws Exception {
        Run r = run("convert", "sample-data/instrument-files/TwoTheta_scan_powder.rasx", "--out", tmp.toString(), "--format", "xy");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(tmp.resolve("TwoTheta_scan_powder.xy"));
        assertThat(lines.get(0)).isEqualTo("# TwoTheta_scan_powder");
        assertThat(lines.get(1)).startsWith("# wavelength: Cu");
        // then what the numbers are: the file's own axis and counts, nothing resampled
        assertThat(lines.get(2)).contains("nothing resampled");
        assertThat(lines.get(3)).startsWith("# TwoTheta_scan_powder: measured, read from ").contains("TwoTheta_scan_powder.rasx (");
        assertThat(lines.get(4)).isEqualTo("# two_theta_deg intensity");
        assertThat(lines.get(5)).isEqualTo("10 170.55354309082");
        assertThat(lines).hasSize(5 + 2726);
    }

    @Test
    void badOptions() {
        assertThat(run("convert", "sample-data/measured/MnO.xy", "--out", tmp.toString(), "--layout", "diagonal").exit()).isEqualTo(2);
        assertThat(run("convert", "sample-data/measured/MnO.xy").exit()).isEqualTo(2);
        Run none = run("convert", "sample-data/reference-structures", "--out", tmp.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no diffraction files among the inputs");
    }
}
