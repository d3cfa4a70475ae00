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
import irw.experiments.RefinementPhysics;
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
 * constraints through one frozen classifier on the refiner-training patterns of a `dataset xrd`
 * build and scores each on its refiner-test patterns (XrdDataSets' data roles; the first TEST_LIMIT
 * of them, 0 = all) and on those of single-defect sets: Table 4 distances in model space, accuracy,
 * flips, and the physics of the refined patterns (negative values, mask, roughness, added
 * high-frequency energy); then the labelled real files.
 * Run: java -cp target/classes:target/test-classes:target/lib/* irw.experiments.xrd.RefinerConstraintSweep
 * CLASSIFIER DATA_DIR DEFECT_SETS_DIR TEST_LIMIT CONFIG... where CONFIG =
 * name:smoothCells:changeCells:envelopeCells:gain:margin:keep:denoise(0/1):newPeaks(0/1):alpha:beta:steps:lr[:save.irwm]
 * (α on the engine's per-item sum of |R(x) − x|; smoothCells 0 = the standard constraints of the grid);
 * DEFECT_SETS_DIR holds one `dataset xrd` folder per defect, or "-".
 */
public final class RefinerConstraintSweep {
    private RefinerConstraintSweep() {
    }

    public static void main(String[] args) throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(Path.of(args[0]));
        XrdDataSets all = XrdDataSets.load(Path.of(args[1]));
        int limit = Integer.parseInt(args[3]);
        LabelledDataSet train = all.refinerTrainingSet();
        List<String> names = new ArrayList<>(List.of("all"));
        List<float[][]> raws = new ArrayList<>();
        List<float[][]> truths = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        add(c, all, limit, raws, truths, labels);
        if (!args[2].equals("-")) {
            try (var dirs = Files.list(Path.of(args[2]))) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    names.add(d.getFileName().toString());
                    add(c, XrdDataSets.load(d), limit, raws, truths, labels);
                }
            }
        }
        List<LabelledMeasurements> real = List.of(LabelledMeasurements.read(Path.of("sample-data/measured")),
                LabelledMeasurements.read(Path.of("sample-data/measured-minerals")));
        System.out.printf(Locale.ROOT, "classifier %s, %d train, %d test patterns%n", args[0], train.size(), raws.get(0).length);
        List<int[]> rawPredicted = new ArrayList<>();
        raws.forEach(x -> rawPredicted.add(c.classify(x).predictedLabels()));
        report("raw", names, raws, raws, truths, labels, rawPredicted, c);
        for (int a = 4; a < args.length; a++) {
            String[] f = args[a].split(":");
            PatternConstraints pc = Double.parseDouble(f[1]) == 0 ? PatternConstraints.standard(c.preprocessing().grid().step())
                    : new PatternConstraints(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
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
            System.out.printf(Locale.ROOT, "--- %s (%s, %s) trained in %.0f s%n", f[0], args[a], pc, secs);
            report(f[0], names, raws, refined, truths, labels, rawPredicted, c);
            var rows = RealDataEvaluation.run(c, r, real);
            System.out.printf(Locale.ROOT, "    real: raw %s | refined %s%n", RealDataEvaluation.score(rows, false).summary(),
                    RealDataEvaluation.score(rows, true).summary());
        }
    }

    private static void add(PrototypicalClassifier c, XrdDataSets set, int limit, List<float[][]> raws, List<float[][]> truths, List<int[]> labels) {
        LabelledDataSet test = set.refinerTestSet();
        int n = limit > 0 ? Math.min(limit, test.size()) : test.size();
        int[] first = IntStream.range(0, n).toArray();
        raws.add(c.preprocessing().apply(test.subset(first).items()));
        truths.add(c.preprocessing().apply(java.util.Arrays.copyOf(set.refinerTestGroundTruth(), n)));
        labels.add(test.subset(first).labels());
    }

    private static void report(String what, List<String> names, List<float[][]> raws, List<float[][]> items, List<float[][]> truths,
                               List<int[]> labels, List<int[]> rawPredicted, PrototypicalClassifier c) {
        for (int s = 0; s < names.size(); s++) {
            Map<String, Double> d = GroundTruthDistances.summarise(items.get(s), truths.get(s));
            int[] predicted = c.classify(items.get(s)).predictedLabels();
            double acc = ConfusionMatrix.accuracy(labels.get(s), predicted);
            RefinementPhysics physics = RefinementPhysics.of(raws.get(s), items.get(s));
            RefinementPhysics.Flips flips = RefinementPhysics.Flips.of(labels.get(s), rawPredicted.get(s), predicted);
            System.out.printf(Locale.ROOT, "  %-8s %-11s acc %5.1f%%  l1 %6.2f/%6.2f  l2 %5.3f/%5.3f  KL %5.3f/%5.3f  NCC %5.3f/%5.3f%n",
                    what, names.get(s), 100 * acc, d.get("l1 mean"), d.get("l1 median"), d.get("l2 mean"), d.get("l2 median"), d.get("KL mean"),
                    d.get("KL median"), d.get("NCC mean"), d.get("NCC median"));
            System.out.printf(Locale.ROOT, "           %s; %s%n", physics.summary(), flips.summary());
        }
    }
}
