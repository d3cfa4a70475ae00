package irw.xrd.search;

import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.Wavelength;
import irw.xrd.cif.CrystalSystem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What search-match must get right whatever the file: shifts, strain, the measured range, element filters, no signal. */
class SearchMatchTest {
    static final String MNO = "sample-data/measured/MnO.xy";

    private static Pattern remapped(Pattern p, java.util.function.DoubleUnaryOperator axis) {
        double[] x = p.twoThetaValues();
        for (int i = 0; i < x.length; i++) {
            x[i] = axis.applyAsDouble(x[i]);
        }
        return new Pattern(x, p.intensityValues(), p.metadata());
    }

    @Test
    void aZeroShiftAndAnIsotropicStrainAreFittedNotPenalised() throws Exception {
        Pattern mno = BundledLibrary.read(MNO);
        SearchResult plain = BundledLibrary.cuKAlpha().identify(mno, Wavelength.CU_KALPHA, SearchSettings.defaults().withMaxPhases(1));
        // the sample 0.15° off the axis and its cell 0.4 % larger: d → 1.004 d moves every line to lower angle
        double strain = 0.004;
        Pattern moved = remapped(mno, x -> 2 * Math.toDegrees(Math.asin(Math.sin(Math.toRadians(x / 2)) / (1 + strain))) + 0.15);
        SearchResult r = BundledLibrary.cuKAlpha().identify(moved, Wavelength.CU_KALPHA, SearchSettings.defaults().withMaxPhases(1));
        Candidate before = plain.best().orElseThrow();
        // a strained MnO is indistinguishable from an isostructural rock salt of that cell (ScN, a = 4.46 Å, say)
        // without chemistry: MnO must stay among the first five, with the shift and strain recovered
        assertThat(r.best().orElseThrow().entry().crystalSystem()).contains(CrystalSystem.CUBIC);
        Candidate mnO = r.phases().get(0).candidates().stream().filter(c -> SearchMatchRealFilesTest.isCompound(c.entry(), "MnO"))
                .findFirst().orElseThrow(() -> new AssertionError("MnO left the first five: " + r.phases().get(0).candidates()));
        // zero shift and strain trade off a little over 10-100°: both within a fraction of a peak width
        assertThat(mnO.zeroShift() - before.zeroShift()).isCloseTo(0.15, within(0.08));
        assertThat(mnO.strain() - before.strain()).isCloseTo(strain, within(0.0015));
        assertThat(mnO.cosine()).isCloseTo(before.cosine(), within(0.03));
        // told that the sample holds Mn, the search names MnO again
        SearchResult withMn = BundledLibrary.cuKAlpha().identify(moved, Wavelength.CU_KALPHA,
                SearchSettings.defaults().withMaxPhases(1).withElements(new ElementFilter(Set.of(), Set.of("Mn"))));
        assertThat(SearchMatchRealFilesTest.isCompound(withMn.best().orElseThrow().entry(), "MnO")).isTrue();
    }

    @Test
    void peaksOutsideTheMeasuredRangeNeitherCountNorPenalise() throws Exception {
        Pattern mno = BundledLibrary.read(MNO);
        double[] x = mno.twoThetaValues();
        int from = 0;
        while (x[from] < 30) {
            from++;
        }
        int to = from;
        while (x[to] < 62) {
            to++;
        }
        Pattern cut = new Pattern(Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(mno.intensityValues(), from, to),
                PatternMetadata.named("MnO 30-62°"));
        SearchResult r = BundledLibrary.cuKAlpha().identify(cut, Wavelength.CU_KALPHA, SearchSettings.defaults());
        assertThat(r.twoThetaMin()).isGreaterThanOrEqualTo(30);
        assertThat(r.twoThetaMax()).isLessThanOrEqualTo(62);
        Candidate best = r.best().orElseThrow();
        // three MnO lines (111, 200, 220) in range; its other lines are outside and do not lower the coverage
        assertThat(best.entry().crystalSystem()).contains(CrystalSystem.CUBIC);
        assertThat(SearchMatchRealFilesTest.isCompound(best.entry(), "MnO") || r.phases().get(0).candidates().stream()
                .anyMatch(c -> SearchMatchRealFilesTest.isCompound(c.entry(), "MnO"))).isTrue();
        assertThat(best.coverage()).isGreaterThan(0.8);
    }

    @Test
    void elementFiltersKeepOnlyAllowedStructures() throws Exception {
        Pattern mno = BundledLibrary.read(MNO);
        SearchResult only = BundledLibrary.cuKAlpha().identify(mno, Wavelength.CU_KALPHA,
                SearchSettings.defaults().withElements(new ElementFilter(Set.of("Ti", "O"), Set.of())));
        assertThat(only.phases()).allSatisfy(p -> assertThat(p.candidates())
                .allSatisfy(c -> assertThat(Set.of("Ti", "O")).containsAll(c.entry().elements())));
        // MnO is not allowed, so nothing matches closely: the flag says so
        assertThat(only.closeMatch()).isFalse();

        SearchResult must = BundledLibrary.cuKAlpha().identify(mno, Wavelength.CU_KALPHA,
                SearchSettings.defaults().withElements(new ElementFilter(Set.of(), Set.of("Mn"))));
        assertThat(must.phases().get(0).candidates()).allSatisfy(c -> assertThat(c.entry().elements()).contains("Mn"));
        assertThat(SearchMatchRealFilesTest.isCompound(must.best().orElseThrow().entry(), "MnO")).isTrue();
    }

    @Test
    void noiseAloneMatchesNothingClosely() throws Exception {
        SplittableRandom rng = new SplittableRandom(13);
        int n = 3000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + 0.02 * i;
            double mean = 500 + 200 * Math.exp(-x[i] / 30);
            // counting noise at ~500 counts: Gaussian with variance = mean (Box-Muller)
            double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            y[i] = Math.round(mean + Math.sqrt(mean) * g);
        }
        SearchResult r = BundledLibrary.cuKAlpha().identify(new Pattern(x, y, PatternMetadata.named("noise")), Wavelength.CU_KALPHA,
                SearchSettings.defaults());
        assertThat(r.closeMatch()).isFalse();
        assertThat(r.phases()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void anotherWavelengthUsesTheSameDSpacings() throws Exception {
        // MnO as a cobalt tube would record it: the same d-spacings at larger angles
        Pattern mno = BundledLibrary.read(MNO);
        double cu = Wavelength.CU_KALPHA.kAlpha1();
        double co = 1.788965;
        Pattern asCobalt = remapped(mno, t -> 2 * Math.toDegrees(Math.asin(co / cu * Math.sin(Math.toRadians(t / 2)))));
        Wavelength cobalt = Wavelength.of("Co", co, 1.792850, 0.5);
        SearchResult r = BundledLibrary.cuKAlpha().identify(asCobalt, cobalt, SearchSettings.defaults().withMaxPhases(1));
        assertThat(SearchMatchRealFilesTest.isCompound(r.best().orElseThrow().entry(), "MnO")).isTrue();
    }
}
