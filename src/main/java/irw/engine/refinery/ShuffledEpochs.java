package irw.engine.refinery;

import irw.engine.BatchSource;

import java.util.Arrays;
import java.util.Random;

/**
 * The mini-batches of one refinery model: every epoch a fresh permutation of the training items
 * (drawn from the model's own random generator, so a seed gives the same order), cut into
 * consecutive batches (the last one shorter). Stateful: the loop asks for the steps in order.
 */
final class ShuffledEpochs implements BatchSource<int[]> {
    private final int items;
    private final int batchSize;
    private final long firstStep;
    private final long stepsPerEpoch;
    private final Random order;
    private int[] permutation;

    ShuffledEpochs(int items, int batchSize, long firstStep, Random order) {
        this.items = items;
        this.batchSize = batchSize;
        this.firstStep = firstStep;
        this.stepsPerEpoch = stepsPerEpoch(items, batchSize);
        this.order = order;
    }

    static long stepsPerEpoch(int items, int batchSize) {
        return (items + batchSize - 1) / batchSize;
    }

    @Override
    public int[] batch(long step) {
        int s = (int) ((step - firstStep) % stepsPerEpoch);
        if (s == 0) {
            permutation = permutation(items, order);
        }
        int from = s * batchSize;
        return Arrays.copyOfRange(permutation, from, Math.min(items, from + batchSize));
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
