package irw.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code n} items of each class, in file order: a deterministic, balanced subset for
 * short runs and tests (the shipped MNIST files are sorted by class, so "the first 1,000 items"
 * would be all zeros and ones).
 */
public final class ClassBalancedSubset {
    private ClassBalancedSubset() {
    }

    /** Up to {@code perClass} items of every class, ordered by class then by position; all of a set when perClass <= 0. */
    public static LabelledDataSet firstOfEachClass(LabelledDataSet set, int perClass) {
        if (perClass <= 0) {
            return set;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < set.classes().size(); k++) {
            int[] members = set.indicesOfClass(k);
            for (int i = 0; i < Math.min(perClass, members.length); i++) {
                chosen.add(members[i]);
            }
        }
        return set.subset(chosen.stream().mapToInt(Integer::intValue).toArray());
    }
}
