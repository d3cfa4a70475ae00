package irw.engine.tsne;

/**
 * The settings of one t-SNE run (van der Maaten and Hinton 2008; Barnes-Hut: van der Maaten 2014).
 *
 * @param perplexity     effective number of neighbours of each point (typically 5-50); clamped to
 *                       (n-1)/3 for small inputs, since Barnes-Hut keeps 3·perplexity neighbours
 * @param iterations     gradient steps, early exaggeration included
 * @param theta          Barnes-Hut accuracy (0.5 is the usual trade-off); 0 selects exact t-SNE
 * @param seed           seeds the initial layout; equal seeds give equal embeddings
 * @param dims           output dimensions (2 or 3)
 * @param learningRate   step size; NaN selects max(n / (4·exaggeration), 50), the rule of Belkina et al.
 *                       (2019) for a gradient that keeps the factor 4 of eq. 5, as scikit-learn does
 * @param exaggeration   early exaggeration factor applied to P
 * @param exaggerationIterations iterations with exaggeration and low momentum
 * @param threads        worker threads for the force computations
 */
public record TsneConfig(double perplexity, int iterations, double theta, long seed, int dims,
                         double learningRate, double exaggeration, int exaggerationIterations, int threads) {

    /** Up to this many points the exact O(n²) gradient is used even when theta > 0: it is as fast and has no approximation. */
    public static final int EXACT_MAX_POINTS = 200;

    public TsneConfig {
        if (!(perplexity > 0)) {
            throw new IllegalArgumentException("perplexity must be positive, got " + perplexity);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        if (!(theta >= 0 && theta < 1.5)) {
            throw new IllegalArgumentException("theta must be in [0, 1.5), got " + theta);
        }
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("t-SNE embeds into 1, 2 or 3 dimensions, not " + dims);
        }
        if (!(Double.isNaN(learningRate) || learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive (or NaN for automatic), got " + learningRate);
        }
        if (!(exaggeration >= 1) || exaggerationIterations < 0) {
            throw new IllegalArgumentException("exaggeration must be >= 1 over >= 0 iterations");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The usual settings: 1,000 iterations, 12× exaggeration for 250 of them, automatic learning rate, all cores. */
    public static TsneConfig of(double perplexity, int iterations, double theta, long seed) {
        return new TsneConfig(perplexity, iterations, theta, seed, 2, Double.NaN, 12, Math.min(250, iterations / 4),
                Runtime.getRuntime().availableProcessors());
    }

    public static TsneConfig defaults(long seed) {
        return of(30, 1000, 0.5, seed);
    }

    public TsneConfig withDims(int d) {
        return new TsneConfig(perplexity, iterations, theta, seed, d, learningRate, exaggeration, exaggerationIterations, threads);
    }

    public TsneConfig withThreads(int t) {
        return new TsneConfig(perplexity, iterations, theta, seed, dims, learningRate, exaggeration, exaggerationIterations, t);
    }

    public TsneConfig withSeed(long s) {
        return new TsneConfig(perplexity, iterations, theta, s, dims, learningRate, exaggeration, exaggerationIterations, threads);
    }

    boolean exactFor(int n) {
        return theta == 0 || n <= EXACT_MAX_POINTS;
    }

    double learningRateFor(int n) {
        return Double.isNaN(learningRate) ? Math.max(n / (4 * exaggeration), 50) : learningRate;
    }
}
