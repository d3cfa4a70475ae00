package irw.experiments.compare;

import irw.core.ClassSet;
import irw.engine.net.ModelSpec;
import irw.experiments.report.Measurement;
import irw.xrd.preprocess.WaveletDenoiser;
import irw.xrd.search.BundledLibrary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison end to end on a tiny real subset: 20 MNIST test digits, 7 simulated imperfect patterns and
 * 2 files of each bundled real set, tiny budgets, 3 seeds. It checks that every method is run on every set it
 * applies to, for every seed, with times, distances where there is a ground truth, and a report that names
 * each with a figure; what the methods reach is the full run's business (experiments.md).
 */
class MethodComparisonTest {
    @TempDir
    static Path dir;
    private static String report;
    private static List<Measurement> runs;

    private static final List<String> SETS = List.of("MNIST test", "simulated imperfect", "measured files", "measured minerals");

    @BeforeAll
    static void run() throws Exception {
        ArmPlan digits = new ArmPlan(10, 5, 4, ModelSpec.SMALL, 1.0, 2, 2, 2, 8, 0.01, 1, 0.001, 0.1, 1, 1, 1, 50, 0);
        ArmPlan xrd = new ArmPlan(6, 5, 4, ModelSpec.SMALL, 1.0, 2, 1, 2, 8, 0.03, 1, 0.03, 1, 1, 1, 1, 100, 2);
        ComparePlan plan = ComparePlan.quick(3, 1).with(digits, xrd);
        Path sample = Path.of("sample-data");
        MethodComparison.Inputs inputs = new MethodComparison.Inputs(sample.resolve("mnist"), sample.resolve("datasets/xrd"),
                List.of(sample.resolve("measured"), sample.resolve("measured-minerals")), BundledLibrary.get());
        Path md = new MethodComparison(plan, inputs, new PrintStream(PrintStream.nullOutputStream())).run(dir, "test");
        report = Files.readString(md);
        // Kept for reading after the build (the figures of this tiny run show the pipeline works, not what a method reaches).
        Path kept = Files.createDirectories(Path.of("target", "method-comparison-test"));
        Files.copy(md, kept.resolve("report.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve(ComparisonReport.RUNS), kept.resolve(ComparisonReport.RUNS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        runs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.resolve(ComparisonReport.RUNS))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                runs.add(new Measurement(row.get("method"), row.get("condition"), Long.parseLong(row.get("seed")), row.get("metric"),
                        Double.parseDouble(row.get("value"))));
            }
        }
    }

    @Test
    void everyMethodIsScoredOnEverySetItAppliesToForEverySeed() {
        for (String set : SETS) {
            boolean xrd = !set.equals("MNIST test");
            for (ComparedMethod m : ComparedMethod.values()) {
                Set<Long> seeds = runs.stream().filter(r -> r.method().equals(m.label()) && r.condition().equals(set)
                        && r.metric().equals(ComparedMethod.ACCURACY)).map(Measurement::seed).collect(Collectors.toSet());
                if (m.appliesTo(xrd ? ComparedMethod.Domain.XRD : ComparedMethod.Domain.DIGITS)) {
                    assertThat(seeds).as("%s on %s", m, set).containsExactlyInAnyOrder(1L, 2L, 3L);
                } else {
                    assertThat(seeds).as("%s on %s", m, set).isEmpty();
                }
            }
        }
        assertThat(runs).filteredOn(r -> r.metric().equals(ComparedMethod.ACCURACY)).allSatisfy(r -> assertThat(r.value()).isBetween(0.0, 1.0));
    }

    @Test
    void theReportNamesEveryMethodWithAFigureOnEverySet() {
        for (ComparedMethod m : ComparedMethod.values()) {
            long rows = report.lines().filter(l -> l.startsWith("| " + m.label() + " | ") && l.substring(m.label().length() + 5).matches("\\d+\\.\\d\\d ± (\\d+\\.\\d\\d|n/a) \\|.*")).count();
            assertThat(rows).as("%s in:%n%s", m.label(), report).isEqualTo(m == ComparedMethod.SEARCH_MATCH ? 3 : 4);
        }
        assertThat(report).contains("seeds: [1, 2, 3]", "Verdict: which method wins where", "Soft against hard labels", "Training cost");
        assertThat(report.lines().filter(l -> l.startsWith("- ") && l.contains(": **"))).hasSize(SETS.size());
        assertThat(dir.resolve("accuracy-simulated-imperfect.csv")).exists();
        assertThat(dir.resolve("accuracy-1.png")).exists();
    }

    @Test
    void distancesToTheGroundTruthOnlyWhereAMethodProducesAPatternAndATruthExists() {
        Set<String> withDistances = runs.stream().filter(r -> r.metric().equals("l1 mean")).map(r -> r.method() + " @ " + r.condition())
                .collect(Collectors.toSet());
        assertThat(withDistances).containsExactlyInAnyOrder(
                ComparedMethod.BASELINE.label() + " @ simulated imperfect", ComparedMethod.DWT.label() + " @ simulated imperfect",
                ComparedMethod.TARGETED.label() + " @ simulated imperfect", ComparedMethod.TARGETED_SOFT.label() + " @ simulated imperfect",
                ComparedMethod.NON_TARGETED.label() + " @ simulated imperfect");
    }

    @Test
    void searchMatchIsDeterministicAndEveryLearnedMethodRecordsItsTrainingTime() {
        Map<String, Set<Double>> search = runs.stream().filter(r -> r.method().equals(ComparedMethod.SEARCH_MATCH.label())
                        && r.metric().equals(ComparedMethod.ACCURACY))
                .collect(Collectors.groupingBy(Measurement::condition, Collectors.mapping(Measurement::value, Collectors.toSet())));
        assertThat(search).hasSize(3).allSatisfy((set, values) -> assertThat(values).as(set).hasSize(1));
        for (ComparedMethod m : List.of(ComparedMethod.BASELINE, ComparedMethod.TARGETED, ComparedMethod.LABEL_REFINERY, ComparedMethod.MIC)) {
            assertThat(runs).filteredOn(r -> r.method().equals(m.label()) && r.metric().equals(ComparedMethod.TRAIN_WALL))
                    .hasSize(6).allSatisfy(r -> assertThat(r.value()).as(m.label()).isPositive());
        }
    }

    @Test
    void aMixtureIsRightForAnyOfItsPhasesAndARefusedFileIsWrong() {
        HeldOutSet set = new HeldOutSet("real", new float[][]{{1f}, null, {0f}}, List.of(Set.of(3, 6), Set.of(6), Set.of(2)), null, null,
                ClassSet.CRYSTAL_SYSTEMS);
        assertThat(set.usable()).containsExactly(0, 2);
        assertThat(set.accuracy(new int[]{6, 2})).isEqualTo(2 / 3.0);
        assertThat(set.accuracy(new int[]{5, -1})).isZero();
        assertThat(set.accuracyOfAll(new int[]{3, 6, 2})).isEqualTo(1.0);
    }

    @Test
    void theDwtBaselineStaysPhysicalAndKeepsTheUnmeasuredMarker() {
        float[] x = new float[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 20 ? -1f : (float) (Math.exp(-Math.pow((i - 128) / 4.0, 2)) + 0.05 + 0.05 * Math.sin(i * 1.7));
        }
        float[] d = ComparisonArm.denoise(WaveletDenoiser.standard(), new float[][]{x})[0];
        for (int i = 0; i < x.length; i++) {
            if (i < 20) {
                assertThat(d[i]).as("point %d", i).isEqualTo(-1f);
            } else {
                assertThat(d[i]).as("point %d", i).isGreaterThanOrEqualTo(0f);
            }
        }
        assertThat(d[128]).isGreaterThan(0.5f);
    }
}
