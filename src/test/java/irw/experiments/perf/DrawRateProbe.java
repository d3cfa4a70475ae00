package irw.experiments.perf;

import irw.core.ClassSet;
import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.TrainingPatternSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * What the training loop's data thread does per pattern, on one thread, per CPU second: a draw from cached reflection
 * families ({@link TrainingPatternSource#draw}, physical variation) and the model-input preparation after it (SNIP,
 * scaling, measured-range marker), over the whole library, {@code passes} passes of {@code n} draws (the first pays
 * for the JIT). Run under JFR to see where the time goes:
 * {@code java -XX:StartFlightRecording=filename=/tmp/draw.jfr,settings=profile -cp target/irw.jar:target/lib/*:target/test-classes
 * irw.experiments.perf.DrawRateProbe 20000 3}.
 */
public final class DrawRateProbe {
    private DrawRateProbe() {
    }

    public static void main(String[] a) throws Exception {
        int n = a.length > 0 ? Integer.parseInt(a[0]) : 10_000;
        int passes = a.length > 1 ? Integer.parseInt(a[1]) : 3;
        var cpu = ManagementFactory.getThreadMXBean();
        List<CrystalStructure> labelled = StructureLibrary.read(Path.of("sample-data/structure-library/amcsd.cif.gz")).structures().stream()
                .filter(s -> s.crystalSystem().isPresent()).toList();
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        TrainingPatternSource source = new TrainingPatternSource(labelled, ClassSet.CRYSTAL_SYSTEMS.size(), grid,
                TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 1, TrainingPatternSource.Rendering.REFLECTIONS);
        source.prepare();
        ModelInputPreparation preparation = ModelInputPreparation.standard(grid);
        long checksum = 0;
        for (int pass = 0; pass < passes; pass++) {
            long drawNs = 0, prepNs = 0;
            for (int i = 0; i < n; i++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                TrainingPatternSource.Sample s = source.draw((long) pass * n + i);
                long t1 = cpu.getCurrentThreadCpuTime();
                float[] x = preparation.prepare(s.values(), s.measured()).values();
                long t2 = cpu.getCurrentThreadCpuTime();
                drawNs += t1 - t0;
                prepNs += t2 - t1;
                checksum = 31 * checksum + java.util.Arrays.hashCode(x) + 17L * java.util.Arrays.hashCode(s.values()) + java.util.Arrays.hashCode(s.measured());
            }
            double total = (drawNs + prepNs) / 1e9;
            System.out.printf("pass %d: %d draws: draw %.4f ms, preparation %.4f ms CPU each: %.0f draws per CPU second, %.0f draws+preparation "
                    + "per CPU second (%s)%n", pass, n, drawNs / 1e6 / n, prepNs / 1e6 / n, n / (drawNs / 1e9), n / total, irw.core.MachineLoad.describe());
        }
        System.out.println("checksum of every draw and prepared item (equal before and after an exact optimisation): " + checksum);
    }
}
