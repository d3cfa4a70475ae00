package irw.cli;

import irw.core.ClassSet;
import irw.digits.IdxFormat;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.net.ModelSpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's commands end to end on real files: MNIST IDX images and measured XRD patterns. */
class EngineCommandsTest {
    private static String IMAGES;
    private static String LABELS;
    @TempDir
    static Path dir;
    private static Path classifier;
    private static Path refiner;

    @BeforeAll
    static void trainTinyModelsThroughTheCli() throws Exception {
        // 100 real test digits (10 per class) as a gzipped IDX pair, to keep the test quick
        var all = IdxFormat.read(Path.of("sample-data/mnist/test-images-idx3-ubyte.gz"), Path.of("sample-data/mnist/test-labels-idx1-ubyte.gz"));
        var some = all.subset(java.util.stream.IntStream.range(0, 2000).filter(i -> i % 200 < 10).toArray());
        IMAGES = dir.resolve("digits-images.idx.gz").toString();
        LABELS = dir.resolve("digits-labels.idx.gz").toString();
        IdxFormat.write(some, Path.of(IMAGES), Path.of(LABELS));
        classifier = dir.resolve("digits-classifier.irwm");
        refiner = dir.resolve("digits-refiner.irwm");
        assertThat(IrwCommand.execute("train", "classifier", "--images", "sample-data/mnist/train-images-idx3-ubyte.gz", "--labels",
                "sample-data/mnist/train-labels-idx1-ubyte.gz", "--epochs", "1", "--steps-per-epoch", "4", "--samples-per-class", "2",
                "--seed", "5", "--out", classifier.toString())).isZero();
        assertThat(IrwCommand.execute("train", "refiner", "--model", classifier.toString(), "--images", IMAGES, "--labels", LABELS,
                "--epochs", "1", "--steps-per-epoch", "2", "--batch", "4", "--seed", "5", "--out", refiner.toString())).isZero();
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().setCommentMarker('#').build())) {
            return p.getRecords();
        }
    }

    @Test
    void classifyWritesOneRowPerDigitWithAProbabilityPerClass() throws Exception {
        Path out = dir.resolve("classified.csv");
        assertThat(IrwCommand.execute("classify", "--model", classifier.toString(), "--refiner", refiner.toString(), IMAGES,
                "--out", out.toString())).isZero();
        try (CSVParser p = CSVParser.parse(out, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().setCommentMarker('#').build())) {
            assertThat(p.getHeaderNames()).containsExactly("item", "predicted", "confidence", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(100);
            double sum = 0;
            for (int k = 0; k < 10; k++) {
                sum += Double.parseDouble(rows.get(0).get(Integer.toString(k)));
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(Double.parseDouble(rows.get(0).get("confidence"))).isEqualTo(
                    Double.parseDouble(rows.get(0).get(rows.get(0).get("predicted"))));
        }
    }

    @Test
    void measuredPatternFilesAreResampledOntoTheModelsGrid() throws Exception {
        Path xrd = dir.resolve("xrd-classifier.irwm");
        ModelStore.save(PrototypicalClassifier.untrained(ModelSpec.SMALL, new int[]{2000}, ClassSet.CRYSTAL_SYSTEMS, 1), xrd);
        Path out = dir.resolve("measured.csv");
        assertThat(IrwCommand.execute("classify", "--model", xrd.toString(), "sample-data/measured", "--out", out.toString())).isZero();
        List<CSVRecord> rows = read(out);
        assertThat(rows).extracting(r -> r.get("item")).contains("MnO.xy", "TiO2.xy", "PbSO4-round-robin-xray.dat");
        assertThat(rows.get(0).get("predicted")).isIn(ClassSet.CRYSTAL_SYSTEMS.names());

        // the XRD data set: a refiner step on the training half, scores against the ground truth on the other half
        Path xrdRefiner = dir.resolve("xrd-refiner.irwm");
        assertThat(IrwCommand.execute("train", "refiner", "--model", xrd.toString(), "--data", "sample-data/datasets/xrd", "--batch", "4",
                "--epochs", "1", "--steps-per-epoch", "1", "--out", xrdRefiner.toString())).isZero();
        Path eval = dir.resolve("xrd-eval");
        assertThat(IrwCommand.execute("evaluate", "--model", xrd.toString(), "--refiner", xrdRefiner.toString(), "--data",
                "sample-data/datasets/xrd", "--out", eval.toString())).isZero();
        List<CSVRecord> metrics = read(eval.resolve("metrics.csv"));
        assertThat(metrics).extracting(r -> r.get("input") + " " + r.get("metric")).containsExactly("raw accuracy", "raw l1", "raw l2",
                "raw kl", "raw ncc", "refined accuracy", "refined l1", "refined l2", "refined kl", "refined ncc", "refined negative values",
                "refined cells changed outside the measured range", "refined patterns rougher than raw",
                "refined patterns with more high-frequency energy", "refined added high-frequency energy (share of raw)",
                "refined flips right to wrong", "refined flips wrong to right");
        for (int k = 10; k < 14; k++) { // the refined patterns are physical: nothing negative, outside the range, rougher or noisier
            assertThat(metrics.get(k).get("mean")).as(metrics.get(k).get("metric")).isEqualTo("0");
        }
        assertThat(Double.parseDouble(metrics.get(4).get("mean"))).isBetween(0.0, 1.0);
        assertThat(read(eval.resolve("confusion-raw.csv"))).hasSize(7);

        // refine on real files and on a partial scan (MnO measured at 30-60° only): no negative value, and empty
        // cells, not zeros, where nothing was measured
        irw.core.Pattern mno = irw.xrd.io.PatternReaders.read(java.nio.file.Path.of("sample-data/measured/MnO.xy")).get(0);
        int[] keep = java.util.stream.IntStream.range(0, mno.size()).filter(i -> mno.twoTheta(i) >= 30 && mno.twoTheta(i) <= 60).toArray();
        Path partial = dir.resolve("MnO-30-60.xy");
        irw.core.io.PatternCsvWriter.writeXy(partial, new irw.core.Pattern(java.util.Arrays.stream(keep).mapToDouble(mno::twoTheta).toArray(),
                java.util.Arrays.stream(keep).mapToDouble(mno::intensity).toArray(), mno.metadata()));
        Path refinedCsv = dir.resolve("refined-measured.csv");
        assertThat(IrwCommand.execute("refine", "--model", xrd.toString(), "--refiner", xrdRefiner.toString(), "sample-data/measured",
                partial.toString(), "--out", refinedCsv.toString())).isZero();
        List<CSVRecord> refinedRows = read(refinedCsv);
        assertThat(refinedRows).hasSize(12);
        for (CSVRecord r : refinedRows) {
            for (int c = 1; c < r.size(); c++) {
                assertThat(r.get(c).isEmpty() || Double.parseDouble(r.get(c)) >= 0).as(r.get(0) + " column " + c).isTrue();
            }
        }
        CSVRecord cut = refinedRows.get(refinedRows.size() - 1);
        assertThat(cut.get("item")).isEqualTo("MnO-30-60.xy");
        assertThat(cut.get("20.0075")).isEmpty();
        assertThat(cut.get("69.9825")).isEmpty();
        assertThat(cut.get("44.9950")).isNotEmpty();
    }

    @Test
    void refineEmbedAndEvaluateWriteTheirFiles() throws Exception {
        Path refined = dir.resolve("refined.csv");
        assertThat(IrwCommand.execute("refine", "--model", classifier.toString(), "--refiner", refiner.toString(), IMAGES,
                "--out", refined.toString())).isZero();
        List<CSVRecord> rows = read(refined);
        assertThat(rows).hasSize(100);
        assertThat(rows.get(0).size()).isEqualTo(785);

        Path embedded = dir.resolve("embedded.csv");
        assertThat(IrwCommand.execute("embed", "--model", classifier.toString(), "--refiner", refiner.toString(), IMAGES,
                "--out", embedded.toString())).isZero();
        List<CSVRecord> e = read(embedded);
        assertThat(e).hasSize(100 * 2 + 10);
        assertThat(e.get(e.size() - 1).get("kind")).isEqualTo("prototype");

        Path evalDir = dir.resolve("eval");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(IrwCommand.execute("evaluate", "--model", classifier.toString(), "--refiner", refiner.toString(), "--images", IMAGES,
                    "--labels", LABELS, "--out", evalDir.toString())).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("raw      accuracy").contains("refined  accuracy");
        assertThat(read(evalDir.resolve("confusion-refined.csv"))).hasSize(10);
        assertThat(read(evalDir.resolve("metrics.csv"))).extracting(r -> r.get("metric")).containsExactly("accuracy", "accuracy", "flips right to wrong",
                "flips wrong to right");
    }

    @Test
    void aCorruptModelFileIsAnErrorNamingTheFile() throws Exception {
        Path bad = dir.resolve("broken.irwm");
        Files.write(bad, new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = IrwCommand.execute("classify", "--model", bad.toString(), IMAGES, "--out", dir.resolve("x.csv").toString());
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad.toString());
    }
}
