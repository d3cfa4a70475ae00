package irw.experiments;

import irw.core.data.LabelledDataSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The subsets the experiments train and test on, chosen reproducibly. */
public final class DataSplits {
    private DataSplits() {
    }

    /**
     * The first {@code n} items of every class, in file order, as the paper selects its MNIST
     * training subsets ("we select first N data in each class"), so that no seed changes the data.
     */
    public static LabelledDataSet firstPerClass(LabelledDataSet data, int n) {
        List<Integer> picked = new ArrayList<>();
        int[] taken = new int[data.classes().size()];
        for (int i = 0; i < data.size(); i++) {
            int k = data.labels()[i];
            if (k >= 0 && taken[k] < n) {
                taken[k]++;
                picked.add(i);
            }
        }
        for (int k = 0; k < taken.length; k++) {
            if (taken[k] < n) {
                throw new IllegalArgumentException("class '" + data.classes().name(k) + "' has only " + taken[k] + " items, " + n + " requested");
            }
        }
        return data.subset(picked.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Items {@code from} (inclusive) to {@code to} (exclusive) of every class, in file order: e.g.
     * 0:500 of the bundled MNIST training digits trains the shipped digit refiner and 500:600 holds
     * out the rest for calibration and the α/β sweep.
     */
    public static LabelledDataSet perClassRange(LabelledDataSet data, int from, int to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a per-class range needs 0 <= from < to, got " + from + ":" + to);
        }
        List<Integer> picked = new ArrayList<>();
        int[] seen = new int[data.classes().size()];
        for (int i = 0; i < data.size(); i++) {
            int k = data.labels()[i];
            if (k >= 0) {
                if (seen[k] >= from && seen[k] < to) {
                    picked.add(i);
                }
                seen[k]++;
            }
        }
        for (int k = 0; k < seen.length; k++) {
            if (seen[k] <= from) {
                throw new IllegalArgumentException("class '" + data.classes().name(k) + "' has only " + seen[k] + " items; range "
                        + from + ":" + to + " selects none of them");
            }
        }
        return data.subset(picked.stream().mapToInt(Integer::intValue).toArray());
    }

    /** At most {@code n} items of every class, drawn at random with the seed (all of a smaller class). */
    public static LabelledDataSet samplePerClass(LabelledDataSet data, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> picked = new ArrayList<>();
        for (int k = 0; k < data.classes().size(); k++) {
            int[] idx = shuffled(data.indicesOfClass(k), rng);
            for (int i = 0; i < Math.min(n, idx.length); i++) {
                picked.add(idx[i]);
            }
        }
        int[] out = picked.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return data.subset(out);
    }

    /** Item indices of a stratified train/test split: per class, round(testFraction · count) items go to test. */
    public record Split(int[] train, int[] test) {
    }

    public static Split stratified(LabelledDataSet data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must lie in (0, 1): " + testFraction);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < data.classes().size(); k++) {
            int[] idx = shuffled(data.indicesOfClass(k), rng);
            int nTest = (int) Math.round(testFraction * idx.length);
            if (idx.length >= 2) {
                nTest = Math.max(1, Math.min(idx.length - 1, nTest)); // both sides see every class that has 2+ items
            }
            for (int i = 0; i < idx.length; i++) {
                (i < nTest ? test : train).add(idx[i]);
            }
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] te = test.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Split(tr, te);
    }

    /** The first {@code n} items (all when n ≤ 0 or n ≥ size). */
    public static LabelledDataSet head(LabelledDataSet data, int n) {
        if (n <= 0 || n >= data.size()) {
            return data;
        }
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return data.subset(idx);
    }

    private static int[] shuffled(int[] a, SplittableRandom rng) {
        int[] p = a.clone();
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
