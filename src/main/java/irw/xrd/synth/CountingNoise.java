package irw.xrd.synth;

import java.util.SplittableRandom;

/** Poisson counting statistics: exact (Knuth) below 30 counts, the normal approximation above. */
final class CountingNoise {
    private CountingNoise() {
    }

    /** A count with the given mean; the normal deviate by Box-Muller (the data sets' sequence, kept so that they rebuild bit for bit). */
    static double poisson(double mean, SplittableRandom rng) {
        return poisson(mean, rng, false);
    }

    /**
     * The same distribution, with the normal deviate from the JDK's ziggurat ({@code SplittableRandom.nextGaussian},
     * McFarland 2016) instead of Box-Muller's logarithm, root and cosine: the noise of a 2,000-point pattern then
     * costs microseconds. Its random sequence differs from {@link #poisson}'s.
     */
    static double poissonFast(double mean, SplittableRandom rng) {
        return poisson(mean, rng, true);
    }

    private static double poisson(double mean, SplittableRandom rng, boolean ziggurat) {
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
        return Math.max(0, Math.rint(mean + Math.sqrt(mean) * (ziggurat ? rng.nextGaussian() : gaussian(rng))));
    }

    /** Box-Muller, one value per call (keeps the random sequence simple to reproduce). */
    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
