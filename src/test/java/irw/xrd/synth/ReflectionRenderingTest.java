package irw.xrd.synth;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.physics.MarchDollase;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.ProfileRenderer;
import irw.xrd.physics.ReflectionSet;
import irw.xrd.physics.StickBuffer;
import irw.xrd.physics.StickPattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Patterns drawn from cached reflection families against the same patterns simulated from the structure, on
 * real library structures of every crystal system, with the same defect parameters.
 */
class ReflectionRenderingTest {
    private static final TwoThetaGrid GRID = TwoThetaGrid.DEFAULT;
    private static List<CrystalStructure> structures;

    @BeforeAll
    static void read() throws Exception {
        List<CrystalStructure> all = StructureLibrary.read(Path.of("sample-data/structure-library/amcsd.cif.gz")).structures().stream()
                .filter(s -> s.crystalSystem().isPresent()).toList();
        // five structures of each crystal system, spread over the library (an even stride over the whole library missed the rarest system)
        structures = new ArrayList<>();
        all.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.crystalSystem().orElseThrow(), java.util.TreeMap::new,
                java.util.stream.Collectors.toList())).values().forEach(ofSystem -> {
                    for (int j = 0; j < 5 && j < ofSystem.size(); j++) {
                        structures.add(ofSystem.get(j * ofSystem.size() / 5));
                    }
                });
        assertThat(structures.stream().map(s -> s.crystalSystem().orElseThrow()).distinct().count()).as("every crystal system").isEqualTo(7);
    }

    private static ImperfectPatternGenerator generator(Severity severity, EnumSet<Defect> off) {
        return new ImperfectPatternGenerator(GRID, DefectSettings.of(severity).without(off), XrdDataSetBuilder.IDEAL_PROFILE.withKAlpha2(true),
                irw.xrd.physics.SimulationSettings.defaults());
    }

    @Test
    void theUnstrainedSticksDrawTheSimulatorsProfile() {
        ImperfectPatternGenerator g = generator(Severity.PAPER, EnumSet.noneOf(Defect.class));
        PowderSimulator simulator = new PowderSimulator();
        StickBuffer buffer = new StickBuffer();
        for (CrystalStructure s : structures) {
            double[] simulated = ProfileRenderer.renderNormalised(simulator.simulate(s, g.simulation()), GRID, XrdDataSetBuilder.IDEAL_PROFILE);
            double[] cached = new double[GRID.points()];
            ProfileRenderer.render(ReflectionSet.of(s, g.simulation(), 0.05).sticks(1, 1, 1, null, buffer), GRID.wavelength(), GRID,
                    XrdDataSetBuilder.IDEAL_PROFILE, cached);
            ProfileRenderer.scaledToMax(cached);
            assertThat(maxDifference(simulated, cached)).as(s.id()).isLessThan(1e-5);
        }
    }

    @Test
    void strainedAndTexturedSticksSitWhereTheSimulatorPutsThemWithNearlyItsIntensities() {
        ImperfectPatternGenerator g = generator(Severity.HARD, EnumSet.noneOf(Defect.class));
        PowderSimulator simulator = new PowderSimulator();
        StickBuffer buffer = new StickBuffer();
        SplittableRandom rng = new SplittableRandom(5);
        for (CrystalStructure s : structures) {
            DefectParameters p = g.draw(rng, -1, s.cell());
            MarchDollase texture = new MarchDollase(p.textureH(), p.textureK(), p.textureL(), 0.6);
            StickPattern simulated = simulator.simulate(s.withCell(s.cell().scaled(1 + p.strainA(), 1 + p.strainB(), 1 + p.strainC())),
                    g.simulation().withTexture(texture));
            ReflectionSet.of(s, g.simulation(), 0.05).sticks(1 + p.strainA(), 1 + p.strainB(), 1 + p.strainC(), texture, buffer);
            // every simulated line has a cached family at its angle (a merged line may be several families) and vice versa
            for (var stick : simulated.sticks()) {
                assertThat(nearest(buffer, stick.twoTheta())).as("%s line at %.4f°", s.id(), stick.twoTheta()).isLessThan(1e-8);
            }
            double[] a = ProfileRenderer.renderNormalised(simulated, GRID, XrdDataSetBuilder.IDEAL_PROFILE);
            double[] b = new double[GRID.points()];
            ProfileRenderer.render(buffer, GRID.wavelength(), GRID, XrdDataSetBuilder.IDEAL_PROFILE, b);
            assertThat(maxDifference(a, ProfileRenderer.scaledToMax(b))).as(s.id()).isLessThan(3e-3);
        }
    }

    @Test
    void imperfectPatternsMatchTheSimulatedOnesAtEverySeverity() {
        StickBuffer buffer = new StickBuffer();
        double worst = 0;
        for (Severity severity : Severity.values()) {
            ImperfectPatternGenerator g = generator(severity, EnumSet.of(Defect.NOISE));
            SplittableRandom rng = new SplittableRandom(severity.ordinal());
            for (int i = 0; i < structures.size(); i++) {
                CrystalStructure s = structures.get(i);
                CrystalStructure impurity = structures.get((i + 11) % structures.size());
                DefectParameters p = g.draw(rng, 1, s.cell());
                float[] simulated = g.render(s, impurity, p, new SplittableRandom(1));
                float[] cached = g.render(ReflectionSet.of(s, g.simulation(), 0.05), ReflectionSet.of(impurity, g.simulation(), 0.05), p,
                        new SplittableRandom(1), buffer);
                double d = maxDifference(toDouble(simulated), toDouble(cached));
                worst = Math.max(worst, d);
                assertThat(d).as("%s %s %s", severity, s.id(), p).isLessThan(3e-3);
            }
        }
        assertThat(worst).as("the strain moves |F|² a little: not bit for bit").isGreaterThan(0);
    }

    @Test
    void countingNoiseHasTheSameSpreadEitherWay() {
        ImperfectPatternGenerator noisy = generator(Severity.PAPER, EnumSet.of(Defect.BACKGROUND, Defect.IMPURITY, Defect.LATTICE));
        StickBuffer buffer = new StickBuffer();
        CrystalStructure s = structures.get(3);
        ReflectionSet cached = ReflectionSet.of(s, noisy.simulation(), 0.05);
        DefectParameters base = noisy.draw(new SplittableRandom(2), -1, s.cell());
        DefectParameters p = new DefectParameters(0, 0, 0, base.zeroShiftDeg(), base.crystalliteNm(), 1, 0, 0, 1, base.chebyshev(), 0, 0, 0, 0,
                2000, base.kAlpha2(), 0, -1);
        DefectParameters clean = new DefectParameters(0, 0, 0, base.zeroShiftDeg(), base.crystalliteNm(), 1, 0, 0, 1, base.chebyshev(), 0, 0, 0, 0,
                0, base.kAlpha2(), 0, -1);
        double[] truth = toDouble(noisy.render(cached, null, clean, new SplittableRandom(0), buffer));
        double slow = 0, fast = 0;
        for (int r = 0; r < 8; r++) {
            slow += spread(noisy.render(s, null, p, new SplittableRandom(100 + r)), truth);
            fast += spread(noisy.render(cached, null, p, new SplittableRandom(100 + r), buffer), truth);
        }
        assertThat(fast / slow).isBetween(0.9, 1.1);
        assertThat(slow / 8).as("about sqrt(2000)/2000 of the peak where it is strong").isBetween(0.001, 0.05);
    }

    @Test
    void aStrainBeyondTheSetsCoverageIsRefused() {
        ReflectionSet r = ReflectionSet.of(structures.get(0), generator(Severity.MILD, EnumSet.noneOf(Defect.class)).simulation(), 0.02);
        assertThatThrownBy(() -> r.sticks(1.03, 1, 1, null, new StickBuffer())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beyond");
    }

    @Test
    void theSourceDrawsTheSameStructuresFromReflectionsAndReproducibly() {
        TrainingPatternSource simulated = new TrainingPatternSource(structures, 7, GRID, TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 3);
        TrainingPatternSource cached = new TrainingPatternSource(structures, 7, GRID, TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 3,
                TrainingPatternSource.Rendering.REFLECTIONS);
        TrainingPatternSource again = new TrainingPatternSource(structures, 7, GRID, TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 3,
                TrainingPatternSource.Rendering.REFLECTIONS);
        int close = 0;
        for (int i = 0; i < 40; i++) {
            TrainingPatternSource.Sample a = simulated.draw(i), b = cached.draw(i);
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(again.draw(i).values()).containsExactly(b.values());
            close += maxDifference(a.values(), b.values()) < 3e-3 ? 1 : 0;
        }
        // draws without counting noise (clean ones, and noise switched off) come out the same
        assertThat(close).isGreaterThanOrEqualTo(6);
    }

    private static double spread(float[] y, double[] truth) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (y[i] - truth[i]) * (y[i] - truth[i]);
        }
        return Math.sqrt(sum / y.length);
    }

    private static double nearest(StickBuffer b, double twoTheta) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < b.size(); i++) {
            best = Math.min(best, Math.abs(b.twoTheta(i) - twoTheta));
        }
        return best;
    }

    private static double maxDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
