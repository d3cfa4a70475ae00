package irw.experiments;

import irw.core.ClassSet;
import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.experiments.digits.DigitsMethod;
import irw.experiments.digits.DigitsReport;
import irw.experiments.report.MeasurementLog;
import irw.experiments.report.RunInfo;
import irw.experiments.xrd.XrdMethod;
import irw.experiments.xrd.XrdReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report writers on a hand-filled measurement log and real MNIST digits. */
class ReportAssemblyTest {
    private static final Path MNIST = Path.of("sample-data/mnist");

    @TempDir
    Path dir;

    @Test
    void digitsReportHasFig7TableFigureAndHonestFindings() throws Exception {
        MeasurementLog log = new MeasurementLog();
        int[] ns = {1, 5, 20};
        for (long seed = 1; seed <= 3; seed++) {
            log.add(DigitsMethod.BASELINE.label(), "", seed, "accuracy", 0.70 + 0.01 * seed);
            for (int n : ns) {
                String c = DigitsMethod.condition(n);
                log.add(DigitsMethod.SCRATCH.label(), c, seed, "accuracy", 0.1 + 0.01 * n);
                log.add(DigitsMethod.TARGETED.label(), c, seed, "accuracy", 0.72 + 0.01 * seed + 0.001 * n);
                // Non-targeted loses at N = 1: the findings must say so.
                log.add(DigitsMethod.NON_TARGETED.label(), c, seed, "accuracy", 0.70 + 0.01 * seed + (n == 1 ? -0.01 : 0.005));
            }
        }
        LabelledDataSet test = IdxFormat.read(MNIST.resolve("test-images-idx3-ubyte.gz"), MNIST.resolve("test-labels-idx1-ubyte.gz"));
        float[][] first = Arrays.copyOf(test.items(), 8);
        RunInfo info = new RunInfo("irw reproduce digits --quick", List.of(1L, 2L, 3L));
        List.of(1L, 2L, 3L).forEach(info::completed);
        DigitsReport report = new DigitsReport(log, info, ns)
                .digitRow("raw", first)
                .confusion(20, ConfusionMatrix.of(ClassSet.DIGITS, new int[]{1, 2, 3}, new int[]{1, 2, 5}),
                        ConfusionMatrix.of(ClassSet.DIGITS, new int[]{1, 2, 3}, new int[]{1, 2, 3}));
        Path md = report.write(dir);

        String text = Files.readString(md);
        assertThat(text).doesNotContain("PARTIAL").contains("seeds: [1, 2, 3]", "| 20 |", "![", "fig7.png", "runs.csv")
                .contains("Targeted refinement beats the baseline at 3 of 3 N")
                .contains("Non-targeted refinement beats the baseline at 2 of 3 N")
                .contains("is not met at [N=1]");
        assertThat(Files.readAllLines(dir.resolve("runs.csv"))).hasSize(1 + 3 * (1 + 3 * 3));
        assertThat(Files.readAllLines(dir.resolve("fig7.csv"))).hasSize(1 + ns.length);
        assertThat(ImageIO.read(dir.resolve("digits.png").toFile()).getHeight()).isEqualTo(28 * 3 + 4);
        assertThat(dir.resolve("confusion-refined.png")).exists();
    }

    @Test
    void xrdReportShowsOursBesideThePaperAndMissingArmsAsNotMeasured() throws Exception {
        MeasurementLog log = new MeasurementLog();
        for (long seed = 0; seed < 3; seed++) {
            log.add(XrdMethod.RAW_STANDARD.label(), "", seed, "accuracy", 0.60);
            log.add(XrdMethod.RAW_PROTO.label(), "", seed, "accuracy", 0.62 + 0.01 * seed);
            log.add(XrdMethod.REFINED_PROTO.label(), "", seed, "accuracy", 0.70 + 0.01 * seed);
            log.add(XrdMethod.RAW_PROTO.label(), "", seed, "l1 mean", 40);
            log.add(XrdMethod.REFINED_PROTO.label(), "", seed, "l1 mean", 38 - seed);
        }
        Path md = new XrdReport(log, new RunInfo("irw reproduce xrd", List.of(0L, 1L, 2L)))
                .difference("our imperfect patterns are simulated").write(dir);
        String text = Files.readString(md);
        assertThat(text).contains("PARTIAL REPORT: seeds finished so far []");
        assertThat(text).contains("| prototypical | 63.00 ± 1.00 | 69.01 | 70.82 |")
                .contains("| UNet + proto | 71.00 ± 1.00 | 8.00 ± 0.00 | 73.98 | 80.05 |")
                .contains("Targeted refinement (UNet + proto) over raw: 8.00 ± 0.00 points")
                .contains("DWT denoising over raw: not measured in this run.")
                .contains("our imperfect patterns are simulated")
                .contains("refined − raw: -3.0000 ± 1.0000");
        for (String f : List.of("table1.csv", "table2.csv", "table3.csv", "table4.csv", "table4-paper.csv", "table2.png", "runs.csv")) {
            assertThat(dir.resolve(f)).exists();
        }
    }

    @Test
    void fewerThanThreeSeedsIsRefused() {
        assertThatThrownBy(() -> new RunInfo("x", List.of(1L, 2L))).hasMessageContaining("at least 3 seeds");
    }
}
