package irw.core.io;

import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.Wavelength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV export read back with commons-csv, and the atomic write underneath it. */
class PatternCsvWriterTest {
    @TempDir
    Path tmp;

    private static final Pattern A = new Pattern(new double[]{10, 10.5, 11}, new double[]{1, 2.25, 1e-7}, PatternMetadata.named("MnO, run \"1\""));
    private static final Pattern B = new Pattern(new double[]{10, 10.5, 11}, new double[]{4, 5, 6}, PatternMetadata.named("TiO2"));
    private static final Pattern C = new Pattern(new double[]{20, 30}, new double[]{7, 8.125}, PatternMetadata.named("C"));

    private static List<CSVRecord> readBack(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.parse(r).getRecords();
        }
    }

    @Test
    void wideLayoutRoundTrip() throws IOException {
        Path f = tmp.resolve("wide.csv");
        PatternCsvWriter.write(f, List.of(A, B), PatternCsvWriter.Layout.WIDE);
        List<CSVRecord> rows = readBack(f);
        assertThat(rows.get(0).toList()).containsExactly("two_theta_deg", "MnO, run \"1\"", "TiO2");
        assertThat(rows).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(Double.parseDouble(rows.get(i + 1).get(0))).isEqualTo(A.twoTheta(i));
            assertThat(Double.parseDouble(rows.get(i + 1).get(1))).isEqualTo(A.intensity(i));
            assertThat(Double.parseDouble(rows.get(i + 1).get(2))).isEqualTo(B.intensity(i));
        }
        assertThat(rows.get(1).get(0)).isEqualTo("10"); // whole numbers without ".0"
    }

    @Test
    void longLayoutRoundTripWithDifferentAxes() throws IOException {
        Path f = tmp.resolve("long.csv");
        PatternCsvWriter.write(f, List.of(A, C), PatternCsvWriter.Layout.LONG);
        List<CSVRecord> rows = readBack(f);
        assertThat(rows.get(0).toList()).containsExactly("pattern", "two_theta_deg", "intensity");
        assertThat(rows).hasSize(1 + 3 + 2);
        assertThat(rows.get(1).toList()).containsExactly("MnO, run \"1\"", "10", "1");
        assertThat(rows.get(3).get(2)).isEqualTo("1.0E-7");
        assertThat(rows.get(5).toList()).containsExactly("C", "30", "8.125");
    }

    @Test
    void wideOnDifferentAxesLeavesCellsEmptyWhereAPatternHasNoPoint() throws IOException {
        PatternCsvWriter.write(tmp.resolve("u.csv"), List.of(A, C), PatternCsvWriter.Layout.WIDE);
        List<CSVRecord> rows = readBack(tmp.resolve("u.csv"));
        assertThat(rows).hasSize(1 + 5); // header; 10, 10.5, 11, 20, 30
        assertThat(rows.get(1).get(2)).isEmpty(); // C has no point at 10°: empty, not zero
        assertThat(rows.get(4).get(1)).isEmpty(); // nor A at 20°
        assertThat(rows.get(4).get(2)).isEqualTo("7");
        assertThatThrownBy(() -> PatternCsvWriter.write(tmp.resolve("x.csv"), List.of(), PatternCsvWriter.Layout.LONG))
                .hasMessageContaining("no patterns");
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void xyWithWavelengthHeader() throws IOException {
        Path f = tmp.resolve("b.xy");
        PatternCsvWriter.writeXy(f, B.withMetadata(B.metadata().withWavelength(Wavelength.CU_KALPHA)));
        assertThat(Files.readAllLines(f)).containsExactly("# TiO2", "# wavelength: " + Wavelength.CU_KALPHA,
                "# two_theta_deg intensity", "10 4", "10.5 5", "11 6");
    }

    /** Header lines go first as '#' comments (one per line, even when a line holds a line break) and read back as comments. */
    @Test
    void headerLinesAreCommentsThatReadersSkip() throws IOException {
        Path f = tmp.resolve("h.csv");
        PatternCsvWriter.write(f, List.of(A, C), PatternCsvWriter.Layout.LONG, List.of("what the numbers are", "two\nlines"));
        assertThat(Files.readAllLines(f).subList(0, 4)).containsExactly("# what the numbers are", "# two", "# lines",
                "pattern,two_theta_deg,intensity");
        try (Reader r = Files.newBufferedReader(f)) {
            assertThat(CSVFormat.DEFAULT.builder().setCommentMarker('#').get().parse(r).getRecords()).hasSize(1 + 3 + 2);
        }
        Path xy = tmp.resolve("h.xy");
        PatternCsvWriter.writeXy(xy, B, List.of("measured, nothing resampled"));
        assertThat(Files.readAllLines(xy)).containsExactly("# TiO2", "# measured, nothing resampled", "# two_theta_deg intensity",
                "10 4", "10.5 5", "11 6");
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles() throws IOException {
        Path f = tmp.resolve("sub/dir/out.txt");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second");
        assertThat(f).hasContent("second");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void failedWriteKeepsTheOldContentAndCleansUp() throws IOException {
        Path f = tmp.resolve("keep.txt");
        AtomicFiles.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, (OutputStream out) -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(f).hasContent("old");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aWriterThatClosesItsStreamIsFine() throws IOException {
        Path f = tmp.resolve("closed.txt");
        AtomicFiles.write(f, out -> {
            out.write('x');
            out.close();
        });
        assertThat(f).hasContent("x");
    }
}
