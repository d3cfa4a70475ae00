package irw.xrd.synth;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On-the-fly training patterns from real structures: reproducible, labelled right, partial ranges as real scans have. */
class TrainingPatternSourceTest {
    private static List<CrystalStructure> structures;

    @BeforeAll
    static void read() throws Exception {
        structures = StructureLibrary.read(Path.of("sample-data/structure-library/amcsd.cif.gz")).structures().stream()
                .filter(s -> s.crystalSystem().isPresent()).limit(60).toList();
    }

    @Test
    void aDrawDependsOnlyOnTheSeedAndItsIndex() {
        TrainingPatternSource a = new TrainingPatternSource(structures, 7, TwoThetaGrid.DEFAULT, TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 9);
        TrainingPatternSource b = new TrainingPatternSource(structures, 7, TwoThetaGrid.DEFAULT, TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 9);
        b.draw(3);
        assertThat(a.draw(17).values()).containsExactly(b.draw(17).values());
        assertThat(a.draw(17).measured()).containsExactly(b.draw(17).measured());
        assertThat(a.draw(18).values()).isNotEqualTo(a.draw(17).values());
    }

    @Test
    void physicalDrawsVaryAndIncludePartialScansOfAtLeastTheMinimumSpan() {
        TrainingPatternSource s = new TrainingPatternSource(structures, 7, TwoThetaGrid.DEFAULT, TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 1);
        int partial = 0;
        for (int i = 0; i < 60; i++) {
            TrainingPatternSource.Sample d = s.draw(i);
            int measured = 0;
            for (boolean m : d.measured()) {
                measured += m ? 1 : 0;
            }
            if (measured < d.measured().length) {
                partial++;
                assertThat(measured * TwoThetaGrid.DEFAULT.step()).isGreaterThanOrEqualTo(TrainingPatternSource.MIN_SPAN_DEGREES - 0.1);
            }
            assertThat(d.label()).isBetween(0, 6);
        }
        assertThat(partial).isBetween(10, 40); // 40 % of the draws
    }

    @Test
    void withoutAugmentationEveryDrawOfAStructureIsItsIdealPattern() {
        TrainingPatternSource s = new TrainingPatternSource(structures.subList(0, 1), 7, TwoThetaGrid.DEFAULT,
                TrainingPatternSource.Augmentation.NONE, 1, 1);
        assertThat(s.draw(0).values()).containsExactly(s.draw(5).values());
        assertThat(s.draw(0).label()).isEqualTo(structures.get(0).crystalSystem().orElseThrow().ordinal());
    }

    @Test
    void measurementLikeDrawsAlwaysCarryABackgroundWhilePhysicalDrawsSometimesAreClean() {
        assertThat(drawsWithoutBackground(TrainingPatternSource.Augmentation.MEASURED)).isZero();
        assertThat(drawsWithoutBackground(TrainingPatternSource.Augmentation.PHYSICAL)).isPositive(); // clean share + background off
    }

    /** Draws whose typical (median) measured cell is empty: an ideal pattern's is, a background lifts it. */
    private static int drawsWithoutBackground(TrainingPatternSource.Augmentation augmentation) {
        TrainingPatternSource s = new TrainingPatternSource(structures, 7, TwoThetaGrid.DEFAULT, augmentation, 0.5, 4);
        int none = 0;
        for (int i = 0; i < 40; i++) {
            TrainingPatternSource.Sample d = s.draw(i);
            double[] measured = java.util.stream.IntStream.range(0, d.values().length).filter(j -> d.measured()[j])
                    .mapToDouble(j -> d.values()[j]).sorted().toArray();
            none += measured[measured.length / 2] < 1e-3 ? 1 : 0;
        }
        return none;
    }
}
