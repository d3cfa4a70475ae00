package irw.xrd.search;

import irw.core.Pattern;
import irw.core.Wavelength;
import irw.xrd.library.ChemicalFormula;
import irw.xrd.library.StickLibrary;
import irw.xrd.library.StructureEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Search-match of measured patterns against a {@link StickLibrary}, as Match! and HighScore do it: the
 * background is removed, every structure is screened, the best few hundred are fitted with a zero shift
 * and an isotropic strain, and the ranked candidates are reported. Then the best phase is taken out of
 * the signal and the rest is searched again, for up to three phases. Thread-safe; the per-wavelength
 * stick positions are computed once and kept.
 */
public final class SearchMatch {
    /** A later phase is searched only while this share of the compressed signal is still unexplained. */
    static final double MIN_SIGNAL_LEFT = 0.2;
    /**
     * A later phase counts as a close match only when it raises the figure of merit of all phases together
     * by this much; one that raises it less is shown as uncertain.
     */
    static final double MIN_GAIN = 0.03;
    /** The width of the strain preference (see {@link #strainPrior}). */
    static final double TYPICAL_STRAIN = 0.015;

    private final StickLibrary lib;
    private final Map<List<Double>, StickPositions> positions = new ConcurrentHashMap<>();

    public SearchMatch(StickLibrary lib) {
        this.lib = lib;
    }

    public StickLibrary library() {
        return lib;
    }

    /**
     * Identifies the phases of a pattern measured with the given radiation (the file's, or what the user
     * states; the library's when neither is known).
     */
    public SearchResult identify(Pattern pattern, Wavelength wavelength, SearchSettings settings) {
        long t0 = System.nanoTime();
        double[] range = measuredRange(wavelength.kAlpha1());
        MeasuredProfile profile = MeasuredProfile.of(pattern, wavelength, range[0], range[1], settings.backgroundWidth());
        StickPositions sticks = positions.computeIfAbsent(List.of(wavelength.kAlpha1(), settings.compression()),
                k -> new StickPositions(lib, wavelength.kAlpha1(), settings.compression()));
        LibraryScreen screen = new LibraryScreen(lib, sticks);
        ProfileFit fitter = new ProfileFit(lib, profile, settings);

        double[] net0 = profile.net();
        double[] z0 = compress(net0, settings.compression());
        double total = Arrays.stream(net0).sum();
        double[] net = net0;
        double[] z = z0;
        List<PhaseMatch> phases = new ArrayList<>();
        List<StructureEntry> found = new ArrayList<>();
        List<double[]> profiles = new ArrayList<>();
        double explained = 0;
        for (int phase = 1; phase <= settings.maxPhases() && total > 0; phase++) {
            double left = Arrays.stream(net).sum() / total;
            if (phase > 1 && left < MIN_SIGNAL_LEFT) {
                break;
            }
            IntPredicate allowed = i -> settings.elements().accepts(lib.entry(i)) && found.stream().noneMatch(f -> sameAs(f, lib.entry(i)));
            LibraryScreen.Hit[] hits = screen.screen(profile, z, settings, allowed, settings.screened());
            if (hits.length == 0) {
                break;
            }
            double zNorm = LibraryScreen.norm(z);
            double[] zz = z;
            boolean first = phase == 1;
            double before = explained;
            // phase 1: the figure of merit of the structure alone; later phases: of all phases so far fitted
            // together to the whole signal with this one added, so a phase counts by what it adds
            List<Candidate> candidates = Arrays.stream(hits).parallel()
                    .map(h -> fitter.fit(h.index(), zz, zNorm, h.zeroShift(), h.strain(), h.broadening(), settings))
                    .map(f -> {
                        double coverage = fitter.coverage(f, zz, z0);
                        double merit = first ? f.score() * coverage : mixtureScore(profiles, fitter, f, net0, z0, settings.compression());
                        return new Candidate(f.index(), lib.entry(f.index()), merit * strainPrior(f.strain()), f.score(), f.zeroShift(),
                                f.strain(), f.broadening(), coverage);
                    })
                    .sorted((a, b) -> Double.compare(b.score(), a.score()))
                    .limit(settings.top()).toList();
            Candidate best = candidates.get(0);
            boolean close = first ? best.score() >= settings.minCloseScore() : best.score() - before >= MIN_GAIN;
            if (!first && best.score() <= before) {
                break; // no structure improves on the phases found: no further phase is proposed
            }
            phases.add(new PhaseMatch(phase, candidates, close, left, before));
            if (!close) {
                break; // an uncertain phase is shown, flagged, and nothing is built on it
            }
            found.add(best.entry());
            double[] r = new double[net0.length];
            fitter.render(best.index(), best.zeroShift(), best.strain(), best.broadening(), r);
            profiles.add(r);
            explained = PhaseMixture.score(profiles.toArray(double[][]::new), net0, z0, settings.compression());
            net = residual(net0, profiles);
            z = compress(net, settings.compression());
        }
        return new SearchResult(pattern.metadata().sampleName(), phases, profile.fwhm(), profile.start(), profile.end(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The 2θ range, at the measured wavelength, of the d-spacings the library was simulated for: outside
     * it there are no sticks, so measured peaks there neither count nor penalise.
     */
    double[] measuredRange(double lambda) {
        double libLambda = lib.wavelength().kAlpha1();
        double dMax = libLambda / (2 * Math.sin(Math.toRadians(lib.twoThetaMin() / 2)));
        double dMin = libLambda / (2 * Math.sin(Math.toRadians(lib.twoThetaMax() / 2)));
        double lo = Math.toDegrees(2 * Math.asin(Math.min(1, lambda / (2 * dMax))));
        double hi = lambda / (2 * dMin) >= 1 ? 180 : Math.toDegrees(2 * Math.asin(lambda / (2 * dMin)));
        return new double[]{lo, hi};
    }

    /** The same phase again: same composition (within 5 %) and crystal system, e.g. another refinement of it. */
    static boolean sameAs(StructureEntry a, StructureEntry b) {
        return a.crystalSystem().equals(b.crystalSystem())
                && ChemicalFormula.parse(a.formula()).sameComposition(ChemicalFormula.parse(b.formula()), 0.05);
    }

    /** The figure of merit of the accepted phases and one more, fitted together. */
    private static double mixtureScore(List<double[]> accepted, ProfileFit fitter, ProfileFit.Fit f, double[] net0, double[] z0,
                                       double compression) {
        double[][] r = new double[accepted.size() + 1][];
        for (int k = 0; k < accepted.size(); k++) {
            r[k] = accepted.get(k);
        }
        r[accepted.size()] = new double[net0.length];
        fitter.render(f.index(), f.zeroShift(), f.strain(), f.broadening(), r[accepted.size()]);
        return PhaseMixture.score(r, net0, z0, compression);
    }

    /**
     * A mild preference for the library's own lattice: a structure that fits only when strained by ε is
     * weighted by exp(−½ (ε / 1.5 %)²). Among isostructural entries (bixbyite-type oxides of other metals,
     * say) the one whose cell matches without strain is the measured compound; a genuinely strained
     * sample loses a little score, never its ranking among the entries of its own structure.
     */
    static double strainPrior(double strain) {
        double t = strain / TYPICAL_STRAIN;
        return Math.exp(-0.5 * t * t);
    }

    /** The signal less the accepted phases fitted together (non-negative least squares), clipped at zero. */
    private static double[] residual(double[] net0, List<double[]> profiles) {
        double[][] r = profiles.toArray(double[][]::new);
        double[] a = PhaseMixture.nonNegativeLeastSquares(r, net0);
        double[] out = net0.clone();
        for (int k = 0; k < r.length; k++) {
            for (int m = 0; m < out.length; m++) {
                out[m] -= a[k] * r[k][m];
            }
        }
        for (int m = 0; m < out.length; m++) {
            out[m] = Math.max(0, out[m]);
        }
        return out;
    }

    static double[] compress(double[] net, double p) {
        double[] z = new double[net.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = p == 0.5 ? Math.sqrt(net[i]) : Math.pow(net[i], p);
        }
        return z;
    }
}
