package irw.xrd.synth;

import irw.xrd.cif.CrystalStructure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which structures of a library train, validate and test: the structures with a known crystal system,
 * shuffled by the seed, the first {@code testFraction} held out for test (and the imperfect set), the
 * next {@code validationFraction} for validation (calibration), the rest for training. Split by
 * structure before any pattern is made, so no structure is in two splits; the same seed and library
 * give the same split in {@link XrdDataSetBuilder} and in on-the-fly training.
 *
 * @param ordered    the usable structures in shuffled order (after {@code limit})
 * @param splitOf    TRAIN, VALIDATION or TEST ({@link XrdDataSets}) per ordered structure
 */
public record StructureSplit(List<CrystalStructure> ordered, int[] splitOf) {

    public static StructureSplit of(List<CrystalStructure> library, long seed, double validationFraction, double testFraction, int limit) {
        List<CrystalStructure> usable = library.stream().filter(s -> s.crystalSystem().isPresent()).toList();
        List<Integer> order = new ArrayList<>(IntStream.range(0, usable.size()).boxed().toList());
        Collections.shuffle(order, new java.util.Random(seed));
        if (limit > 0 && limit < order.size()) {
            order = new ArrayList<>(order.subList(0, limit));
        }
        int n = order.size();
        int nTest = Math.max(1, (int) Math.round(n * testFraction));
        int nVal = (int) Math.round(n * validationFraction);
        int[] splitOf = new int[n];
        for (int i = 0; i < n; i++) {
            splitOf[i] = i < nTest ? XrdDataSets.TEST : i < nTest + nVal ? XrdDataSets.VALIDATION : XrdDataSets.TRAIN;
        }
        return new StructureSplit(order.stream().map(usable::get).toList(), splitOf);
    }

    /** The structures of one split, in shuffled order. */
    public List<CrystalStructure> structures(int split) {
        List<CrystalStructure> out = new ArrayList<>();
        for (int i = 0; i < splitOf.length; i++) {
            if (splitOf[i] == split) {
                out.add(ordered.get(i));
            }
        }
        return out;
    }

    public int count(int split) {
        return (int) IntStream.of(splitOf).filter(s -> s == split).count();
    }
}
