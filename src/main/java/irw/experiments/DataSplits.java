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
