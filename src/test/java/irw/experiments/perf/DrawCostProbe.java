package irw.experiments.perf;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.physics.ProfileRenderer;
import irw.xrd.physics.ReflectionSet;
import irw.xrd.physics.SimulationSettings;
import irw.xrd.physics.StickBuffer;
import irw.xrd.synth.DefectParameters;
import irw.xrd.synth.DefectSettings;
import irw.xrd.synth.ImperfectPatternGenerator;
import irw.xrd.synth.Severity;
import irw.xrd.synth.XrdDataSetBuilder;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the CPU time of one imperfect training pattern drawn from cached reflection families goes (issue 18's
 * 5,000 patterns/s per core): the varied sticks, the Kα1 + Kα2 profile, and the whole imperfect render
 * (profile, background, counting noise, normalisation), over every 30th library structure, three passes (the
 * first pays for the JIT). Run: {@code java -cp target/irw.jar:target/lib/*:target/test-classes irw.experiments.perf.DrawCostProbe}.
 * 3 Dec 2026, load 25 on 2 cores, after warm-up: sticks 0.03 ms, profile 0.047 ms, whole render 0.155 ms of CPU
 * (6,400 per CPU second); the first pass 0.45 ms.
 */
public final class DrawCostProbe {
    private DrawCostProbe() {
    }

    public static void main(String[] a) throws Exception {
        var cpu = ManagementFactory.getThreadMXBean();
        List<CrystalStructure> all = StructureLibrary.read(Path.of("sample-data/structure-library/amcsd.cif.gz")).structures();
        List<CrystalStructure> some = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 30) some.add(all.get(i));
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        ImperfectPatternGenerator g = new ImperfectPatternGenerator(grid, DefectSettings.of(Severity.PAPER), XrdDataSetBuilder.IDEAL_PROFILE.withKAlpha2(true), SimulationSettings.defaults());
        List<ReflectionSet> sets = new ArrayList<>();
        for (CrystalStructure s : some) sets.add(ReflectionSet.of(s, g.simulation(), 0.06));
        StickBuffer b = new StickBuffer();
        SplittableRandom rng = new SplittableRandom(1);
        for (int rep = 0; rep < 3; rep++) {
            long tS = 0, tP = 0, tAll = 0; long sticks = 0;
            for (int i = 0; i < sets.size(); i++) {
                DefectParameters p = g.draw(rng, -1, some.get(i).cell());
                long c0 = cpu.getCurrentThreadCpuTime();
                sets.get(i).sticks(1 + p.strainA(), 1 + p.strainB(), 1 + p.strainC(), null, b);
                long c1 = cpu.getCurrentThreadCpuTime();
                sticks += b.size();
                double[] y = new double[grid.points()];
                ProfileRenderer.render(b, g.simulation().wavelength(), grid, XrdDataSetBuilder.IDEAL_PROFILE.withKAlpha2(true), y);
                long c2 = cpu.getCurrentThreadCpuTime();
                g.render(sets.get(i), null, p, rng, b);
                long c3 = cpu.getCurrentThreadCpuTime();
                tS += c1 - c0; tP += c2 - c1; tAll += c3 - c2;
            }
            int n = sets.size();
            System.out.printf("rep %d, %d structures, %.0f sticks avg: sticks %.3f ms, profile (Ka1+Ka2) %.3f ms, whole imperfect render %.3f ms CPU per pattern%n",
                rep, n, (double) sticks / n, tS / 1e6 / n, tP / 1e6 / n, tAll / 1e6 / n);
        }
    }
}
