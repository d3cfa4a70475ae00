package irw.engine.mic;

import irw.core.ClassSet;
import irw.core.ConfusionMatrix;

/**
 * The result of modular inverse classification of n items.
 *
 * @param predicted    the class whose generator reconstructed the item best (section 2.3), per item
 * @param errors       [n][classes] mean squared reconstruction error after the input gradient steps
 * @param startErrors  [n][classes] the error from the uniform start vector, i.e. with 0 steps (section 3.5.3)
 * @param classes      the class names
 */
public record MicClassification(int[] predicted, double[][] errors, double[][] startErrors, ClassSet classes) {

    /** Predictions with 0 gradient steps: the arg-min of the start errors (the paper's "0 iterations" baseline). */
    public int[] predictedWithoutInversion() {
        return argMin(startErrors);
    }

    public ConfusionMatrix confusion(int[] truth) {
        return ConfusionMatrix.of(classes, truth, predicted);
    }

    public double accuracy(int[] truth) {
        return ConfusionMatrix.accuracy(truth, predicted);
    }

    /** Mean error of the winning (smallest-error) reconstruction, the paper's MSE column of Table 4. */
    public double meanWinningError() {
        double s = 0;
        for (int i = 0; i < predicted.length; i++) {
            s += errors[i][predicted[i]];
        }
        return s / predicted.length;
    }

    static int[] argMin(double[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int best = 0;
            for (int k = 1; k < rows[i].length; k++) {
                if (rows[i][k] < rows[i][best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
