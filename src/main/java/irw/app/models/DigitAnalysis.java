package irw.app.models;

import irw.digits.InkMetrics;

import java.util.List;

/**
 * What the Digits view shows for the drawn digit: the classifier's probabilities before and after
 * refinement, the refined image, and the refinement's images for the animation (entry 0 the digit
 * as the classifier sees it, entry i the image after step i). {@code saysBefore}/{@code saysAfter} are the
 * verdicts in words, "7 (99 %)" or "uncertain: 2 41 % or 7 30 %" under the model's calibrated threshold.
 */
public record DigitAnalysis(double[] before, double[] after, float[] refined, List<float[]> steps, String saysBefore, String saysAfter) {
    /** Ink farther than this from the raw digit's ink counts as an invented stroke (the refiner's reach, 2 px). */
    public static final int FAR_INK_RADIUS = 2;

    /** The classification alone, while the refinement still runs: no refined image, no probabilities after it. */
    public static DigitAnalysis beforeRefinement(double[] before, float[] item, String says) {
        return new DigitAnalysis(before, null, null, List.of(item), says, null);
    }

    /** Whether this is only the classification and the refinement is still to come. */
    public boolean refining() {
        return after == null;
    }

    public int predictedBefore() {
        return argmax(before);
    }

    /** The class after refinement (−1 while {@link #refining()}). */
    public int predictedAfter() {
        return after == null ? -1 : argmax(after);
    }

    /**
     * Total variation of step {@code i}'s image over the raw digit's (issue 11, item 4): above 1
     * means refinement made the digit rougher (speckle), below 1 smoother.
     */
    public double totalVariationRatio(int i) {
        double raw = InkMetrics.totalVariation(steps.get(0));
        return raw == 0 ? 1 : InkMetrics.totalVariation(steps.get(i)) / raw;
    }

    /** Ink that step {@code i} added more than {@link #FAR_INK_RADIUS} px from the raw ink, as a share of the raw ink. */
    public double farInk(int i) {
        return InkMetrics.farInk(steps.get(0), steps.get(i), FAR_INK_RADIUS);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
