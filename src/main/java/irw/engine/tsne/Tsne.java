package irw.engine.tsne;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * t-distributed stochastic neighbour embedding (van der Maaten and Hinton 2008), with the
 * Barnes-Hut approximation of van der Maaten (2014) for large inputs and the exact gradient for
 * small ones or theta = 0. Optimisation as in the reference implementation (bhtsne): early
 * exaggeration of P, momentum 0.5 then 0.8, per-parameter gains (Jacobs 1988), the embedding
 * re-centred after every step. Deterministic for a given seed, whatever the thread count.
 */
public final class Tsne {
    private static final int REPORT_EVERY = 10;
    /** The exact gradient keeps P as a dense n×n array: refuse sizes that would not fit. */
    private static final int EXACT_LIMIT = 10_000;

    private Tsne() {
    }

    public static double[][] embed(double[][] x, TsneConfig cfg) {
        return embed(x, cfg, ProgressListener.NONE, () -> false);
    }

    /**
     * Embeds the rows of x into cfg.dims() dimensions.
     *
     * @param cancelled polled between steps (and during the similarity phase); when it turns true
     *                  the run stops with a {@link CancellationException}
     * @throws IllegalArgumentException when rows differ in length or hold NaN or infinite values
     */
    public static double[][] embed(double[][] x, TsneConfig cfg, ProgressListener listener, BooleanSupplier cancelled) {
        int n = validate(x);
        int d = cfg.dims();
        if (n <= 1) {
            return new double[n][d];
        }
        boolean exact = cfg.exactFor(n);
        if (exact && n > EXACT_LIMIT) {
            throw new IllegalArgumentException("exact t-SNE (theta = 0) keeps an n×n matrix; " + n + " points are too many, use theta > 0");
        }
        // With fewer points than 3·perplexity+1 the requested perplexity cannot be reached.
        double perplexity = Math.max(1, Math.min(cfg.perplexity(), (n - 1) / 3.0));
        try (RowPartition rows = new RowPartition(cfg.threads(), cancelled)) {
            Gradient gradient = exact
                    ? new ExactGradient(InputSimilarities.dense(x, perplexity, rows), n, d, rows)
                    : new BarnesHutGradient(InputSimilarities.sparse(x, perplexity, rows), n, d, cfg.theta(), rows);
            double[] y = descend(gradient, n, cfg, listener, cancelled);
            double[][] out = new double[n][d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(y, i * d, out[i], 0, d);
            }
            return out;
        }
    }

    private static double[] descend(Gradient gradient, int n, TsneConfig cfg, ProgressListener listener, BooleanSupplier cancelled) {
        int d = cfg.dims();
        Random random = new Random(cfg.seed());
        double[] y = new double[n * d];
        for (int k = 0; k < y.length; k++) {
            y[k] = random.nextGaussian() * 1e-4;
        }
        double[] grad = new double[n * d];
        double[] update = new double[n * d];
        double[] gains = new double[n * d];
        java.util.Arrays.fill(gains, 1);
        double eta = cfg.learningRateFor(n);
        for (int it = 0; it < cfg.iterations(); it++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("t-SNE cancelled at iteration " + it);
            }
            boolean early = it < cfg.exaggerationIterations();
            double z = gradient.compute(y, early ? cfg.exaggeration() : 1, grad);
            double momentum = early ? 0.5 : 0.8;
            for (int k = 0; k < y.length; k++) {
                // Gains grow where the gradient changes direction against the last step, shrink otherwise.
                gains[k] = Math.signum(grad[k]) != Math.signum(update[k]) ? gains[k] + 0.2 : Math.max(gains[k] * 0.8, 0.01);
                update[k] = momentum * update[k] - eta * gains[k] * grad[k];
                y[k] += update[k];
            }
            centre(y, n, d);
            if (!Double.isFinite(z) || !Double.isFinite(y[0])) {
                throw new IllegalStateException("t-SNE diverged at iteration " + it + " (learning rate " + eta + " too large?)");
            }
            int done = it + 1;
            if (done % REPORT_EVERY == 0 || done == cfg.iterations()) {
                listener.onProgress(done, cfg.iterations(), gradient.divergence(y, z));
            }
        }
        return y;
    }

    private static void centre(double[] y, int n, int d) {
        for (int t = 0; t < d; t++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += y[i * d + t];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                y[i * d + t] -= mean;
            }
        }
    }

    private static int validate(double[][] x) {
        if (x.length == 0) {
            return 0;
        }
        int width = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, row 0 has " + width);
            }
            for (int t = 0; t < width; t++) {
                if (!Double.isFinite(x[i][t])) {
                    throw new IllegalArgumentException("row " + i + " holds " + x[i][t] + " at column " + t + "; t-SNE needs finite values");
                }
            }
        }
        return x.length;
    }
}
