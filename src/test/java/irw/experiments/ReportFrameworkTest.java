package irw.experiments;

import irw.core.ClassSet;
import irw.core.ConfusionMatrix;
import irw.experiments.plot.BarChart;
import irw.experiments.plot.ConfusionMatrixImage;
import irw.experiments.plot.LineChart;
import irw.experiments.report.MarkdownReport;
import irw.experiments.report.MeanStd;
import irw.experiments.report.MeasurementLog;
import irw.experiments.report.ResultTable;
import irw.experiments.report.ResultTable.Column;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReportFrameworkTest {
    @TempDir
    Path dir;

    @Test
    void meanStdIsTheSampleStatistic() {
        MeanStd m = MeanStd.of(0.70, 0.72, 0.74);
        assertThat(m.mean()).isCloseTo(0.72, within(1e-12));
        assertThat(m.std()).isCloseTo(0.02, within(1e-12));
        assertThat(m.median()).isCloseTo(0.72, within(1e-12));
        assertThat(m.formatPercent(2)).isEqualTo("72.00 ± 2.00 %");
        assertThat(MeanStd.of(5).format(1)).isEqualTo("5.0 ± n/a");
        assertThatThrownBy(MeanStd::of).hasMessageContaining("no values");
    }

    @Test
    void pairedGainSubtractsPerSeed() {
        MeasurementLog log = new MeasurementLog();
        for (long seed = 0; seed < 3; seed++) {
            log.add("raw", "", seed, "accuracy", 0.5 + 0.1 * seed);
            log.add("refined", "", seed, "accuracy", 0.53 + 0.1 * seed);
        }
        log.add("refined", "", 9, "accuracy", 0.99); // no raw for seed 9: not paired
        MeanStd g = log.pairedGain("refined", "raw", "", "accuracy").orElseThrow();
        assertThat(g.n()).isEqualTo(3);
        assertThat(g.mean()).isCloseTo(0.03, within(1e-12));
        assertThat(g.std()).isCloseTo(0.0, within(1e-12));
        assertThat(log.stat("refined", "accuracy").orElseThrow().n()).isEqualTo(4);
        assertThat(log.stat("missing", "accuracy")).isEmpty();
    }

    @Test
    void tableWritesMarkdownAndCsvThatReadsBack() throws Exception {
        ResultTable t = new ResultTable("T", List.of(Column.text("method"), Column.percent("acc"), Column.number("l1", 3)));
        t.row("a|b", MeanStd.of(0.70, 0.72, 0.74), java.util.Optional.empty());
        t.row("paper", 0.8005, 36.744);
        assertThat(t.toMarkdown()).contains("| method | acc (%) | l1 |", "| a\\|b | 72.00 ± 2.00 | n/a |", "| paper | 80.05 | 36.744 |");
        assertThatThrownBy(() -> t.row("x", "not a number", null)).hasMessageContaining("acc");
        assertThatThrownBy(() -> t.row("x")).hasMessageContaining("1 cells");

        Path csv = dir.resolve("t.csv");
        t.writeCsv(csv);
        try (Reader r = Files.newBufferedReader(csv)) {
            List<CSVRecord> recs = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            assertThat(recs).hasSize(2);
            assertThat(recs.get(0).get("method")).isEqualTo("a|b");
            assertThat(Double.parseDouble(recs.get(0).get("acc (%)"))).isCloseTo(72.0, within(1e-9));
            assertThat(Double.parseDouble(recs.get(0).get("acc (%) std"))).isCloseTo(2.0, within(1e-9));
            assertThat(recs.get(0).get("acc (%) n")).isEqualTo("3");
            assertThat(recs.get(1).get("l1 std")).isEmpty();
        }
    }

    @Test
    void reportWritesMarkdownPngAndCsvBesideIt() throws Exception {
        MarkdownReport r = new MarkdownReport(dir.resolve("out"), "Title");
        ResultTable t = new ResultTable("Accuracy", List.of(Column.text("m"), Column.percent("acc")));
        t.row("x", MeanStd.of(0.1, 0.2, 0.3));
        r.heading(2, "Section").paragraph("text").table(t, "acc.csv");
        BufferedImage fig = new LineChart("Fig. 7", "N", "accuracy (%)").logX(true).xTicks(1, 2, 5, 10, 20, 50)
                .add("refined", new double[]{1, 2, 5, 10, 20, 50}, new double[]{78, 79, 80, 82, 84, 85}, new double[]{1, 1, 1, 1, 1, 1})
                .reference("baseline", 77.57, 0.5, 1, 50).render();
        r.figure(fig, "fig7.png", "accuracy vs N");
        Path md = r.write();

        assertThat(Files.readString(md)).contains("# Title", "## Section", "[acc.csv](acc.csv)", "![accuracy vs N](fig7.png)", "20.00 ± 10.00");
        BufferedImage back = ImageIO.read(dir.resolve("out/fig7.png").toFile());
        assertThat(back.getWidth()).isEqualTo(800);
        assertThat(countNonGrey(back)).as("coloured pixels of the drawn lines").isGreaterThan(500);
        assertThat(Files.list(dir.resolve("out")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("report.md", "acc.csv", "fig7.png");
        assertThatThrownBy(() -> r.figure(fig, "../escape.png", "x")).hasMessageContaining("plain file name");
    }

    @Test
    void confusionMatrixAndBarsRender() {
        ConfusionMatrix m = ConfusionMatrix.of(ClassSet.CRYSTAL_SYSTEMS, new int[]{0, 1, 2, 6, 6}, new int[]{0, 1, 1, 6, 5});
        BufferedImage img = ConfusionMatrixImage.render(m, "test");
        assertThat(img.getWidth()).isGreaterThan(7 * 36);
        // The fully correct "triclinic" diagonal cell is saturated blue.
        int rgb = img.getRGB(120 + 10, 60 + 10) & 0xffffff;
        assertThat(rgb).isEqualTo(0x0000ff);
        BufferedImage bars = new BarChart("t", "acc").add("a", 70, 2, 71).add("b", 80, 1, Double.NaN).yRange(0, 100).render();
        assertThat(countNonGrey(bars)).isGreaterThan(1000);
        assertThatThrownBy(() -> new BarChart("empty", "y").render()).hasMessageContaining("no bars");
    }

    private static int countNonGrey(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    n++;
                }
            }
        }
        return n;
    }
}
