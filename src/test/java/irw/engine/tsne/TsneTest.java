package irw.engine.tsne;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TsneTest {
    /** Gaussian clusters in 40-D: unit spread, centres drawn with spread 3 per feature, labels i % k. */
    static double[][] clusters(int n, int k, int features, long seed, int[] labels) {
        Random random = new Random(seed);
        double[][] centres = new double[k][features];
        for (double[] c : centres) {
            for (int t = 0; t < features; t++) {
                c[t] = random.nextGaussian() * 3;
            }
        }
        double[][] x = new double[n][features];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            for (int t = 0; t < features; t++) {
                x[i][t] = centres[labels[i]][t] + random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void barnesHutKeepsSeparatedClustersApart() {
        int[] labels = new int[1000];
        double[][] x = clusters(1000, 8, 40, 1, labels);
        AtomicInteger reports = new AtomicInteger();
        double[] lastKl = {Double.NaN, Double.NaN};
        double[][] y = Tsne.embed(x, TsneConfig.of(30, 400, 0.5, 7), (it, total, kl) -> {
            if (reports.getAndIncrement() == 0) {
                lastKl[0] = kl;
            }
            lastKl[1] = kl;
        }, () -> false);
        assertThat(y).hasNumberOfRows(1000);
        assertThat(y[0]).hasSize(2);
        assertThat(NeighbourAgreement.of(y, labels, 10)).isGreaterThan(0.95);
        assertThat(reports.get()).isEqualTo(40);
        assertThat(lastKl[1]).as("KL falls as the layout improves").isLessThan(lastKl[0]);
        // The same points with labels scrambled across clusters agree only by chance: the measure can fail.
        int[] shuffled = new int[labels.length];
        for (int i = 0; i < shuffled.length; i++) {
            shuffled[i] = (labels[i] + (i / 8) % 7 + 1) % 8;
        }
        assertThat(NeighbourAgreement.of(y, shuffled, 10)).isLessThan(0.3);
    }

    @Test
    void exactVariantSeparatesClustersToo() {
        int[] labels = new int[150];
        double[][] x = clusters(150, 3, 20, 2, labels);
        double[][] y = Tsne.embed(x, TsneConfig.of(20, 300, 0, 5));
        assertThat(NeighbourAgreement.of(y, labels, 5)).isGreaterThan(0.95);
    }

    @Test
    void sameSeedGivesTheSameEmbeddingWhateverTheThreadCount() {
        int[] labels = new int[400];
        double[][] x = clusters(400, 4, 16, 3, labels);
        TsneConfig cfg = TsneConfig.of(15, 100, 0.5, 11);
        double[][] a = Tsne.embed(x, cfg.withThreads(1));
        double[][] b = Tsne.embed(x, cfg.withThreads(2));
        double[][] c = Tsne.embed(x, cfg.withSeed(12));
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).containsExactly(a[i]);
        }
        assertThat(c[0]).isNotEqualTo(a[0]);
    }

    @Test
    void threeDimensionalOutputUsesAnOctree() {
        int[] labels = new int[300];
        double[][] x = clusters(300, 3, 10, 4, labels);
        double[][] y = Tsne.embed(x, TsneConfig.of(20, 250, 0.5, 1).withDims(3));
        assertThat(y[0]).hasSize(3);
        assertThat(NeighbourAgreement.of(y, labels, 5)).isGreaterThan(0.95);
    }

    @Test
    void cancelStopsTheRun() {
        int[] labels = new int[500];
        double[][] x = clusters(500, 5, 10, 5, labels);
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> Tsne.embed(x, TsneConfig.of(30, 1000, 0.5, 1), (it, total, kl) -> seen.set(it), () -> seen.get() >= 20))
                .isInstanceOf(CancellationException.class).hasMessageContaining("iteration 20");
        assertThat(seen.get()).isEqualTo(20);
        assertThatThrownBy(() -> Tsne.embed(x, TsneConfig.of(30, 1000, 0.5, 1), ProgressListener.NONE, () -> true))
                .isInstanceOf(CancellationException.class);
        // A cancel that arrives during the neighbour search stops it there, before any gradient step.
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger steps = new AtomicInteger();
        assertThatThrownBy(() -> Tsne.embed(x, TsneConfig.of(30, 1000, 0.5, 1).withThreads(2), (it, total, kl) -> steps.set(it),
                () -> polls.incrementAndGet() > 3)).isInstanceOf(CancellationException.class);
        assertThat(steps.get()).isZero();
    }

    @Test
    void badInputIsRejectedClearlyAndTinyInputsWork() {
        assertThatThrownBy(() -> Tsne.embed(new double[][]{{1, 2}, {3, Double.NaN}}, TsneConfig.defaults(1)))
                .hasMessageContaining("row 1").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Tsne.embed(new double[][]{{1, 2}, {3}}, TsneConfig.defaults(1))).hasMessageContaining("row 1 has 1 values");
        assertThatThrownBy(() -> TsneConfig.of(-1, 10, 0.5, 1)).hasMessageContaining("perplexity");
        assertThat(Tsne.embed(new double[0][3], TsneConfig.defaults(1))).isEmpty();
        assertThat(Tsne.embed(new double[][]{{1, 2}}, TsneConfig.defaults(1))[0]).containsExactly(0, 0);
        // Fewer points than the perplexity needs: clamped, and still finite.
        double[][] y = Tsne.embed(new double[][]{{0, 0}, {0, 1}, {5, 5}, {5, 6}, {5, 5}}, TsneConfig.of(30, 200, 0.5, 1));
        for (double[] row : y) {
            assertThat(java.util.Arrays.stream(row).allMatch(Double::isFinite)).isTrue();
        }
    }

    @Test
    void perplexityCalibrationHitsTheTarget() {
        double[] d = new double[90];
        Random random = new Random(9);
        for (int m = 0; m < d.length; m++) {
            d[m] = 100 + random.nextDouble() * 1e4; // far-apart data: exp() would underflow without the shift
        }
        double[] p = InputSimilarities.conditional(d, 30);
        double h = 0;
        double sum = 0;
        for (double v : p) {
            sum += v;
            h -= v > 0 ? v * Math.log(v) : 0;
        }
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Math.exp(h)).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-3));
    }
}
