package irw.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code n} items of each class, in file order: a deterministic, balanced subset for
 * short runs, tests and the paper's MNIST training subsets ("we select first N data in each
 * class"), so that no seed changes the data. The shipped MNIST files are sorted by class, so "the
 * first 1,000 items" would be all zeros and ones.
 */
public final class ClassBalancedSubset {
    private ClassBalancedSubset() {
    }

    /**
     * Up to {@code perClass} items of every class (all of a smaller class), in their order in the
     * set; the whole set when perClass <= 0. Unlabelled items (label -1) are left out.
     */
    public static LabelledDataSet firstOfEachClass(LabelledDataSet set, int perClass) {
        if (perClass <= 0) {
            return set;
        }
        List<Integer> chosen = new ArrayList<>();
        int[] taken = new int[set.classes().size()];
        for (int i = 0; i < set.size(); i++) {
            int k = set.labels()[i];
            if (k >= 0 && taken[k] < perClass) {
                taken[k]++;
                chosen.add(i);
            }
        }
        return set.subset(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    /** As {@link #firstOfEachClass}, but every class must have {@code perClass} items (a comparison across N needs exactly N). */
    public static LabelledDataSet exactlyFirstOfEachClass(LabelledDataSet set, int perClass) {
        LabelledDataSet subset = firstOfEachClass(set, perClass);
        for (int k = 0; k < set.classes().size(); k++) {
            int n = subset.indicesOfClass(k).length;
            if (n < perClass) {
                throw new IllegalArgumentException("class '" + set.classes().name(k) + "' has only " + n + " items, " + perClass + " requested");
            }
        }
        return subset;
    }

    /**
     * Items {@code from} (inclusive) to {@code to} (exclusive) of every class, in file order: e.g. 0:500
     * of the bundled MNIST training digits trains the shipped digit refiner and 500:600 holds out the rest
     * for calibration and the α/β sweep.
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

}
