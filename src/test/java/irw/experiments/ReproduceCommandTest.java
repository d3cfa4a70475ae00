package irw.experiments;

import irw.cli.IrwCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReproduceCommandTest {
    @TempDir
    Path dir;

    @Test
    void fewerThanThreeSeedsIsRefusedWithAClearMessage() {
        String err = runExpectingFailure("reproduce", "digits", "--quick", "--seeds", "2", "--out", dir.toString());
        assertThat(err).contains("at least 3 seeds", "got 2");
    }

    @Test
    void aMissingDataFolderIsNamed() {
        String err = runExpectingFailure("reproduce", "digits", "--quick", "--mnist", dir.resolve("nowhere").toString(), "--out", dir.toString());
        assertThat(err).contains("MNIST file missing", "nowhere");
        String xrd = runExpectingFailure("reproduce", "xrd", "--quick", "--data", dir.resolve("nothing").toString(), "--out", dir.toString());
        assertThat(xrd).contains("XRD data set folder not found", "nothing");
    }

    @Test
    void aNonPositiveClassifierBudgetIsRefused() {
        String err = runExpectingFailure("reproduce", "xrd", "--quick", "--classifier-steps", "0", "--out", dir.toString());
        assertThat(err).contains("classifier steps and samples per class must be positive", "got 0");
    }

    @Test
    void aLargerClassifierBudgetKeepsTheRestOfThePlan() {
        irw.experiments.xrd.XrdPlan full = irw.experiments.xrd.XrdPlan.full(3, 1);
        irw.experiments.xrd.XrdPlan larger = full.withClassifier(800, 16);
        assertThat(larger.classifierSteps()).isEqualTo(800);
        assertThat(larger.classifierPerClass()).isEqualTo(16);
        assertThat(larger.withClassifier(full.classifierSteps(), full.classifierPerClass())).isEqualTo(full);
    }

    @Test
    void aClassifierThatIsNotForDigitsIsRefusedByName() {
        String err = runExpectingFailure("reproduce", "digits", "--quick", "--classifier", "sample-data/models/xrd-classifier.irwm",
                "--out", dir.toString());
        assertThat(err).contains("xrd-classifier.irwm is not a 28×28 digit classifier");
    }

    /** The digits pipeline with one frozen typeset-digit classifier for every seed (--classifier); slow. */
    @Test
    @Tag("slow")
    void aFrozenClassifierIsUsedForEverySeedAndNamedInTheReport() throws Exception {
        java.nio.file.Path classifier = irw.app.refine.TinyModels.digitClassifier();
        assertThat(IrwCommand.execute("reproduce", "digits", "--quick", "--classifier", classifier.toString(), "--out", dir.toString())).isZero();
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("frozen and the same for every seed", "the standard (λ = 0) baseline is not measured", "Fig. 7");
        java.util.List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertThat(runs).noneMatch(l -> l.contains("standard"));
        assertThat(runs.stream().filter(l -> l.startsWith("baseline") || l.contains("baseline")).map(l -> l.substring(l.lastIndexOf(',') + 1))
                .distinct()).hasSize(1); // the same classifier for every seed: one baseline accuracy
    }

    /** The whole digits pipeline at --quick sizes; minutes on 2 cores, hence slow. */
    @Test
    @Tag("slow")
    void quickDigitsReproductionWritesACompleteReport() throws Exception {
        assertThat(IrwCommand.execute("reproduce", "digits", "--quick", "--out", dir.toString())).isZero();
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("seeds: [1, 2, 3]", "Fig. 7", "Where we differ");
        assertThat(dir.resolve("fig7.png")).exists();
        assertThat(Files.readAllLines(dir.resolve("runs.csv")).size()).isGreaterThan(3 * 2 * 3);
    }

    /** The whole XRD pipeline at --quick sizes on the shipped data set; minutes on 2 cores, hence slow. */
    @Test
    @Tag("slow")
    void quickXrdReproductionWritesACompleteReport() throws Exception {
        assertThat(IrwCommand.execute("reproduce", "xrd", "--quick", "--out", dir.toString())).isZero();
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("Table 1", "Table 4", "Where we differ");
        assertThat(dir.resolve("table2.csv")).exists();
    }

    private static String runExpectingFailure(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            assertThat(IrwCommand.execute(args)).isNotZero();
        } finally {
            System.setErr(saved);
        }
        return err.toString();
    }
}
