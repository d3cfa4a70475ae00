package irw.experiments.digits;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The sizes and hyper-parameters of the digits reproduction (Fig. 7). {@link #full} is the
 * default run (≤ 30 min on 2 cores), {@link #quick} the CI run (a few minutes).
 *
 * <p>Refiner weights come from the Q&A's trade-off {@code (1 − λ)·δ + λ·η}: dividing by λ gives
 * {@code η + α·δ} with {@code α = (1 − λ)/λ}; λ = 0.55 (targeted) gives α ≈ 0.82, λ = 0.15
 * (non-targeted) gives α ≈ 5.67. β (the weight of l_proto inside η) is 1.
 *
 * @param quick                 the CI variant (tiny budgets: shows the pipeline works, not what the method reaches)
 * @param ns                    N, the MNIST training examples per class the refiner sees
 * @param idealPerFont          typeset digits rendered per font (the paper: 10,250)
 * @param testPerClass          MNIST test digits evaluated per class (0 = all of the bundled test file)
 * @param classifierLambda      λ of Algorithm 1 for the prototypical classifier
 * @param classifierSteps       Algorithm 1 steps on the typeset digits
 * @param classifierPerClass    N_c, items per class per classifier step
 * @param refinerSteps          Algorithm 2 steps per refiner
 * @param refinerBatch          refiner batch size (at most 10·N is drawn per step)
 * @param scratchSteps          steps of the classifier trained from scratch on N per class
 * @param lambdaTargeted        the Q&A's λ for targeted refinement
 * @param lambdaNonTargeted     the Q&A's λ for non-targeted refinement
 * @param beta                  weight of l_proto
 */
public record DigitsPlan(boolean quick, int[] ns, int idealPerFont, int testPerClass, double classifierLambda, int classifierSteps,
                         int classifierPerClass, int refinerSteps, int refinerBatch, int scratchSteps,
                         double lambdaTargeted, double lambdaNonTargeted, double beta, double learningRate, List<Long> seeds) {

    public DigitsPlan {
        ns = ns.clone();
        seeds = List.copyOf(seeds);
        if (ns.length == 0 || Arrays.stream(ns).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("N per class must be ≥ 1: " + Arrays.toString(ns));
        }
        if (seeds.size() < 3) {
            throw new IllegalArgumentException("every number must be a mean over at least 3 seeds, got " + seeds.size());
        }
        if (!(lambdaTargeted > 0 && lambdaTargeted <= 1 && lambdaNonTargeted > 0 && lambdaNonTargeted <= 1)) {
            throw new IllegalArgumentException("the Q&A's λ must lie in (0, 1]");
        }
    }

    public static DigitsPlan full(int seedCount, long firstSeed) {
        return new DigitsPlan(false, new int[]{1, 2, 5, 10, 20, 50}, 1000, 0, 1.0, 400, 10, 100, 32, 100,
                0.55, 0.15, 1.0, 1e-3, seeds(seedCount, firstSeed));
    }

    public static DigitsPlan quick(int seedCount, long firstSeed) {
        return new DigitsPlan(true, new int[]{1, 10}, 100, 30, 1.0, 40, 10, 15, 32, 20,
                0.55, 0.15, 1.0, 1e-3, seeds(seedCount, firstSeed));
    }

    /** α = (1 − λ)/λ, the weight of l_reg equivalent to the Q&A's trade-off λ. */
    public static double alphaFor(double qaLambda) {
        return (1 - qaLambda) / qaLambda;
    }

    static List<Long> seeds(int count, long first) {
        return LongStream.range(first, first + count).boxed().toList();
    }
}
