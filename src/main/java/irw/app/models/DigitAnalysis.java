package irw.app.models;

import java.util.List;

/**
 * What the Digits view shows for the drawn digit: the classifier's probabilities before and after
 * refinement, the refined image, and the refinement's intermediate images for the animation.
 */
public record DigitAnalysis(double[] before, double[] after, float[] refined, List<float[]> steps) {
    public int predictedBefore() {
        return argmax(before);
    }

    public int predictedAfter() {
        return argmax(after);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
