package irw.app.identify;

import irw.core.Pattern;
import irw.core.Wavelength;
import irw.xrd.peaks.Peak;
import irw.xrd.preprocess.KAlpha2Stripping;
import irw.xrd.preprocess.SavitzkyGolay;
import irw.xrd.preprocess.SnipBackground;
import irw.xrd.search.MeasuredProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The toolkit's steps on a measured pattern, in the order a crystallographer applies them: SNIP
 * background (drawn always, subtracted when asked), Rachinger Kα2 stripping, Savitzky-Golay smoothing.
 * Each step is a switch on this value, never a change to the file's data, so switching it off is the
 * undo. Everything stays on the pattern's own 2θ axis and counts.
 *
 * @param backgroundWidth SNIP clipping half-width, degrees 2θ: wider than a peak cluster, narrower than an
 *                        amorphous hump
 * @param subtract        subtract the background
 * @param stripKAlpha2    remove the Kα2 twins (only when the wavelength states Kα2)
 * @param smooth          5-point quadratic Savitzky-Golay smoothing
 * @param minPercent      the peak list keeps peaks at least this many percent of the strongest: the noise
 *                        estimate sees only point-to-point noise, so the slow wiggles of an amorphous hump or
 *                        of correlated detector noise pass it (MnO.xy: dozens of 1-2 % "peaks" at 10-20°)
 */
public record PatternTreatment(double backgroundWidth, boolean subtract, boolean stripKAlpha2, boolean smooth, double minPercent) {
    public static final double DEFAULT_BACKGROUND_WIDTH = 1.5;
    public static final double DEFAULT_MIN_PERCENT = 2;

    public PatternTreatment {
        if (!(backgroundWidth > 0) || backgroundWidth > 30) {
            throw new IllegalArgumentException("the background half-width must lie in (0, 30]°, got " + backgroundWidth);
        }
        if (!(minPercent >= 0 && minPercent < 100)) {
            throw new IllegalArgumentException("the smallest listed peak must lie in [0, 100) % of the strongest, got " + minPercent);
        }
    }

    public static PatternTreatment none() {
        return new PatternTreatment(DEFAULT_BACKGROUND_WIDTH, false, false, false, DEFAULT_MIN_PERCENT);
    }

    /**
     * The treated pattern, with its background estimate and peak list.
     *
     * @param shown      what the steps made of the pattern (the raw one when none is on)
     * @param background the SNIP estimate of the pattern after Kα2 stripping and smoothing (before any subtraction), on the raw axis, in counts
     * @param peaks      the peaks of the shown pattern above its noise: 2θ, d, net height, FWHM
     * @param steps      the steps applied, in words ("as measured" when none)
     */
    public record Result(Pattern shown, double[] background, List<Peak> peaks, String steps) {
    }

    /**
     * Applies the steps to {@code raw} measured with {@code wavelength}: Kα2 stripping and smoothing
     * first, then the background of what they made (Rachinger scales a flat background by 1/(1+R) too, so
     * a background of the raw counts would float above the stripped pattern), subtracted when asked.
     */
    public Result apply(Pattern raw, Wavelength wavelength) {
        Pattern shown = raw;
        List<String> steps = new ArrayList<>();
        if (stripKAlpha2 && wavelength.hasKAlpha2()) {
            shown = KAlpha2Stripping.strip(shown, wavelength);
            steps.add("Kα2 stripped (Rachinger)");
        }
        if (smooth && shown.size() >= 5) {
            shown = new SavitzkyGolay(2, 2).smooth(shown);
            steps.add("smoothed (Savitzky-Golay, 5 points)");
        }
        double[] background = SnipBackground.forWidthDegrees(shown, backgroundWidth).estimate(shown.intensityValues());
        if (subtract) {
            double[] y = shown.intensityValues();
            for (int i = 0; i < y.length; i++) {
                y[i] -= background[i];
            }
            shown = shown.withIntensity(y);
            steps.add(String.format(java.util.Locale.ROOT, "background subtracted (SNIP, %.2f°)", backgroundWidth));
        }
        List<Peak> peaks = peaksOf(shown, wavelength);
        return new Result(shown, background, peaks, steps.isEmpty() ? "as measured" : String.join(", ", steps));
    }

    /** The search's own peak finder (noise-aware, with FWHM), over the whole measured range. */
    private List<Peak> peaksOf(Pattern shown, Wavelength wavelength) {
        try {
            // the search's background half-width is the narrowest it uses; broad peaks widen it
            List<Peak> all = MeasuredProfile.of(shown, Wavelength.single(wavelength.kAlpha1()), 0, 180, backgroundWidth).peaks();
            double top = all.stream().mapToDouble(Peak::height).max().orElse(0);
            return all.stream().filter(p -> p.height() >= minPercent / 100 * top).toList();
        } catch (IllegalArgumentException tooShort) {
            return List.of();
        }
    }
}
