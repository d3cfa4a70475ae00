package irw.engine;

import irw.core.ClassSet;
import irw.core.Pattern;
import irw.core.data.LabelledDataSet;
import irw.engine.net.ModelSpec;
import irw.engine.net.PatternConstraints;
import irw.experiments.MeasuredCells;
import irw.xrd.io.PatternReaders;
import irw.xrd.preprocess.ModelInputPreparation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both XRD refiners, the trained network and the per-pattern optimisation, keep every bundled real
 * measurement physical whatever their weights: a deliberately overdriven refiner (learning rate 1,
 * no l_reg) still writes no negative value, leaves the unmeasured cells at −1 exactly, and raises no
 * cell above the raw pattern's local maximum plus its noise margin.
 */
class PatternRefinementConstraintsTest {
    private static PrototypicalClassifier classifier;
    private static Refiner overdriven;
    private static List<String> names;
    private static float[][] real;

    @BeforeAll
    static void setUp() throws Exception {
        classifier = PrototypicalClassifier.untrained(ModelSpec.SMALL, new int[]{2000}, ClassSet.CRYSTAL_SYSTEMS, 3);
        names = new ArrayList<>();
        List<float[]> items = new ArrayList<>();
        for (String folder : List.of("sample-data/measured", "sample-data/measured-minerals")) {
            for (Path f : PatternReaders.listFolder(Path.of(folder), false).toRead()) {
                Pattern p = PatternReaders.read(f).get(0);
                ModelInputPreparation.Prepared prepared = classifier.preprocessing().prepare(p);
                assertThat(prepared.refusal()).as(f.toString()).isEmpty();
                names.add(f.getFileName().toString());
                items.add(prepared.values());
            }
        }
        // a partial scan: MnO cut to 30-60°, as a lab scans only part of the range
        Pattern mno = PatternReaders.read(Path.of("sample-data/measured/MnO.xy")).get(0);
        names.add("MnO.xy cut to 30-60°");
        items.add(classifier.preprocessing().prepare(cut(mno, 30, 60)).values());
        real = items.toArray(new float[0][]);
        // training items are full-range patterns on the grid (as simulated sets are): the real ones with 0 for −1
        float[][] onGrid = new float[real.length][];
        for (int i = 0; i < real.length; i++) {
            onGrid[i] = real[i].clone();
            for (int j = 0; j < onGrid[i].length; j++) {
                onGrid[i][j] = Math.max(0, onGrid[i][j]);
            }
        }
        LabelledDataSet set = new LabelledDataSet(onGrid, new int[]{2000}, new int[real.length], names, ClassSet.CRYSTAL_SYSTEMS);
        overdriven = new RefinerTrainer(new RefinerTrainingConfig(0, 1, true, 1, false, 1, 4, 1.0, 5).withStepsPerEpoch(3))
                .train(classifier, set, TrainingListener.NONE).model();
    }

    static Pattern cut(Pattern p, double from, double to) {
        int[] keep = java.util.stream.IntStream.range(0, p.size()).filter(i -> p.twoTheta(i) >= from && p.twoTheta(i) <= to).toArray();
        double[] x = new double[keep.length];
        double[] y = new double[keep.length];
        for (int k = 0; k < keep.length; k++) {
            x[k] = p.twoTheta(keep[k]);
            y[k] = p.intensity(keep[k]);
        }
        return new Pattern(x, y, p.metadata());
    }

    /** Checks one refined item against its input; returns a description of the first violation or null. */
    static String violation(float[] raw, float[] refined, PatternConstraints c) {
        double level = noiseLevel(raw, c);
        int half = c.envelopeCells() / 2;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0) {
                if (refined[i] != raw[i]) {
                    return "unmeasured cell " + i + " became " + refined[i];
                }
                continue;
            }
            if (!(refined[i] >= 0)) {
                return "cell " + i + " is " + refined[i];
            }
            double localMax = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(raw.length - 1, i + half); j++) {
                localMax = Math.max(localMax, raw[j]);
            }
            if (refined[i] > c.envelopeGain() * localMax + c.noiseMargin() * level + 1e-4) {
                return "cell " + i + " rose to " + refined[i] + " where the raw pattern's local maximum is " + localMax;
            }
        }
        return null;
    }

    /** The noise level as the constraints estimate it, to within the Gaussian's edge handling (an upper bound suffices here). */
    private static double noiseLevel(float[] raw, PatternConstraints c) {
        double sum = 0;
        int n = 0;
        int r = (int) Math.ceil(3 * c.smoothingCells());
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0) {
                continue;
            }
            double s = 0, w = 0;
            for (int j = Math.max(0, i - r); j <= Math.min(raw.length - 1, i + r); j++) {
                if (raw[j] >= 0) {
                    double g = Math.exp(-0.5 * Math.pow((j - i) / c.smoothingCells(), 2));
                    s += g * raw[j];
                    w += g;
                }
            }
            sum += Math.abs(raw[i] - s / w);
            n++;
        }
        return 1.05 * sum / Math.max(1, n);
    }

    @Test
    void theTrainedRefinerKeepsEveryRealMeasurementPhysical() {
        PatternConstraints c = overdriven.config().constraints();
        assertThat(c).isEqualTo(PatternConstraints.standard(classifier.preprocessing().grid().step()));
        float[][] refined = overdriven.refine(real);
        int changed = 0;
        for (int i = 0; i < real.length; i++) {
            assertThat(violation(real[i], refined[i], c)).as(names.get(i)).isNull();
            changed += Arrays.equals(real[i], refined[i]) ? 0 : 1;
        }
        assertThat(changed).as("the overdriven refiner does change the patterns").isEqualTo(real.length);
        float[] partial = refined[real.length - 1];
        assertThat(MeasuredCells.values(partial).length).isEqualTo(MeasuredCells.values(real[real.length - 1]).length).isLessThan(900);
    }

    @Test
    void perPatternRefinementKeepsEveryRealMeasurementPhysical() {
        PerPatternRefiner p = PerPatternRefiner.like(classifier, overdriven);
        PerPatternRefiner.Settings s = new PerPatternRefiner.Settings(0, 1, 6, 8, 0.5); // no l_reg, large steps
        for (int i = 0; i < real.length; i++) {
            RefinementTrace t = p.refine(real[i], s, () -> false);
            assertThat(t.steps()).isPositive();
            for (float[] step : t.patterns()) {
                assertThat(violation(real[i], step, p.constraints())).as(names.get(i)).isNull();
            }
        }
    }

    @Test
    void aRefinerRoundTripsWithItsConstraintsAndAnUnconstrainedOldOneIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("refiner.irwm");
        ModelStore.save(overdriven, file);
        Refiner back = ModelStore.loadRefiner(file);
        assertThat(back.config()).isEqualTo(overdriven.config());
        assertThat(back.refine(real)).isDeepEqualTo(overdriven.refine(real));
        Path old = dir.resolve("old.irwm");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file)); OutputStream o = Files.newOutputStream(old);
             ZipOutputStream out = new ZipOutputStream(o)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    b = new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("physical-unet1d-32x4", "unet1d-32x4")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> ModelStore.loadRefiner(old)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(old.toString()).hasMessageContaining("predates the physical constraints");
    }

    @Test
    void askedForExplicitlyNewPeaksMayGrowWhereNothingWasMeasuredAboveNoise() {
        PatternConstraints free = PatternConstraints.standard(classifier.preprocessing().grid().step()).withAllowNewPeaks(true);
        PerPatternRefiner p = new PerPatternRefiner(classifier, free, 1, false, 1);
        float[] x = real[names.indexOf("MnO.xy")];
        RefinementTrace t = p.refine(x, new PerPatternRefiner.Settings(0, 1, 6, 8, 0.5), () -> false);
        assertThat(violation(x, t.refined(), PatternConstraints.standard(classifier.preprocessing().grid().step()))).isNotNull();
        for (int i = 0; i < x.length; i++) { // still non-negative and inside the measured range
            assertThat(t.refined()[i]).isEqualTo(x[i] < 0 ? -1f : Math.max(0f, t.refined()[i]));
        }
    }
}
