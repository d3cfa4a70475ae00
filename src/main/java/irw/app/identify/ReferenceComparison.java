package irw.app.identify;

import irw.app.workbench.PatternEntry;
import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.PatternMetrics;
import irw.core.TwoThetaGrid;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.search.MatchedPhase;

import java.util.Locale;

/**
 * A search-match candidate as the ground truth of a measured pattern: its simulated profile on the models'
 * grid, and l1, KL and NCC of the measured pattern (prepared as the models see it: background removed,
 * scaled) and of its refined pattern against it, over the cells the instrument measured. This is how
 * refinement is judged on real data, where no simulated ground truth exists.
 *
 * @param reference the candidate's profile on the grid, maximum 1
 * @param text      the figures in words, for the panel
 */
public record ReferenceComparison(Pattern reference, String text) {
    public static ReferenceComparison of(PatternEntry entry, MatchedPhase phase, TwoThetaGrid grid) {
        // the models' grid has its own wavelength: the reference is drawn for it, as the measured pattern is converted to it
        MatchedPhase onGrid = new MatchedPhase(phase.library(), phase.candidate(), grid.wavelength(), phase.fwhm());
        double[] profile = onGrid.profile(grid);
        Pattern reference = Pattern.onGrid(grid, profile, PatternMetadata.named("reference: " + phase.candidate().entry().block()));
        Pattern raw = entry.raw().orElseThrow();
        var prepared = ModelInputPreparation.standard(grid).prepare(raw.withMetadata(raw.metadata().withWavelength(phase.wavelength())));
        if (prepared.refusal().isPresent()) {
            return new ReferenceComparison(reference, "no comparison: " + prepared.refusalMessage());
        }
        StringBuilder s = new StringBuilder(line("raw", prepared.values(), null, profile, prepared));
        Pattern refined = entry.refined();
        if (refined != null && refined.size() == grid.points()) {
            s.append('\n').append(line("refined", null, refined.intensityValues(), profile, prepared));
        }
        return new ReferenceComparison(reference, s.toString());
    }

    private static String line(String what, float[] f, double[] d, double[] profile, ModelInputPreparation.Prepared prepared) {
        int n = 0;
        for (int i = 0; i < profile.length; i++) {
            n += prepared.measured(i) ? 1 : 0;
        }
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0, j = 0; i < profile.length; i++) {
            if (prepared.measured(i)) {
                a[j] = f != null ? f[i] : d[i];
                b[j++] = profile[i];
            }
        }
        return String.format(Locale.ROOT, "%s vs reference (%d measured cells): l1 %.1f, KL %.3f, NCC %.3f", what, n,
                PatternMetrics.l1(a, b), PatternMetrics.klDivergence(a, b), PatternMetrics.ncc(a, b));
    }
}
