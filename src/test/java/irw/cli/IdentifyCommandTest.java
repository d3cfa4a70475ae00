package irw.cli;

import irw.xrd.search.BundledLibrary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code irw identify} on real files, with the test JVM's cached library ({@code target/stick-cache}). */
class IdentifyCommandTest {
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

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void writesRankedCandidatesAndSkipsWhatItCannotRead() throws Exception {
        BundledLibrary.get(); // builds target/stick-cache once for all tests
        Path broken = tmp.resolve("broken.xrdml");
        Files.writeString(broken, "<xrdMeasurements><xrdMeasurement>");
        Path out = tmp.resolve("phases.csv");
        Run r = run("identify", "sample-data/measured/MnO.xy", broken.toString(), "sample-data/measured/TiO2+MnO.xy",
                "--top", "3", "--out", out.toString(), "--cache-dir", BundledLibrary.CACHE.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("broken.xrdml").contains("1 input(s) could not be searched").doesNotContain("Exception");
        assertThat(r.out()).contains("MnO.xy: ").contains("wrote " + out);

        try (Reader in = Files.newBufferedReader(out)) {
            assertThat(CSVFormat.DEFAULT.parse(in).getRecords().get(0).toList())
                    .startsWith("item", "rank", "block", "mineral", "formula", "space_group", "crystal_system", "score");
        }
        List<CSVRecord> rows = csv(out);
        List<CSVRecord> mno = rows.stream().filter(x -> x.get("item").equals("MnO.xy")).toList();
        assertThat(mno).extracting(x -> x.get("rank")).startsWith("1", "2", "3");
        assertThat(mno.get(0).get("formula").replace(" ", "")).matches("Mn1?O1?|Mn4O4");
        assertThat(mno.get(0).get("crystal_system")).isEqualTo("cubic");
        assertThat(mno.get(0).get("close_match")).isEqualTo("yes");
        assertThat(Double.parseDouble(mno.get(0).get("score"))).isBetween(0.5, 1.0);
        // the mixture has a second phase, TiO2, among its rows
        assertThat(rows.stream().filter(x -> x.get("item").equals("TiO2+MnO.xy") && x.get("phase").equals("2")))
                .anyMatch(x -> x.get("formula").replace(" ", "").equals("TiO2"));
    }

    @Test
    void elementOptionsAreCheckedAndApplied() throws Exception {
        Path out = tmp.resolve("f.csv");
        Run bad = run("identify", "sample-data/measured/MnO.xy", "--elements", "Mn,Qq", "--out", out.toString(),
                "--cache-dir", BundledLibrary.CACHE.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'Qq' is not a chemical element symbol");

        BundledLibrary.get();
        Run ok = run("identify", "sample-data/measured/MnO.xy", "--elements", "mn,o", "--max-phases", "1", "--out", out.toString(),
                "--cache-dir", BundledLibrary.CACHE.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(csv(out)).allSatisfy(x -> assertThat(x.get("formula")).matches("[MnO0-9. ()]+"));
    }
}
