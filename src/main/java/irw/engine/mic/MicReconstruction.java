package irw.engine.mic;

import irw.core.ClassSet;

/**
 * One item as every class generator reconstructs it (Hobbhahn, sections 2.2 and 2.3): each
 * generator's input is fitted to the item by gradient descent (weights frozen), then the sequence
 * it generates from that input is the class's reconstruction. The class with the smallest mean
 * squared error wins; the errors are not probabilities.
 *
 * @param reconstructions [classes][item length] each generator's output, flattened like the item
 * @param errors          mean squared error of each reconstruction against the item
 * @param classes         the class names, in generator order
 */
public record MicReconstruction(float[][] reconstructions, double[] errors, ClassSet classes) {
    public MicReconstruction {
        if (reconstructions.length != classes.size() || errors.length != classes.size()) {
            throw new IllegalArgumentException(reconstructions.length + " reconstructions and " + errors.length + " errors for "
                    + classes.size() + " classes");
        }
    }

    /** The class whose generator reconstructs the item best (section 2.3). */
    public int winner() {
        return MicClassification.argMin(new double[][]{errors})[0];
    }

    /** The class with the second smallest error (-1 with one class). */
    public int runnerUp() {
        int w = winner();
        int best = -1;
        for (int k = 0; k < errors.length; k++) {
            if (k != w && (best < 0 || errors[k] < errors[best])) {
                best = k;
            }
        }
        return best;
    }
}
