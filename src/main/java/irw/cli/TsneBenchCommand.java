package irw.cli;

import irw.engine.tsne.NeighbourAgreement;
import irw.engine.tsne.Tsne;
import irw.engine.tsne.TsneConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Random;
import java.util.concurrent.Callable;

/** Times t-SNE on Gaussian clusters of the size the engine embeds (5,000 points, 32-64 features). */
@Command(name = "tsne", mixinStandardHelpOptions = true,
        description = "Time Barnes-Hut t-SNE on synthetic Gaussian clusters and print seconds and kNN label agreement.")
final class TsneBenchCommand implements Callable<Integer> {
    @Option(names = "--points", defaultValue = "5000", description = "number of points (default ${DEFAULT-VALUE})")
    int points;
    @Option(names = "--features", defaultValue = "64", description = "input dimensions (default ${DEFAULT-VALUE})")
    int features;
    @Option(names = "--classes", defaultValue = "10", description = "number of clusters (default ${DEFAULT-VALUE})")
    int classes;
    @Option(names = "--perplexity", defaultValue = "30")
    double perplexity;
    @Option(names = "--iterations", defaultValue = "1000")
    int iterations;
    @Option(names = "--theta", defaultValue = "0.5", description = "Barnes-Hut accuracy; 0 = exact")
    double theta;
    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = "--repeats", defaultValue = "1", description = "timed runs (default ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() {
        int[] labels = new int[points];
        double[][] x = clusters(labels);
        TsneConfig cfg = TsneConfig.of(perplexity, iterations, theta, seed);
        if (threads != null) {
            cfg = cfg.withThreads(threads);
        }
        System.out.printf("t-SNE: %d points x %d features, %d clusters, perplexity %.0f, %d iterations, theta %.2f, %d threads, seed %d%n",
                points, features, classes, perplexity, iterations, theta, cfg.threads(), seed);
        double[][] y = null;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            y = Tsne.embed(x, cfg);
            System.out.printf("run %d: %.2f s%n", r + 1, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("kNN (k=10) label agreement in the embedding: %.4f%n", NeighbourAgreement.of(y, labels, 10));
        return 0;
    }

    /** Unit-variance clusters around centres drawn with spread 3 per feature: separated, not trivially. */
    private double[][] clusters(int[] labels) {
        Random random = new Random(seed);
        double[][] centres = new double[classes][features];
        for (double[] c : centres) {
            for (int t = 0; t < features; t++) {
                c[t] = random.nextGaussian() * 3;
            }
        }
        double[][] x = new double[points][features];
        for (int i = 0; i < points; i++) {
            labels[i] = i % classes;
            for (int t = 0; t < features; t++) {
                x[i][t] = centres[labels[i]][t] + random.nextGaussian();
            }
        }
        return x;
    }
}
