package irw.experiments.real;

import irw.core.ClassSet;
import irw.core.GridBinning;
import irw.core.Pattern;
import irw.core.Resampler;
import irw.core.TwoThetaGrid;
import irw.engine.Classification;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.xrd.io.PatternReaders;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Measures what each preprocessing step does to a trained classifier's answers, at inference: the
 * model's own preparation against linear interpolation instead of bin-averaging, and against other
 * SNIP widths (0 = none). Run by hand (not a test):
 * {@code java -cp target/classes:target/test-classes:target/lib/* irw.experiments.real.PreprocessingAblation MODEL DATASET_DIR}.
 */
public final class PreprocessingAblation {
    public static void main(String[] args) throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(Path.of(args[0]));
        XrdDataSets sets = XrdDataSets.load(Path.of(args[1]));
        TwoThetaGrid grid = c.preprocessing().grid();
        List<LabelledMeasurements> real = List.of(LabelledMeasurements.read(Path.of("sample-data/measured")),
                LabelledMeasurements.read(Path.of("sample-data/measured-minerals")));
        List<LabelledMeasurements.Entry> single = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (LabelledMeasurements set : real) {
            for (LabelledMeasurements.Entry e : set.entries()) {
                if (e.labelled() && !e.mixture()) {
                    single.add(e);
                    patterns.add(PatternReaders.read(e.file()).get(0));
                }
            }
        }
        record Variant(String name, ModelInputPreparation prep, boolean linear) {
        }
        ModelInputPreparation own = c.preprocessing().patterns();
        List<Variant> variants = List.of(new Variant("model's own (bin-average, SNIP " + own.snipHalfWidthDegrees() + "°)", own, false),
                new Variant("linear interpolation", own, true),
                new Variant("no background removal", new ModelInputPreparation(grid, 0, own.minCoverage()), false),
                new Variant("SNIP 0.75°", new ModelInputPreparation(grid, 0.75, own.minCoverage()), false),
                new Variant("SNIP 3°", new ModelInputPreparation(grid, 3, own.minCoverage()), false));
        for (Variant v : variants) {
            Function<Pattern, float[]> prepare = p -> {
                if (!v.linear()) {
                    return v.prep().prepare(p).values();
                }
                GridBinning.Binned mask = GridBinning.bin(p, grid);
                return v.prep().prepare(Resampler.resample(p, grid).intensityValues(), mask.measured()).values();
            };
            int right = 0;
            Classification rc = c.classify(patterns.stream().map(prepare).toArray(float[][]::new));
            for (int i = 0; i < single.size(); i++) {
                right += single.get(i).systems().contains(ClassSet.CRYSTAL_SYSTEMS.name(rc.predicted(i))) ? 1 : 0;
            }
            float[][] imp = sets.imperfect().items();
            float[][] items = new float[imp.length][];
            for (int i = 0; i < imp.length; i++) {
                items[i] = v.prep().prepareOnGrid(imp[i]).values();
            }
            int[] pred = c.classify(items).predictedLabels();
            int ok = 0;
            for (int i = 0; i < pred.length; i++) {
                ok += pred[i] == sets.imperfect().labels()[i] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%-40s real single phases %2d/%d   simulated imperfect %.3f (%d)%n", v.name(), right, single.size(),
                    (double) ok / pred.length, pred.length);
        }
    }
}
