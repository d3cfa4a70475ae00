package irw.xrd.synth;

import java.util.SplittableRandom;

/** Poisson counting statistics: exact (Knuth) below 30 counts, the normal approximation above. */
final class CountingNoise {
    private CountingNoise() {
    }

    static double poisson(double mean, SplittableRandom rng) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double p = 1;
            int k = 0;
            do {
                k++;
                p *= rng.nextDouble();
            } while (p > limit);
            return k - 1;
        }
        return Math.max(0, Math.rint(mean + Math.sqrt(mean) * gaussian(rng)));
    }

    /** Box-Muller, one value per call (keeps the random sequence simple to reproduce). */
    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
