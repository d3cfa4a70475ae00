package irw.experiments.compare;

import irw.core.ClassSet;
import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.TwoThetaGrid;
import irw.core.data.ClassBalancedSubset;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.engine.Preprocessing;
import irw.experiments.DataSplits;
import irw.experiments.real.LabelledMeasurements;
import irw.xrd.io.PatternReaders;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.XrdDataSets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of the comparison, in the data roles the reproductions use: which items train what, and which
 * are held out, fixed for every method and seed. Unreadable real files are skipped with a note (a batch goes
 * on past a bad file).
 */
final class ComparisonData {
    /** Seed of the fixed held-out and few-shot samples: the same items for every seed and method. */
    static final long SAMPLE_SEED = 20190127L;

    private ComparisonData() {
    }

    /** MNIST from IDX files: the first N training digits per class are the labelled imperfect items; test is sampled per class. */
    record Digits(LabelledDataSet few, HeldOutSet test, String description) {
    }

    static Digits digits(Path mnist, ArmPlan plan) throws IOException {
        LabelledDataSet train = idx(mnist, "train");
        LabelledDataSet test = idx(mnist, "test");
        if (plan.testPerClass() > 0) {
            test = DataSplits.samplePerClass(test, plan.testPerClass(), SAMPLE_SEED);
        }
        LabelledDataSet few = ClassBalancedSubset.exactlyFirstOfEachClass(train, plan.fewPerClass() > 0 ? plan.fewPerClass() : 600);
        Preprocessing prep = Preprocessing.defaultFor(test.shape());
        HeldOutSet set = HeldOutSet.of("MNIST test", prep.apply(test.items()), test, null, null);
        return new Digits(few, set, String.format(java.util.Locale.ROOT, "%s: %d MNIST test digits (%s); the first %d MNIST training digits of "
                + "every class are the labelled imperfect items", mnist, test.size(), plan.testPerClass() > 0 ? plan.testPerClass()
                + " per class, a fixed sample" : "all of the bundled test file", few.size() / 10));
    }

    /** The XRD data set's roles plus the labelled real sets. */
    record Xrd(LabelledDataSet ideal, LabelledDataSet few, List<HeldOutSet> sets, List<String> notes, String description) {
    }

    static Xrd xrd(Path dataDir, List<Path> realFolders, ArmPlan plan) throws IOException {
        XrdDataSets data;
        try {
            data = XrdDataSets.load(dataDir);
        } catch (PatternFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        LabelledDataSet few = data.refinerTrainingSet();
        if (plan.fewPerClass() > 0) {
            few = DataSplits.samplePerClass(few, plan.fewPerClass(), SAMPLE_SEED);
        }
        LabelledDataSet test = data.refinerTestSet();
        float[][] truth = data.refinerTestGroundTruth();
        if (plan.testPerClass() > 0) {
            LabelledDataSet sample = DataSplits.samplePerClass(test, plan.testPerClass(), SAMPLE_SEED);
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < test.size(); i++) {
                at.put(test.ids().get(i), i);
            }
            float[][] t = new float[sample.size()][];
            for (int i = 0; i < sample.size(); i++) {
                t[i] = truth[at.get(sample.ids().get(i))];
            }
            test = sample;
            truth = t;
        }
        Preprocessing prep = Preprocessing.defaultFor(test.shape());
        TwoThetaGrid grid = data.grid();
        List<Pattern> simulated = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            double[] v = new double[test.itemLength()];
            for (int j = 0; j < v.length; j++) {
                v[j] = test.items()[i][j];
            }
            simulated.add(Pattern.onGrid(grid, v, PatternMetadata.named(test.ids().get(i))));
        }
        List<HeldOutSet> sets = new ArrayList<>();
        sets.add(HeldOutSet.of("simulated imperfect", prep.apply(test.items()), test, truth, simulated));
        List<String> notes = new ArrayList<>();
        for (Path folder : realFolders) {
            sets.add(real(folder, prep, plan.realFilesPerSet(), notes));
        }
        String description = String.format(java.util.Locale.ROOT, "%s: %d ideal patterns of the training structures; %d labelled imperfect "
                        + "patterns of held-out structures train the refiners; %d imperfect patterns of other held-out structures are scored "
                        + "(with their ground truth); real sets: %s", dataDir, data.classifierTrainingSet().size(), few.size(), test.size(),
                realFolders);
        return new Xrd(data.classifierTrainingSet(), few, sets, notes, description);
    }

    private static HeldOutSet real(Path folder, Preprocessing prep, int cap, List<String> notes) throws IOException {
        LabelledMeasurements m = LabelledMeasurements.read(folder);
        ClassSet classes = ClassSet.CRYSTAL_SYSTEMS;
        List<float[]> items = new ArrayList<>();
        List<Set<Integer>> accepted = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (LabelledMeasurements.Entry e : m.entries()) {
            if (!e.labelled() || (cap > 0 && items.size() >= cap)) {
                continue;
            }
            Pattern p;
            try {
                p = PatternReaders.read(e.file()).get(0);
            } catch (PatternFormatException | RuntimeException ex) {
                notes.add(e.file() + ": not scored, " + ex.getMessage());
                continue;
            }
            Set<Integer> ok = new LinkedHashSet<>();
            e.systems().forEach(s -> {
                if (classes.indexOf(s) >= 0) {
                    ok.add(classes.indexOf(s));
                }
            });
            ModelInputPreparation.Prepared prepared = prep.prepare(p);
            items.add(prepared.refusal().isPresent() ? null : prepared.values());
            if (prepared.refusal().isPresent()) {
                notes.add(e.file() + ": refused by the model's preprocessing (" + prepared.refusalMessage() + "); wrong for every learned method");
            }
            accepted.add(ok);
            patterns.add(p);
        }
        String name = folder.getFileName().toString().equals("measured-minerals") ? "measured minerals"
                : folder.getFileName().toString().equals("measured") ? "measured files" : folder.getFileName().toString();
        return new HeldOutSet(name, items.toArray(new float[0][]), accepted, null, patterns, classes);
    }

    private static LabelledDataSet idx(Path mnist, String part) throws IOException {
        return IdxFormat.readMnistPart(mnist, part);
    }
}
