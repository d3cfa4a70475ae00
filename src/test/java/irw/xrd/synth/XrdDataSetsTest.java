package irw.xrd.synth;

import irw.core.PatternFormatException;
import irw.xrd.cif.CifParser;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.CrystalStructureReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XrdDataSetsTest {
    static final Path LIBRARY = Path.of("sample-data/structure-library/amcsd.cif.gz");
    static List<CrystalStructure> structures;

    @TempDir
    Path dir;

    /** The first 80 structures of the library: enough for every split, quick to simulate. */
    @BeforeAll
    static void readSomeStructures() throws Exception {
        structures = new ArrayList<>();
        for (CifParser.BlockResult b : CifParser.readAll(CifParser.readText(LIBRARY), LIBRARY)) {
            if (structures.size() == 80) {
                break;
            }
            structures.add(CrystalStructureReader.read(b.block()));
        }
    }

    static BuildSettings settings(long seed, DefectSettings defects) {
        return new BuildSettings(seed, 1, Severity.PAPER, defects, 2, 0.1, 0.2, irw.core.TwoThetaGrid.DEFAULT, 0);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        XrdDataSetBuilder builder = new XrdDataSetBuilder();
        BuildSettings s = settings(42, DefectSettings.of(Severity.PAPER));
        builder.build(structures, s, Map.of()).write(dir.resolve("a"), false);
        builder.build(structures, s, Map.of()).write(dir.resolve("b"), false);
        builder.build(structures, settings(43, DefectSettings.of(Severity.PAPER)), Map.of()).write(dir.resolve("c"), false);
        for (String f : List.of(XrdDataSets.IDEAL, XrdDataSets.IMPERFECT, XrdDataSets.INFO)) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(XrdDataSets.IMPERFECT)))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(XrdDataSets.IMPERFECT)));
    }

    @Test
    void splitsAreByStructureAndTheImperfectSetUsesHeldOutStructures() throws Exception {
        BuildSettings hard = settings(5, DefectSettings.of(Severity.HARD));
        hard = new BuildSettings(5, hard.variants(), Severity.HARD, hard.defects(), hard.imperfectPerStructure(), hard.validationFraction(),
                hard.testFraction(), hard.grid(), 0);
        XrdDataSets sets = new XrdDataSetBuilder().build(structures, hard, Map.of());
        sets.write(dir, true);
        XrdDataSets loaded = XrdDataSets.load(dir);
        assertThat(loaded.ideal().size()).isEqualTo(160); // 80 structures × (1 + 1 variant)
        assertThat(loaded.imperfect().size()).isEqualTo(32); // 16 test structures × 2
        Set<String> train = new HashSet<>(loaded.idealSplit(XrdDataSets.TRAIN).ids());
        Set<String> validation = new HashSet<>(loaded.idealSplit(XrdDataSets.VALIDATION).ids());
        Set<String> test = new HashSet<>(loaded.idealSplit(XrdDataSets.TEST).ids());
        assertThat(train).doesNotContainAnyElementsOf(test).doesNotContainAnyElementsOf(validation);
        assertThat(validation).doesNotContainAnyElementsOf(test);
        assertThat(test).hasSize(16);
        assertThat(new HashSet<>(loaded.imperfect().ids())).isEqualTo(test);
        for (int i = 0; i < loaded.ideal().size(); i++) {
            String id = loaded.ideal().ids().get(i);
            CrystalStructure s = structures.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertThat(loaded.ideal().labels()[i]).isEqualTo(s.crystalSystem().orElseThrow().ordinal());
        }
        assertThat(loaded.ideal().items()[3]).isEqualTo(sets.ideal().items()[3]);
        assertThat(loaded.groundTruth()[7]).isEqualTo(sets.groundTruth()[7]);
        assertThat(loaded.defectsOf(0)).containsKeys("strain_a", "crystallite_nm", "impurity_fraction");
        assertThat(loaded.defectsOf(0).get("crystallite_nm")).isBetween(5.0, 40.0);
        assertThat(loaded.info()).containsEntry("severity", "hard").containsEntry("seed", 5);
        assertThat(loaded.grid().points()).isEqualTo(2000);

        // the data roles: the refiner's halves are split by structure, so both imperfect variants of a structure are on one side
        Set<String> refinerTrain = new HashSet<>(loaded.refinerTrainingSet().ids());
        Set<String> refinerTest = new HashSet<>(loaded.refinerTestSet().ids());
        assertThat(refinerTrain).doesNotContainAnyElementsOf(refinerTest);
        assertThat(refinerTrain.size() + refinerTest.size()).isEqualTo(16);
        assertThat(refinerTest.size()).isBetween(5, 8);
        assertThat(loaded.refinerTrainingSet().size() + loaded.refinerTestSet().size()).isEqualTo(32);
        assertThat(loaded.classifierTrainingSet().ids()).isEqualTo(loaded.idealSplit(XrdDataSets.TRAIN).ids());
        int[] testRows = loaded.refinerIndices(false);
        assertThat(loaded.refinerTestGroundTruth()[3]).isEqualTo(loaded.groundTruth()[testRows[3]]);
    }

    @Test
    void withEveryDefectOffTheImperfectPatternIsItsGroundTruth() {
        DefectSettings none = DefectSettings.of(Severity.PAPER).without(EnumSet.allOf(Defect.class));
        XrdDataSets sets = new XrdDataSetBuilder().build(structures, settings(9, none), Map.of());
        for (int i = 0; i < sets.imperfect().size(); i++) {
            float[] a = sets.imperfect().items()[i];
            float[] b = sets.groundTruth()[i];
            for (int k = 0; k < a.length; k++) {
                assertThat(Math.abs(a[k] - b[k])).isLessThan(1e-6f);
            }
            assertThat(sets.defectsOf(i).get("impurity_structure_index")).isEqualTo(-1.0);
            assertThat(sets.defectsOf(i).get("texture_r")).isEqualTo(1.0);
        }
        DefectSettings noiseOnly = DefectSettings.of(Severity.PAPER).without(EnumSet.complementOf(EnumSet.of(Defect.NOISE)));
        XrdDataSets noisy = new XrdDataSetBuilder().build(structures, settings(9, noiseOnly), Map.of());
        assertThat(noisy.imperfect().items()[0]).isNotEqualTo(noisy.groundTruth()[0]);
        assertThat(noisy.defectsOf(0).get("counts_at_max")).isBetween(Math.pow(10, 2.5), Math.pow(10, 4.5));
        assertThat(noisy.defectsOf(0).get("strain_a")).isZero();
    }

    @Test
    void latticeStrainKeepsTheCellLengthsTheSymmetryTies() {
        DefectSettings latticeOnly = DefectSettings.of(Severity.PAPER).without(EnumSet.complementOf(EnumSet.of(Defect.LATTICE)));
        XrdDataSets sets = new XrdDataSetBuilder().build(structures, settings(11, latticeOnly), Map.of());
        int cubic = 0, uniaxial = 0;
        for (int i = 0; i < sets.imperfect().size(); i++) {
            String id = sets.imperfect().ids().get(i);
            CrystalStructure s = structures.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            Map<String, Double> d = sets.defectsOf(i);
            assertThat(Math.abs(d.get("strain_c"))).isBetween(0.005, 0.03);
            if (s.crystalSystem().orElseThrow() == irw.xrd.cif.CrystalSystem.CUBIC) {
                assertThat(d.get("strain_b")).isEqualTo(d.get("strain_a"));
                assertThat(d.get("strain_c")).isEqualTo(d.get("strain_a"));
                cubic++;
            } else if (Math.abs(s.cell().a() - s.cell().b()) < 1e-6) {
                assertThat(d.get("strain_b")).isEqualTo(d.get("strain_a"));
                uniaxial++;
            }
        }
        assertThat(cubic + uniaxial).as("the sample holds cubic or a = b cells").isPositive();
        double[] strain = {0.01, -0.02, 0.03};
        ImperfectPatternGenerator.tieSymmetricAxes(strain, new irw.xrd.cif.UnitCell(4, 4, 4, 90, 90, 90));
        assertThat(strain).containsExactly(0.01, 0.01, 0.01);
        strain = new double[]{0.01, -0.02, 0.03};
        ImperfectPatternGenerator.tieSymmetricAxes(strain, new irw.xrd.cif.UnitCell(3, 3, 5, 90, 90, 120));
        assertThat(strain).containsExactly(0.01, 0.01, 0.03);
        strain = new double[]{0.01, -0.02, 0.03};
        ImperfectPatternGenerator.tieSymmetricAxes(strain, new irw.xrd.cif.UnitCell(3, 4, 5, 90, 90, 90));
        assertThat(strain).containsExactly(0.01, -0.02, 0.03);
    }

    @Test
    void theShippedSampleSetLoads() throws Exception {
        XrdDataSets sample = XrdDataSets.load(Path.of("sample-data/datasets/xrd"));
        assertThat(sample.ideal().size()).isEqualTo(1200);
        assertThat(sample.imperfect().size()).isEqualTo(240);
        assertThat(sample.groundTruth()).hasNumberOfRows(240);
        assertThat(sample.ideal().itemLength()).isEqualTo(2000);
        assertThat(sample.idealSplit(XrdDataSets.TRAIN).size()).isEqualTo(840);
        assertThat(sample.info()).containsEntry("seed", 2019).containsEntry("severity", "paper");
        assertThat(new HashSet<>(sample.imperfect().ids())).isEqualTo(new HashSet<>(sample.idealSplit(XrdDataSets.TEST).ids()));
        for (int i = 0; i < sample.imperfect().size(); i += 37) {
            float max = 0;
            for (float v : sample.imperfect().items()[i]) {
                max = Math.max(max, v);
            }
            assertThat(max).isEqualTo(1f);
        }
    }

    @Test
    void missingOrCorruptFilesAreNamedInTheError() throws Exception {
        assertThatThrownBy(() -> XrdDataSets.load(dir)).isInstanceOf(PatternFormatException.class).hasMessageContaining("dataset.json");
        new XrdDataSetBuilder().build(structures.subList(0, 20), settings(1, DefectSettings.of(Severity.MILD)), Map.of()).write(dir, false);
        Files.writeString(dir.resolve(XrdDataSets.IMPERFECT), "garbage");
        assertThatThrownBy(() -> XrdDataSets.load(dir)).isInstanceOf(PatternFormatException.class).hasMessageContaining("imperfect.npz");
    }
}
