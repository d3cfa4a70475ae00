package irw.engine;

/**
 * The classifier's answer for a batch of items.
 *
 * @param probabilities softmax of the prediction layer G, [items][classes]
 * @param embeddings    F(x), [items][embedding size]
 * @param logits        G(F(x)) before any softmax or temperature, [items][classes]
 */
public record Classification(float[][] probabilities, float[][] embeddings, float[][] logits) {

    public int size() {
        return probabilities.length;
    }

    public int predicted(int item) {
        float[] p = probabilities[item];
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    public double confidence(int item) {
        return probabilities[item][predicted(item)];
    }

    public int[] predictedLabels() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predicted(i);
        }
        return out;
    }
}
