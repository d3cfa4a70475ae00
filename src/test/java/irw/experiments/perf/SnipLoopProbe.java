package irw.experiments.perf;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.physics.ProfileRenderer;
import irw.xrd.physics.ReflectionSet;
import irw.xrd.physics.SimulationSettings;
import irw.xrd.physics.StickBuffer;
import irw.xrd.preprocess.SnipBackground;
import irw.xrd.synth.XrdDataSetBuilder;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SNIP's clipping with its old per-point branch against {@link SnipBackground#estimate} (issue 18), side by side in one
 * process, pattern by pattern (so both see the same load), on the Kα1 + Kα2 profiles of every 10th library structure
 * (half-width 40 points, the standard preparation's 1.5°). Thread CPU time; the ratio is what counts. (It also timed a
 * renderer that drew each Kα doublet in one pass with one division per point against {@link ProfileRenderer#render}: 0.65-0.80x
 * as fast, so it was dropped.)
 */
public final class SnipLoopProbe {
    private SnipLoopProbe() {
    }

    public static void main(String[] a) throws Exception {
        int rounds = a.length > 0 ? Integer.parseInt(a[0]) : 6;
        var cpu = ManagementFactory.getThreadMXBean();
        List<CrystalStructure> all = StructureLibrary.read(Path.of("sample-data/structure-library/amcsd.cif.gz")).structures();
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        SimulationSettings sim = SimulationSettings.defaults().withWavelength(grid.wavelength()).withRange(3, 82);
        List<StickBuffer> sticks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 10) {
            StickBuffer b = new StickBuffer();
            ReflectionSet.of(all.get(i), sim, 0.06).sticks(1, 1, 1, null, b);
            sticks.add(b);
        }
        var profile = XrdDataSetBuilder.IDEAL_PROFILE.withKAlpha2(true).withCrystalliteSize(40);
        SnipBackground snip = new SnipBackground(40);
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long sOld = 0, sNew = 0;
            for (StickBuffer b : sticks) {
                double[] y = new double[grid.points()];
                ProfileRenderer.render(b, grid.wavelength(), grid, profile, y);
                long c2 = cpu.getCurrentThreadCpuTime();
                double[] bgOld = branchySnip(y, 40);
                long c3 = cpu.getCurrentThreadCpuTime();
                double[] bgNew = snip.estimate(y);
                long c4 = cpu.getCurrentThreadCpuTime();
                sOld += c3 - c2;
                sNew += c4 - c3;
                for (int i = 0; i < y.length; i++) {
                    sink += Math.abs(bgOld[i] - bgNew[i]);
                }
            }
            int n = sticks.size();
            System.out.printf("round %d, %d patterns: SNIP with the branch %.4f ms vs without %.4f ms (%.2fx) (%s)%n", r, n, sOld / 1e6 / n,
                    sNew / 1e6 / n, (double) sOld / sNew, irw.core.MachineLoad.describe());
        }
        System.out.println("sum of |old - new| over every background point (0: identical): " + sink);
    }

    /** SnipBackground.estimate as it was before issue 18 (the branch inside the clipping loop). */
    static double[] branchySnip(double[] y, int halfWidth) {
        int n = y.length;
        double offset = 0;
        for (double v : y) {
            offset = Math.min(offset, v);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.log(Math.log(Math.sqrt(y[i] - offset + 1) + 1) + 1);
        }
        double[] next = new double[n];
        for (int k = Math.min(halfWidth, (n - 1) / 2); k >= 1; k--) {
            for (int i = 0; i < n; i++) {
                next[i] = i >= k && i + k < n ? Math.min(v[i], (v[i - k] + v[i + k]) / 2) : v[i];
            }
            double[] t = v;
            v = next;
            next = t;
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.exp(Math.exp(v[i]) - 1) - 1;
            b[i] = Math.min(y[i], s * s - 1 + offset);
        }
        return b;
    }
}
