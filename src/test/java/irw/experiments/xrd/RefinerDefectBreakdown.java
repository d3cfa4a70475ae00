package irw.experiments.xrd;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.experiments.GroundTruthDistances;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Developer harness (not a test, not shipped): Table 4 per defect type without single-defect builds.
 * Every imperfect pattern carries all defects at random strengths (paper severity), so the
 * refiner-test patterns are split, per defect, at the median of that defect's strength; the change
 * refined − raw of l1, l2, KL, NCC (means) and of accuracy is reported for the strong and the weak
 * half. A defect refinement fixes shows a larger gain on its strong half. Kα2 is present in every
 * pattern at the same ratio, so it cannot be split.
 * Run: java -cp target/classes:target/test-classes:target/lib/* irw.experiments.xrd.RefinerDefectBreakdown CLASSIFIER REFINER DATA_DIR
 */
public final class RefinerDefectBreakdown {
    private RefinerDefectBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(Path.of(args[0]));
        Refiner r = ModelStore.loadRefiner(Path.of(args[1]));
        XrdDataSets set = XrdDataSets.load(Path.of(args[2]));
        int[] at = set.refinerIndices(false);
        LabelledDataSet test = set.refinerTestSet();
        float[][] raw = c.preprocessing().apply(test.items());
        float[][] truth = c.preprocessing().apply(set.refinerTestGroundTruth());
        float[][] refined = r.refine(raw);
        int[] before = c.classify(raw).predictedLabels();
        int[] after = c.classify(refined).predictedLabels();
        double[][] dRaw = new double[raw.length][];
        double[][] dRef = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            dRaw[i] = GroundTruthDistances.distances(raw[i], truth[i]);
            dRef[i] = GroundTruthDistances.distances(refined[i], truth[i]);
        }
        Map<String, ToDoubleFunction<Map<String, Double>>> strength = new LinkedHashMap<>();
        strength.put("background", d -> d.get("background_level") + d.get("hump_level"));
        strength.put("noise", d -> -Math.log(d.get("counts_at_max"))); // fewer counts, more noise
        strength.put("broadening", d -> -d.get("crystallite_nm"));
        strength.put("strain", d -> Math.max(Math.abs(d.get("strain_a")), Math.max(Math.abs(d.get("strain_b")), Math.abs(d.get("strain_c")))));
        strength.put("zero shift", d -> Math.abs(d.get("zero_shift_deg")));
        strength.put("texture", d -> 1 - d.get("texture_r"));
        strength.put("impurity", d -> d.get("impurity_fraction"));
        System.out.printf(Locale.ROOT, "%d refiner-test patterns; change refined - raw (negative l1/l2/KL and positive NCC/accuracy = better)%n", raw.length);
        System.out.printf(Locale.ROOT, "%-11s %-6s %5s %8s %8s %8s %8s %8s%n", "defect", "half", "n", "dl1", "dl2", "dKL", "dNCC", "dacc");
        row("all", "", IntStream.range(0, raw.length).toArray(), dRaw, dRef, test.labels(), before, after);
        for (var e : strength.entrySet()) {
            double[] s = Arrays.stream(at).mapToDouble(i -> e.getValue().applyAsDouble(set.defectsOf(i))).toArray();
            double median = Arrays.stream(s).sorted().toArray()[s.length / 2];
            row(e.getKey(), "strong", IntStream.range(0, s.length).filter(i -> s[i] >= median).toArray(), dRaw, dRef, test.labels(), before, after);
            row(e.getKey(), "weak", IntStream.range(0, s.length).filter(i -> s[i] < median).toArray(), dRaw, dRef, test.labels(), before, after);
        }
    }

    private static void row(String defect, String half, int[] idx, double[][] dRaw, double[][] dRef, int[] labels, int[] before, int[] after) {
        double[] delta = new double[4];
        for (int i : idx) {
            for (int k = 0; k < 4; k++) {
                delta[k] += (dRef[i][k] - dRaw[i][k]) / idx.length;
            }
        }
        int[] l = Arrays.stream(idx).map(i -> labels[i]).toArray();
        double acc = ConfusionMatrix.accuracy(l, Arrays.stream(idx).map(i -> after[i]).toArray())
                - ConfusionMatrix.accuracy(l, Arrays.stream(idx).map(i -> before[i]).toArray());
        System.out.printf(Locale.ROOT, "%-11s %-6s %5d %8.3f %8.4f %8.4f %8.4f %+7.1f%%%n", defect, half, idx.length, delta[0], delta[1], delta[2],
                delta[3], 100 * acc);
    }
}
