package irw.experiments.compare;

import irw.core.ClassSet;
import irw.core.Pattern;
import irw.core.data.LabelledDataSet;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One set every method of a domain is scored on, in the model's input space.
 *
 * @param name        as the report names it ("MNIST test", "simulated imperfect", "measured files", ...)
 * @param items       the items a model sees, one per scored item; null where the model's preprocessing refused the
 *                    item (too little of the grid measured): a refused item counts as wrong for every learned method
 * @param accepted    the class indices that count as right for each item (one for a single phase; each phase's
 *                    system for a mixture)
 * @param groundTruth the ideal pattern of every item (simulated sets), or null
 * @param patterns    the measured (or simulated) patterns on their own axis, for search-match; null for digits
 * @param classes     the class names
 */
public record HeldOutSet(String name, float[][] items, List<Set<Integer>> accepted, float[][] groundTruth, List<Pattern> patterns,
                         ClassSet classes) {
    public HeldOutSet {
        accepted = List.copyOf(accepted);
        if (accepted.size() != items.length || (groundTruth != null && groundTruth.length != items.length)
                || (patterns != null && patterns.size() != items.length)) {
            throw new IllegalArgumentException(name + ": " + items.length + " items, " + accepted.size() + " labels"
                    + (groundTruth != null ? ", " + groundTruth.length + " ground-truth patterns" : "")
                    + (patterns != null ? ", " + patterns.size() + " patterns" : ""));
        }
    }

    /** A labelled set already in the model's input space (digits, simulated patterns). */
    public static HeldOutSet of(String name, float[][] items, LabelledDataSet labels, float[][] groundTruth, List<Pattern> patterns) {
        return new HeldOutSet(name, items, Arrays.stream(labels.labels()).mapToObj(Set::of).toList(), groundTruth, patterns, labels.classes());
    }

    public int size() {
        return items.length;
    }

    /** The indices of the items the model accepted. */
    int[] usable() {
        return java.util.stream.IntStream.range(0, items.length).filter(i -> items[i] != null).toArray();
    }

    /** The usable items, in {@link #usable()} order. */
    float[][] usableItems() {
        return Arrays.stream(usable()).mapToObj(i -> items[i]).toArray(float[][]::new);
    }

    /**
     * Share of all items predicted right; {@code predicted} holds one class per usable item ({@link #usable()}
     * order), a negative value meaning no answer.
     */
    double accuracy(int[] predicted) {
        int[] use = usable();
        int right = 0;
        for (int j = 0; j < use.length; j++) {
            right += predicted[j] >= 0 && accepted.get(use[j]).contains(predicted[j]) ? 1 : 0;
        }
        return right / (double) items.length;
    }

    /** The same, for one answer per item (search-match answers every pattern, usable or not). */
    double accuracyOfAll(int[] predicted) {
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] >= 0 && accepted.get(i).contains(predicted[i]) ? 1 : 0;
        }
        return right / (double) items.length;
    }

    /** The ground truth of the usable items. */
    float[][] usableTruth() {
        return groundTruth == null ? null : Arrays.stream(usable()).mapToObj(i -> groundTruth[i]).toArray(float[][]::new);
    }

    /** A labelled set of the usable items (one accepted class each) for methods that take a data set. */
    LabelledDataSet asDataSet(int[] shape) {
        int[] use = usable();
        float[][] x = usableItems();
        int[] labels = Arrays.stream(use).map(i -> accepted.get(i).iterator().next()).toArray();
        List<String> ids = Arrays.stream(use).mapToObj(i -> name + "-" + i).toList();
        return new LabelledDataSet(x, shape, labels, ids, classes);
    }
}
