package irw.engine.tsne;

import java.util.Arrays;

/**
 * The joint probabilities P of t-SNE (van der Maaten and Hinton 2008, eq. 1 and the symmetric
 * p_ij = (p_j|i + p_i|j) / 2n): each conditional distribution p_j|i is a Gaussian whose precision
 * is found by binary search so that its perplexity 2^H equals the requested one.
 */
final class InputSimilarities {
    private static final double TOLERANCE = 1e-5;
    private static final int MAX_SEARCH_STEPS = 200;

    private InputSimilarities() {
    }

    /** Sparse P in CSR form, over the rows' nearest neighbours only. */
    record Sparse(int[] rowStart, int[] cols, double[] vals) {
    }

    /**
     * Barnes-Hut input side (van der Maaten 2014, section 4.1): p_j|i over the floor(3·perplexity)
     * nearest neighbours of i, then symmetrised. The neighbours are exact (brute force over all
     * pairs, O(n²·features)) rather than from a vantage-point tree, which degrades to the same
     * cost on 32-64 dimensional embeddings anyway.
     */
    static Sparse sparse(double[][] x, double perplexity, RowPartition rows) {
        int n = x.length;
        int k = Math.min(n - 1, (int) (3 * perplexity));
        int[][] nbr = new int[n][];
        double[][] cond = new double[n][];
        rows.forEachRow(n, i -> {
            double[] d = new double[n];
            int[] idx = nearest(x, i, k, d);
            double[] dk = new double[k];
            for (int m = 0; m < k; m++) {
                dk[m] = d[idx[m]];
            }
            nbr[i] = idx;
            cond[i] = conditional(dk, perplexity);
        });
        return symmetrise(nbr, cond);
    }

    /** Exact input side: p_j|i over all other points, as a dense n×n row-major array, symmetrised. */
    static double[] dense(double[][] x, double perplexity, RowPartition rows) {
        int n = x.length;
        double[] p = new double[n * n];
        rows.forEachRow(n, i -> {
            double[] d = new double[n - 1];
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    d[m++] = squaredDistance(x[i], x[j]);
                }
            }
            double[] c = conditional(d, perplexity);
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    p[i * n + j] = c[m++];
                }
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = (p[i * n + j] + p[j * n + i]) / (2.0 * n);
                p[i * n + j] = s;
                p[j * n + i] = s;
            }
        }
        return p;
    }

    /**
     * p_j|i ∝ exp(-β d_j) with β found by bisection so that the entropy H = log(perplexity)
     * (natural log both sides). Distances are shifted by their minimum, which leaves p and H
     * unchanged but keeps exp() from underflowing for far-apart data.
     */
    static double[] conditional(double[] d, double perplexity) {
        int k = d.length;
        double[] p = new double[k];
        if (k == 0) {
            return p;
        }
        double dMin = Double.POSITIVE_INFINITY;
        double mean = 0;
        for (double v : d) {
            dMin = Math.min(dMin, v);
            mean += v;
        }
        double[] s = new double[k];
        for (int m = 0; m < k; m++) {
            s[m] = d[m] - dMin;
        }
        mean = mean / k - dMin;
        double target = Math.log(perplexity);
        double beta = mean > 0 ? 1 / mean : 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int step = 0; step < MAX_SEARCH_STEPS; step++) {
            sum = 0;
            double weighted = 0;
            for (int m = 0; m < k; m++) {
                p[m] = Math.exp(-beta * s[m]);
                sum += p[m];
                weighted += s[m] * p[m];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            if (Math.abs(diff) < TOLERANCE) {
                break;
            }
            if (diff > 0) {
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        for (int m = 0; m < k; m++) {
            p[m] /= sum;
        }
        return p;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            double diff = a[t] - b[t];
            s += diff * diff;
        }
        return s;
    }

    /**
     * The k nearest neighbours of row i, nearest first (ties broken by index, for determinism),
     * by brute force with a bounded max-heap. A distance sum is abandoned as soon as it passes
     * the current k-th nearest (it cannot enter the heap), which skips most of the work in
     * high dimensions. d receives the distances of the candidates that were fully computed.
     */
    private static int[] nearest(double[][] x, int i, int k, double[] d) {
        int[] heap = new int[k];
        int size = 0;
        double[] xi = x[i];
        for (int j = 0; j < x.length; j++) {
            if (j == i) {
                continue;
            }
            double bound = size < k ? Double.POSITIVE_INFINITY : d[heap[0]];
            double[] xj = x[j];
            double s = 0;
            for (int t0 = 0; t0 < xi.length && s <= bound; t0 += 8) {
                for (int t = t0, end = Math.min(t0 + 8, xi.length); t < end; t++) {
                    double diff = xi[t] - xj[t];
                    s += diff * diff;
                }
            }
            if (s > bound) {
                continue;
            }
            d[j] = s;
            if (size < k) {
                heap[size] = j;
                siftUp(heap, size++, d);
            } else if (before(j, heap[0], d)) {
                heap[0] = j;
                siftDown(heap, size, d);
            }
        }
        Integer[] order = new Integer[size];
        for (int m = 0; m < size; m++) {
            order[m] = heap[m];
        }
        Arrays.sort(order, (a, b) -> before(a, b, d) ? -1 : before(b, a, d) ? 1 : 0);
        int[] out = new int[size];
        for (int m = 0; m < size; m++) {
            out[m] = order[m];
        }
        return out;
    }

    private static boolean before(int a, int b, double[] d) {
        return d[a] < d[b] || (d[a] == d[b] && a < b);
    }

    private static void siftUp(int[] h, int at, double[] d) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!before(h[parent], h[at], d)) {
                return;
            }
            int t = h[parent];
            h[parent] = h[at];
            h[at] = t;
            at = parent;
        }
    }

    private static void siftDown(int[] h, int size, double[] d) {
        int at = 0;
        while (true) {
            int l = 2 * at + 1;
            int r = l + 1;
            int top = at;
            if (l < size && before(h[top], h[l], d)) {
                top = l;
            }
            if (r < size && before(h[top], h[r], d)) {
                top = r;
            }
            if (top == at) {
                return;
            }
            int t = h[top];
            h[top] = h[at];
            h[at] = t;
            at = top;
        }
    }

    /** (P + Pᵀ) normalised to sum 1, merging the entries that both directions contribute. */
    private static Sparse symmetrise(int[][] nbr, double[][] cond) {
        int n = nbr.length;
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            count[i] += nbr[i].length;
            for (int j : nbr[i]) {
                count[j]++;
            }
        }
        int[][] c = new int[n][];
        double[][] v = new double[n][];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = new int[count[i]];
            v[i] = new double[count[i]];
        }
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < nbr[i].length; m++) {
                int j = nbr[i][m];
                double p = cond[i][m];
                c[i][fill[i]] = j;
                v[i][fill[i]++] = p;
                c[j][fill[j]] = i;
                v[j][fill[j]++] = p;
            }
        }
        int[] rowStart = new int[n + 1];
        int[] cols = new int[Arrays.stream(count).sum()];
        double[] vals = new double[cols.length];
        int at = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = at;
            Integer[] order = new Integer[count[i]];
            for (int m = 0; m < order.length; m++) {
                order[m] = m;
            }
            int[] ci = c[i];
            Arrays.sort(order, (a, b) -> Integer.compare(ci[a], ci[b]));
            for (int m = 0; m < order.length; m++) {
                int col = ci[order[m]];
                double val = v[i][order[m]];
                if (at > rowStart[i] && cols[at - 1] == col) {
                    vals[at - 1] += val;
                } else {
                    cols[at] = col;
                    vals[at++] = val;
                }
                total += val;
            }
        }
        rowStart[n] = at;
        int[] finalCols = Arrays.copyOf(cols, at);
        double[] finalVals = Arrays.copyOf(vals, at);
        for (int m = 0; m < at; m++) {
            finalVals[m] /= total;
        }
        return new Sparse(rowStart, finalCols, finalVals);
    }
}
