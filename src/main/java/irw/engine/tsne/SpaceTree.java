package irw.engine.tsne;

import java.util.Arrays;

/**
 * The Barnes-Hut space-partitioning tree of van der Maaten (2014, section 4.2): a quadtree in
 * 2-D (an octree in 3-D, a binary tree in 1-D) over the current embedding, each cell holding its
 * point count and centre of mass. Stored in flat arrays, rebuilt every iteration; read-only (and
 * so safe to share between threads) once built.
 */
final class SpaceTree {
    /** Points closer than the cell size at this depth are merged; guards against duplicate points. */
    private static final int MAX_DEPTH = 48;

    private final int d;
    private final int fan;
    private final double[] y;
    private double[] centre;
    private double[] half;
    private double[] com;
    /** The largest half-width of each cell, squared: the cell's size in the Barnes-Hut criterion. */
    private double[] size2;
    private int[] count;
    private int[] firstChild;
    private int[] point;
    private int nodes;

    /** Builds the tree over the n points stored row-major in {@code y} (n·d values). */
    SpaceTree(double[] y, int n, int d) {
        this.d = d;
        this.fan = 1 << d;
        this.y = y;
        allocate(Math.max(16, 2 * n * fan / Math.max(1, d)));
        nodes = 1;
        for (int t = 0; t < d; t++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, y[i * d + t]);
                hi = Math.max(hi, y[i * d + t]);
            }
            centre[t] = (lo + hi) / 2;
            half[t] = Math.max((hi - lo) / 2, 1e-5) + 1e-5;
        }
        double maxHalf = 0;
        for (int t = 0; t < d; t++) {
            maxHalf = Math.max(maxHalf, half[t]);
        }
        size2[0] = maxHalf * maxHalf;
        firstChild[0] = -1;
        point[0] = -1;
        for (int i = 0; i < n; i++) {
            insert(i);
        }
    }

    private void allocate(int capacity) {
        centre = centre == null ? new double[capacity * d] : Arrays.copyOf(centre, capacity * d);
        half = half == null ? new double[capacity * d] : Arrays.copyOf(half, capacity * d);
        com = com == null ? new double[capacity * d] : Arrays.copyOf(com, capacity * d);
        size2 = size2 == null ? new double[capacity] : Arrays.copyOf(size2, capacity);
        count = count == null ? new int[capacity] : Arrays.copyOf(count, capacity);
        firstChild = firstChild == null ? new int[capacity] : Arrays.copyOf(firstChild, capacity);
        point = point == null ? new int[capacity] : Arrays.copyOf(point, capacity);
    }

    private void insert(int i) {
        int node = 0;
        for (int depth = 0; ; depth++) {
            int c = ++count[node];
            for (int t = 0; t < d; t++) {
                com[node * d + t] += (y[i * d + t] - com[node * d + t]) / c;
            }
            if (firstChild[node] < 0) {
                if (c == 1) {
                    point[node] = i;
                    return;
                }
                if (depth >= MAX_DEPTH || samePosition(point[node], i)) {
                    return; // aggregated leaf: its count and centre of mass already include i
                }
                subdivide(node);
            }
            node = childContaining(node, i);
        }
    }

    private void subdivide(int node) {
        if (nodes + fan > count.length) {
            allocate(count.length * 2);
        }
        int first = nodes;
        nodes += fan;
        firstChild[node] = first;
        for (int c = 0; c < fan; c++) {
            int child = first + c;
            firstChild[child] = -1;
            point[child] = -1;
            count[child] = 0;
            size2[child] = size2[node] / 4;
            for (int t = 0; t < d; t++) {
                double h = half[node * d + t] / 2;
                half[child * d + t] = h;
                centre[child * d + t] = centre[node * d + t] + (((c >> t) & 1) == 1 ? h : -h);
                com[child * d + t] = 0;
            }
        }
        // Move the leaf's point (with any exact duplicates merged into it) down into its child;
        // count[node] already includes the point being inserted, hence the -1.
        int p = point[node];
        point[node] = -1;
        int child = childContaining(node, p);
        count[child] = count[node] - 1;
        point[child] = p;
        System.arraycopy(y, p * d, com, child * d, d);
    }

    private int childContaining(int node, int i) {
        int c = 0;
        for (int t = 0; t < d; t++) {
            if (y[i * d + t] > centre[node * d + t]) {
                c |= 1 << t;
            }
        }
        return firstChild[node] + c;
    }

    private boolean samePosition(int a, int b) {
        for (int t = 0; t < d; t++) {
            if (y[a * d + t] != y[b * d + t]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the repulsive force on point i to {@code neg} (d values, unnormalised: the caller
     * divides by Z) and returns this point's share of Z = Σ (1 + ||y_i - y_j||²)⁻¹ (eq. 11 of
     * van der Maaten 2014). A cell is summarised by its centre of mass when its half-width over
     * its distance to y_i is below theta, as in the reference implementation.
     */
    double repulsion(int i, double theta, double[] neg, int[] stack) {
        if (d == 2) {
            return repulsion2d(i, theta * theta, neg, stack);
        }
        double z = 0;
        int top = 0;
        stack[top++] = 0;
        double theta2 = theta * theta;
        while (top > 0) {
            int node = stack[--top];
            int c = count[node];
            if (c == 0) {
                continue;
            }
            boolean leaf = firstChild[node] < 0;
            if (leaf && c == 1 && point[node] == i) {
                continue;
            }
            double dist2 = 0;
            for (int t = 0; t < d; t++) {
                double diff = y[i * d + t] - com[node * d + t];
                dist2 += diff * diff;
            }
            if (leaf || size2[node] < theta2 * dist2) {
                double q = 1 / (1 + dist2);
                double m = c * q;
                z += m;
                m *= q;
                for (int t = 0; t < d; t++) {
                    neg[t] += m * (y[i * d + t] - com[node * d + t]);
                }
            } else {
                int first = firstChild[node];
                for (int ch = 0; ch < fan; ch++) {
                    stack[top++] = first + ch;
                }
            }
        }
        return z;
    }

    /** The same walk for the common 2-D case, unrolled: the hot loop of a t-SNE run. */
    private double repulsion2d(int i, double theta2, double[] neg, int[] stack) {
        double yx = y[2 * i];
        double yy = y[2 * i + 1];
        double z = 0;
        double fx = 0;
        double fy = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int c = count[node];
            if (c == 0) {
                continue;
            }
            int first = firstChild[node];
            if (first < 0 && c == 1 && point[node] == i) {
                continue;
            }
            double dx = yx - com[2 * node];
            double dy = yy - com[2 * node + 1];
            double dist2 = dx * dx + dy * dy;
            if (first < 0 || size2[node] < theta2 * dist2) {
                double q = 1 / (1 + dist2);
                double m = c * q;
                z += m;
                m *= q;
                fx += m * dx;
                fy += m * dy;
            } else {
                stack[top++] = first;
                stack[top++] = first + 1;
                stack[top++] = first + 2;
                stack[top++] = first + 3;
            }
        }
        neg[0] += fx;
        neg[1] += fy;
        return z;
    }

    /** A stack deep enough for {@link #repulsion}: at most fan-1 siblings per level are pending. */
    int[] newStack() {
        return new int[(MAX_DEPTH + 2) * fan];
    }
}
