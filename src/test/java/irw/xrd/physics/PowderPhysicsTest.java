package irw.xrd.physics;

import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.cif.UnitCell;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PowderPhysicsTest {
    static final Path REF = Path.of("sample-data/reference-structures");
    final PowderSimulator simulator = new PowderSimulator();

    static Stick find(StickPattern p, int h, int k, int l) {
        return p.sticks().stream().filter(s -> Set.of(List.of(h, k, l)).contains(List.of(Math.abs(s.h()), Math.abs(s.k()), Math.abs(s.l()))))
                .findFirst().orElse(null);
    }

    @Test
    void rockSaltHasTheFccLinesWithTheirMultiplicitiesAndNoOthers() throws Exception {
        CrystalStructure nacl = StructureLibrary.readOne(REF.resolve("NaCl_225.cif"), null);
        StickPattern p = simulator.simulate(nacl, SimulationSettings.pymatgenLike(5, 90));
        // a = 5.64 Å, λ = 1.54184 Å: 2θ(111) = 2 asin(λ√3 / 2a) = 27.390°, 2θ(200) = 2 asin(λ / a) = 31.730°
        assertThat(p.sticks().get(0).twoTheta()).isCloseTo(27.390, within(0.001));
        assertThat(p.sticks().get(1).twoTheta()).isCloseTo(31.730, within(0.001));
        int[][] expected = {{1, 1, 1, 8}, {2, 0, 0, 6}, {2, 2, 0, 12}, {3, 1, 1, 24}, {2, 2, 2, 8}, {4, 0, 0, 6}, {3, 3, 1, 24}, {4, 2, 0, 24}};
        for (int i = 0; i < expected.length; i++) {
            Stick s = p.sticks().get(i);
            int[] sorted = java.util.stream.IntStream.of(Math.abs(s.h()), Math.abs(s.k()), Math.abs(s.l())).boxed()
                    .sorted(java.util.Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
            assertThat(sorted).as("line %d", i).containsExactly(expected[i][0], expected[i][1], expected[i][2]);
            assertThat(s.multiplicity()).as("multiplicity of line %d", i).isEqualTo(expected[i][3]);
        }
        // F(200) = 4(f_Na + f_Cl) beats F(111) = 4(f_Cl − f_Na): 200 is the strongest line
        assertThat(p.sticks().get(1).intensity()).isCloseTo(100.0, within(1e-9));
        assertThat(p.sticks().get(0).intensity()).isLessThan(15);
    }

    @Test
    void diamondSiliconLacksTwoHundredAndTwoTwoTwo() throws Exception {
        CrystalStructure si = StructureLibrary.readOne(REF.resolve("Si_227.cif"), null);
        StickPattern p = simulator.simulate(si, SimulationSettings.pymatgenLike(5, 90));
        assertThat(find(p, 2, 0, 0)).isNull();
        assertThat(find(p, 2, 2, 2)).isNull();
        assertThat(find(p, 1, 1, 0)).isNull();
        assertThat(find(p, 1, 1, 1).intensity()).isCloseTo(100.0, within(1e-9));
        assertThat(find(p, 2, 2, 0)).isNotNull();
        assertThat(find(p, 3, 1, 1)).isNotNull();
        assertThat(find(p, 4, 0, 0).multiplicity()).isEqualTo(6);
        assertThat(p.sticks()).hasSize(6); // 111, 220, 311, 400, 331, 422 up to 90°
    }

    @Test
    void countedAndSummedMultiplicitiesAgreeInEveryCrystalSystem() throws Exception {
        List<CrystalStructure> structures = LibraryBlocks.read(Set.of("amcsd_0000003", "amcsd_0000006", "amcsd_0000007", "amcsd_0000009",
                "amcsd_0000013", "amcsd_0000059", "amcsd_0000008", "amcsd_0000020", "amcsd_0000021", "amcsd_0000030", "amcsd_0000047",
                "amcsd_0000112", "amcsd_0000285"));
        assertThat(structures).hasSize(13);
        // strained copies: the metric no longer has the full symmetry, so families split
        List<CrystalStructure> strained = structures.stream().map(s -> s.withCell(s.cell().scaled(1.012, 0.995, 1.02))).toList();
        structures = new java.util.ArrayList<>(structures);
        structures.addAll(strained);
        SimulationSettings counted = SimulationSettings.defaults().withTexture(new MarchDollase(0, 0, 1, 0.8));
        SimulationSettings summed = counted.withMultiplicity(SimulationSettings.Multiplicity.SUM_ALL_REFLECTIONS);
        int lines = 0;
        for (CrystalStructure s : structures) {
            StickPattern a = simulator.simulate(s, counted);
            StickPattern b = simulator.simulate(s, summed);
            assertThat(a.size()).as("%s", s).isEqualTo(b.size());
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.sticks().get(i).multiplicity()).as("%s line %d", s, i).isEqualTo(b.sticks().get(i).multiplicity());
                // CIF coordinates are rounded (0.333 for 1/3), so members of a family differ in |F|² by ~1e-5
                assertThat(a.sticks().get(i).intensity()).isCloseTo(b.sticks().get(i).intensity(), within(1e-3));
                assertThat(a.sticks().get(i).twoTheta()).isCloseTo(b.sticks().get(i).twoTheta(), within(1e-9));
            }
            lines += a.size();
        }
        assertThat(lines).isGreaterThan(1000);
    }

    @Test
    void strainSplitsCubicLinesIntoTheirTetragonalFamilies() throws Exception {
        CrystalStructure nacl = StructureLibrary.readOne(REF.resolve("NaCl_225.cif"), null);
        CrystalStructure stretched = nacl.withCell(nacl.cell().scaled(1, 1, 1.01));
        StickPattern p = simulator.simulate(stretched, SimulationSettings.pymatgenLike(30, 33));
        // {200} of m-3m (6) becomes {200}+{020} (4) and {002} (2), the longer c giving the lower angle
        assertThat(p.sticks()).extracting(Stick::multiplicity).containsExactly(2, 4);
        assertThat(p.sticks().get(0).l()).isNotZero();
        assertThat(p.sticks().get(1).twoTheta() - p.sticks().get(0).twoTheta()).isCloseTo(0.31, within(0.02));
    }

    @Test
    void triclinicDSpacingsMatchCartesianReciprocalVectors() {
        UnitCell cell = new UnitCell(5.1, 6.3, 7.7, 81.0, 97.5, 104.2);
        double ca = Math.cos(Math.toRadians(81.0)), cb = Math.cos(Math.toRadians(97.5)), cg = Math.cos(Math.toRadians(104.2));
        double sg = Math.sin(Math.toRadians(104.2));
        double[] a = {5.1, 0, 0};
        double[] b = {6.3 * cg, 6.3 * sg, 0};
        double cx = 7.7 * cb, cy = 7.7 * (ca - cb * cg) / sg;
        double[] c = {cx, cy, Math.sqrt(7.7 * 7.7 - cx * cx - cy * cy)};
        double vol = dot(a, cross(b, c));
        assertThat(cell.volume()).isCloseTo(vol, within(1e-9));
        double[] as = scale(cross(b, c), 1 / vol), bs = scale(cross(c, a), 1 / vol), cs = scale(cross(a, b), 1 / vol);
        int[][] hkls = {{1, 0, 0}, {0, 1, 0}, {1, -2, 3}, {-2, 1, 1}, {3, 3, -1}};
        for (int[] h : hkls) {
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                g[i] = h[0] * as[i] + h[1] * bs[i] + h[2] * cs[i];
            }
            assertThat(cell.dSpacing(h[0], h[1], h[2])).isCloseTo(1 / Math.sqrt(dot(g, g)), within(1e-10));
        }
    }

    @Test
    void debyeWallerDampsHighAnglesByExpMinusTwoBsSquared() throws Exception {
        CrystalStructure nacl = StructureLibrary.readOne(REF.resolve("NaCl_225.cif"), null);
        double u = 0.01;
        CrystalStructure hot = new CrystalStructure(nacl.id(), nacl.name(), nacl.cell(),
                nacl.sites().stream().map(s -> new irw.xrd.cif.AtomSite(s.label(), s.element(), s.charge(), s.x(), s.y(), s.z(), 1, u)).toList(),
                nacl.operations(), nacl.spaceGroupNumber(), nacl.crystalSystem());
        SimulationSettings dw = SimulationSettings.pymatgenLike(5, 90).withDebyeWaller(true);
        StickPattern cold = simulator.simulate(nacl, dw);
        StickPattern warm = simulator.simulate(hot, dw);
        double b = 8 * Math.PI * Math.PI * u;
        // both scaled to the 200 line; the ratio of ratios is exp(-2B (s_i² − s_200²))
        for (int i = 2; i < cold.size(); i++) {
            double si = 1 / (2 * cold.sticks().get(i).d()), s200 = 1 / (2 * cold.sticks().get(1).d());
            double expected = Math.exp(-2 * b * (si * si - s200 * s200));
            assertThat(warm.sticks().get(i).intensity() / cold.sticks().get(i).intensity()).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void lorentzPolarisationAndMonochromator() {
        double tt = 40, t = Math.toRadians(20);
        double plain = (1 + Math.pow(Math.cos(2 * t), 2)) / (Math.pow(Math.sin(t), 2) * Math.cos(t));
        assertThat(PowderSimulator.lorentzPolarisation(tt, 0)).isCloseTo(plain, within(1e-12));
        double cm = Math.cos(Math.toRadians(26.6));
        double mono = (1 + cm * cm * Math.pow(Math.cos(2 * t), 2)) / (Math.pow(Math.sin(t), 2) * Math.cos(t));
        assertThat(PowderSimulator.lorentzPolarisation(tt, 26.6)).isCloseTo(mono, within(1e-12));
    }

    @Test
    void textureAlongZeroZeroOneStrengthensBasalLines() throws Exception {
        CrystalStructure rutile = StructureLibrary.readOne(REF.resolve("TiO2_136.cif"), null);
        SimulationSettings base = SimulationSettings.pymatgenLike(5, 90);
        StickPattern random = simulator.simulate(rutile, base);
        StickPattern oneIsRandom = simulator.simulate(rutile, base.withTexture(new MarchDollase(0, 0, 1, 1.0)));
        StickPattern plates = simulator.simulate(rutile, base.withTexture(new MarchDollase(0, 0, 1, 0.6)));
        for (int i = 0; i < random.size(); i++) {
            assertThat(oneIsRandom.sticks().get(i).intensity()).isCloseTo(random.sticks().get(i).intensity(), within(1e-9));
        }
        Stick basal = find(plates, 0, 0, 2), basalRandom = find(random, 0, 0, 2);
        Stick prism = find(plates, 1, 1, 0), prismRandom = find(random, 1, 1, 0);
        assertThat(basal.intensity() / prism.intensity()).isGreaterThan(2 * basalRandom.intensity() / prismRandom.intensity());
    }

    @Test
    void profilePeaksKeepTheirAreaWidthPositionAndKAlphaTwo() {
        StickPattern one = new StickPattern("one", Wavelength.CU_KALPHA, List.of(new Stick(40, 1.54056 / (2 * Math.sin(Math.toRadians(20))), 1, 0, 0, 1, 100)));
        TwoThetaGrid fine = new TwoThetaGrid(30, 50, 20001, Wavelength.CU_KALPHA);
        PeakProfile profile = PeakProfile.laboratory().withKAlpha2(false).withZeroShift(0.1);
        double[] y = ProfileRenderer.render(one, fine, profile);
        double area = 0;
        int argmax = 0;
        for (int i = 0; i < y.length; i++) {
            area += y[i] * fine.step();
            argmax = y[i] > y[argmax] ? i : argmax;
        }
        assertThat(area).isCloseTo(100, within(2.0));
        assertThat(fine.at(argmax)).isCloseTo(40.1, within(0.002));
        double half = y[argmax] / 2;
        int left = argmax, right = argmax;
        while (y[left] > half) {
            left--;
        }
        while (y[right] > half) {
            right++;
        }
        assertThat((right - left) * fine.step()).isCloseTo(profile.fwhm(40, 1.54056), within(0.003));
        double[] doublet = ProfileRenderer.render(one, fine, profile.withKAlpha2(true).withZeroShift(0));
        double k2 = 2 * Math.toDegrees(Math.asin(1.544390 / (2 * one.sticks().get(0).d())));
        int i2 = (int) Math.round(fine.indexOf(k2));
        double[] single = ProfileRenderer.render(one, fine, profile.withZeroShift(0));
        assertThat(doublet[i2] - single[i2]).isGreaterThan(0.4 * single[(int) Math.round(fine.indexOf(40))] * 0.9);
        // Scherrer: 10 nm at 40° gives 0.9 λ / (L cos θ) = 0.84° of breadth
        PeakProfile small = new PeakProfile(0, 0, 0, 10, 0.5, 0, false);
        assertThat(small.fwhm(40, 1.540562)).isCloseTo(Math.toDegrees(0.9 * 1.540562 / (100 * Math.cos(Math.toRadians(20)))), within(1e-9));
    }

    private static double[] cross(double[] x, double[] y) {
        return new double[]{x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    private static double[] scale(double[] x, double f) {
        return new double[]{x[0] * f, x[1] * f, x[2] * f};
    }
}
