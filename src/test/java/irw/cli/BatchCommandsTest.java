package irw.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches go on (issue 10 item 4, issue 15 items 3 and 5): classify, refine and embed, with the
 * shipped XRD models, on a folder of two real measurements beside the probe's bad inputs. Each bad
 * file is named on stderr with its problem, non-diffraction files are listed as skipped, the good
 * ones are written, and the exit code says that some failed.
 */
class BatchCommandsTest {
    private static final String CLASSIFIER = "sample-data/models/xrd-classifier.irwm";
    @TempDir
    static Path dir;
    private static Path folder;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = IrwCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void aFolderOfGoodAndBadFiles() throws Exception {
        folder = Files.createDirectories(dir.resolve("measured"));
        Files.copy(Path.of("sample-data/measured/MnO.xy"), folder.resolve("MnO.xy"));
        Files.copy(Path.of("sample-data/measured/TiO2.xy"), folder.resolve("TiO2.xy"));
        StringBuilder fixed = new StringBuilder();
        StringBuilder zeros = new StringBuilder();
        StringBuilder negative = new StringBuilder();
        StringBuilder outside = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            double t = 10 + 0.1 * i;
            int counts = (int) (500 + 12000 * Math.exp(-Math.pow((t - 30) / 0.3, 2)));
            fixed.append(String.format(Locale.ROOT, "%7.4f%5d%n", t, counts)); // the peak's counts run into the angle
            zeros.append(String.format(Locale.ROOT, "%.2f 0%n", t));
            negative.append(String.format(Locale.ROOT, "%.2f %d%n", t, -100 - i));
            outside.append(String.format(Locale.ROOT, "%.2f %d%n", 100 + 0.05 * i, counts));
        }
        Files.writeString(folder.resolve("fixed-width.dat"), fixed);
        Files.writeString(folder.resolve("zeros.xy"), zeros);
        Files.writeString(folder.resolve("negative.xy"), negative);
        Files.writeString(folder.resolve("outside.xy"), outside);
        Files.writeString(folder.resolve("broken.xy"), "10.0 100\n10.5 120\n11.0 abc\n11.5 90\n");
        Files.writeString(folder.resolve("README.txt"), "Measured on the lab's D8, 2026. Ask Anna about the TiO2 sample.\n");
        Files.write(folder.resolve("notes-utf16.txt"), "10.0 100\n10.5 200\n".getBytes(StandardCharsets.UTF_16LE));
        try (RandomAccessFile huge = new RandomAccessFile(folder.resolve("huge.xy").toFile(), "rw")) {
            huge.setLength(65L << 20); // sparse: over the 64 MB limit without writing 65 MB
        }
    }

    private static List<CSVRecord> rows(Path csv) throws Exception {
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().setCommentMarker('#').build())) {
            return p.getRecords();
        }
    }

    private static void reportsEveryBadFileByName(Run r) {
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(
                "error: " + folder.resolve("broken.xy") + ": line 3 column 2: expected a number, found 'abc'",
                "error: " + folder.resolve("zeros.xy") + ": refused: all 400 intensities inside the model's range",
                "are zero: nothing was measured there",
                "error: " + folder.resolve("negative.xy") + ": refused: all intensities inside the model's range",
                "error: " + folder.resolve("outside.xy") + ": refused: its 2θ range 100-119.95° lies outside the model's range 5-80°",
                "error: " + folder.resolve("huge.xy") + ": file is 65 MB, over the 64 MB limit",
                "skipped " + folder.resolve("README.txt") + ": a table without a 2θ column or numeric rows",
                "skipped " + folder.resolve("notes-utf16.txt") + ": UTF-16 text without a byte-order mark",
                "warning: " + folder.resolve("fixed-width.dat") + ": ",
                "5 of 8 file(s) could not be used; the others were written");
    }

    @Test
    void classifyWritesTheGoodFilesAndNamesEveryBadOne() throws Exception {
        Path out = dir.resolve("classified.csv");
        Run r = run("classify", "--model", CLASSIFIER, folder.toString(), "--out", out.toString());
        reportsEveryBadFileByName(r);
        assertThat(rows(out)).extracting(row -> row.get("item")).containsExactly("MnO.xy", "TiO2.xy", "fixed-width.dat");
        assertThat(r.err()).contains("lines where 2θ and intensity run together split after the 4 decimals");
    }

    @Test
    void refineAndEmbedGoOnPastBadFilesToo() throws Exception {
        // no XRD refiner ships with the current classifier: one training step gives a real one to run
        Path refiner = dir.resolve("xrd-refiner.irwm");
        Run trained = run("train", "refiner", "--model", CLASSIFIER, "--data", "sample-data/datasets/xrd", "--batch", "4",
                "--epochs", "1", "--steps-per-epoch", "1", "--seed", "3", "--out", refiner.toString());
        assertThat(trained.exit()).as(trained.err()).isZero();
        Path refined = dir.resolve("refined.csv");
        Run r = run("refine", "--model", CLASSIFIER, "--refiner", refiner.toString(), folder.toString(), "--out", refined.toString());
        reportsEveryBadFileByName(r);
        assertThat(rows(refined)).hasSize(3);
        Path embedded = dir.resolve("embedded.csv");
        Run e = run("embed", "--model", CLASSIFIER, folder.toString(), "--out", embedded.toString());
        reportsEveryBadFileByName(e);
        assertThat(rows(embedded)).filteredOn(row -> row.get("kind").equals("raw")).hasSize(3);
    }

    @Test
    void aSingleUnusableInputIsRefusedAndNothingIsWritten() {
        Path out = dir.resolve("nothing.csv");
        Run r = run("classify", "--model", CLASSIFIER, folder.resolve("negative.xy").toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("negative (the largest is -100)", "error: no usable inputs");
        assertThat(out).doesNotExist();
    }
}
