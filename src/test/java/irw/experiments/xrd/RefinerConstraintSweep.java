package irw.experiments.xrd;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.RefinerTrainer;
import irw.engine.RefinerTrainingConfig;
import irw.engine.TrainingListener;
import irw.engine.net.PatternConstraints;
import irw.experiments.GroundTruthDistances;
import irw.experiments.MeasuredCells;
import irw.experiments.real.LabelledMeasurements;
import irw.experiments.real.RealDataEvaluation;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Developer harness (not a test, not shipped): trains XRD refiners under different physical
 * constraints through one frozen classifier and scores each on the held-out half (odd positions) of
 * the imperfect set and of single-defect sets: Table 4 distances in model space, accuracy, roughness.
 * Run: java -cp target/classes:target/test-classes:target/lib/* irw.experiments.xrd.RefinerConstraintSweep
 * CLASSIFIER DATA_DIR DEFECT_SETS_DIR CONFIG... where CONFIG =
 * name:smoothCells:changeCells:envelopeCells:gain:margin:keep:denoise(0/1):newPeaks(0/1):alpha:beta:steps:lr[:save.irwm]
 * (α on the engine's per-item sum of |R(x) − x|); DEFECT_SETS_DIR holds one `dataset xrd` folder per defect, or "-".
 */
public final class RefinerConstraintSweep {
    private RefinerConstraintSweep() {
    }

    public static void main(String[] args) throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(Path.of(args[0]));
        XrdDataSets all = XrdDataSets.load(Path.of(args[1]));
        int n = all.imperfect().size();
        int[] even = IntStream.range(0, n).filter(i -> i % 2 == 0).toArray();
        int[] odd = IntStream.range(0, n).filter(i -> i % 2 == 1).toArray();
        LabelledDataSet train = all.imperfect().subset(even);
        List<String> names = new ArrayList<>(List.of("all"));
        List<float[][]> raws = new ArrayList<>();
        List<float[][]> truths = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        add(c, all, odd, raws, truths, labels);
        if (!args[2].equals("-")) {
            try (var dirs = Files.list(Path.of(args[2]))) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    names.add(d.getFileName().toString());
                    add(c, XrdDataSets.load(d), odd, raws, truths, labels);
                }
            }
        }
        List<LabelledMeasurements> real = List.of(LabelledMeasurements.read(Path.of("sample-data/measured")),
                LabelledMeasurements.read(Path.of("sample-data/measured-minerals")));
        System.out.printf(Locale.ROOT, "classifier %s, %d train, %d test patterns%n", args[0], train.size(), odd.length);
        report("raw", names, raws, raws, truths, labels, c);
        for (int a = 3; a < args.length; a++) {
            String[] f = args[a].split(":");
            PatternConstraints pc = new PatternConstraints(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), f[7].equals("1"), f[8].equals("1"));
            RefinerTrainingConfig cfg = new RefinerTrainingConfig(Double.parseDouble(f[9]), Double.parseDouble(f[10]), true, 1, false, 1,
                    16, Double.parseDouble(f[12]), 2019, Integer.parseInt(f[11]), pc);
            long t0 = System.nanoTime();
            Refiner r = new RefinerTrainer(cfg).train(c, train, TrainingListener.NONE).model();
            double secs = (System.nanoTime() - t0) / 1e9;
            if (f.length > 13) {
                ModelStore.save(r, Path.of(f[13]));
            }
            List<float[][]> refined = new ArrayList<>();
            raws.forEach(x -> refined.add(r.refine(x)));
            System.out.printf(Locale.ROOT, "--- %s (%s) trained in %.0f s%n", f[0], args[a], secs);
            report(f[0], names, raws, refined, truths, labels, c);
            var rows = RealDataEvaluation.run(c, r, real);
            System.out.printf(Locale.ROOT, "    real: raw %s | refined %s%n", RealDataEvaluation.score(rows, false).summary(),
                    RealDataEvaluation.score(rows, true).summary());
        }
    }

    private static void add(PrototypicalClassifier c, XrdDataSets set, int[] odd, List<float[][]> raws, List<float[][]> truths, List<int[]> labels) {
        LabelledDataSet test = set.imperfect().subset(odd);
        raws.add(c.preprocessing().apply(test.items()));
        float[][] t = new float[odd.length][];
        for (int i = 0; i < odd.length; i++) {
            t[i] = set.groundTruth()[odd[i]];
        }
        truths.add(c.preprocessing().apply(t));
        labels.add(test.labels());
    }

    private static void report(String what, List<String> names, List<float[][]> raws, List<float[][]> items, List<float[][]> truths,
                               List<int[]> labels, PrototypicalClassifier c) {
        for (int s = 0; s < names.size(); s++) {
            Map<String, Double> d = GroundTruthDistances.summarise(items.get(s), truths.get(s));
            double acc = ConfusionMatrix.accuracy(labels.get(s), c.classify(items.get(s)).predictedLabels());
            double rough = 0, rawRough = 0;
            int rougher = 0;
            for (int i = 0; i < items.get(s).length; i++) {
                double a = MeasuredCells.roughness(items.get(s)[i]);
                double b = MeasuredCells.roughness(raws.get(s)[i]);
                rough += a;
                rawRough += b;
                rougher += a > b * 1.0001 ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  %-8s %-11s acc %5.1f%%  l1 %6.2f/%6.2f  l2 %5.3f/%5.3f  KL %5.3f/%5.3f  NCC %5.3f/%5.3f  TV %.1f (raw %.1f, %d rougher)%n",
                    what, names.get(s), 100 * acc, d.get("l1 mean"), d.get("l1 median"), d.get("l2 mean"), d.get("l2 median"), d.get("KL mean"),
                    d.get("KL median"), d.get("NCC mean"), d.get("NCC median"), rough / items.get(s).length, rawRough / items.get(s).length, rougher);
        }
    }
}
