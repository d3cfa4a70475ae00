package irw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import irw.core.ClassSet;
import irw.core.TwoThetaGrid;
import irw.core.data.LabelledDataSet;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.physics.BatchSimulator;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.SimulationSettings;
import irw.xrd.synth.TrainingPatternSource;
import irw.xrd.synth.XrdDataSetBuilder;
import irw.xrd.synth.XrdDataSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code irw bench simulate}: patterns per second over the structure library onto the 2,000-point
 * grid, the same 100 structures timed in pymatgen's XRDCalculator when python3 has pymatgen, and the
 * time to load 10,000 patterns from an ideal.npz.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Time the powder simulator over the structure library (and pymatgen on 100 of them, when installed).")
final class SimulateBenchCommand implements Callable<Integer> {
    @Option(names = "--structures", description = "structure library (default: ${DEFAULT-VALUE})")
    Path structures = irw.core.io.SampleDataFolder.resolve("structure-library/amcsd.cif.gz");

    @Option(names = "--peer-script", description = "the pymatgen timing script (default: ${DEFAULT-VALUE})")
    Path peerScript = Path.of("src/bench/peer/pymatgen_xrd.py");

    @Option(names = "--peer-structures", description = "structures timed in both programs (default: ${DEFAULT-VALUE})")
    int peerCount = 100;

    @Option(names = "--no-peer", description = "skip the pymatgen comparison")
    boolean noPeer;

    @Option(names = "--draws", description = "training draws rendered from cached reflection families (default: ${DEFAULT-VALUE})")
    int draws = 5000;

    @Option(names = "--simulated-draws", description = "training draws simulated afresh, for the ratio (default: ${DEFAULT-VALUE})")
    int simulatedDraws = 200;

    @Override
    public Integer call() throws Exception {
        System.out.printf("machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), irw.core.MachineLoad.describe());
        long t0 = System.nanoTime();
        StructureLibrary.ReadResult library = StructureLibrary.read(structures);
        double readS = seconds(t0);
        List<CrystalStructure> all = library.structures();
        System.out.printf("read %d structures (%d skipped) in %.2f s%n", all.size(), library.skipped().size(), readS);
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        BatchSimulator batch = new BatchSimulator(grid, SimulationSettings.defaults(), XrdDataSetBuilder.IDEAL_PROFILE);
        batch.simulateAll(all.subList(0, Math.min(300, all.size()))); // warm-up: JIT
        long t1 = System.nanoTime();
        float[][] patterns = batch.simulateAll(all);
        double simS = seconds(t1);
        System.out.printf("simulated %d patterns x %d points (sticks + pseudo-Voigt profile) in %.2f s: %.0f patterns/s (all cores; %s)%n",
                patterns.length, grid.points(), simS, patterns.length / simS, irw.core.MachineLoad.describe());
        onTheFly(all, grid);

        List<CrystalStructure> peerSet = IntStream.range(0, Math.min(peerCount, all.size()))
                .mapToObj(i -> all.get((int) ((long) i * all.size() / Math.min(peerCount, all.size())))).toList();
        PowderSimulator simulator = new PowderSimulator();
        SimulationSettings sticks = SimulationSettings.defaults().withWavelength(irw.core.Wavelength.CU_KALPHA_AVERAGE).withRange(5, 80);
        peerSet.forEach(s -> simulator.simulate(s, sticks));
        long t2 = System.nanoTime();
        peerSet.forEach(s -> simulator.simulate(s, sticks)); // one thread, like the peer
        double oursSticksS = seconds(t2);
        System.out.printf("the same %d structures, sticks only, one thread: %.3f s (%.1f ms each)%n", peerSet.size(), oursSticksS,
                1000 * oursSticksS / peerSet.size());
        if (!noPeer) {
            runPeer(peerSet, oursSticksS, simS / patterns.length);
        }
        timeLoading(patterns, grid);
        return 0;
    }

    /**
     * Training draws as {@code train classifier --structures} renders them (physical variation: defects, background, counting
     * noise, Kα2, impurity, partial ranges), on this thread only: from cached reflection families against simulated afresh,
     * side by side. Per CPU second of this thread as well as per wall second, since the cores are shared.
     */
    private void onTheFly(List<CrystalStructure> all, TwoThetaGrid grid) {
        List<CrystalStructure> labelled = all.stream().filter(s -> s.crystalSystem().isPresent()).toList();
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        TrainingPatternSource cached = new TrainingPatternSource(labelled, ClassSet.CRYSTAL_SYSTEMS.size(), grid,
                TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 1, TrainingPatternSource.Rendering.REFLECTIONS);
        long w0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
        cached.prepare();
        System.out.printf("reflection families of %d structures cached in %.1f s (one thread, %.1f s CPU)%n", labelled.size(), seconds(w0),
                (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
        TrainingPatternSource simulated = new TrainingPatternSource(labelled, ClassSet.CRYSTAL_SYSTEMS.size(), grid,
                TrainingPatternSource.Augmentation.PHYSICAL, 0.5, 1, TrainingPatternSource.Rendering.SIMULATION);
        for (int i = 0; i < 500; i++) {
            cached.draw(1_000_000 + i); // JIT
        }
        for (int i = 0; i < 20; i++) {
            simulated.draw(1_000_000 + i);
        }
        double[] fast = drawRate(cached, draws, cpu);
        double[] slow = drawRate(simulated, simulatedDraws, cpu);
        System.out.printf("training draws on one thread (physical variation, 2,000 points): from cached reflections %.0f patterns/s "
                        + "(%.0f per CPU second; goal >= 5,000), simulated afresh %.0f patterns/s (%.0f per CPU second): %.0fx (%s)%n",
                fast[0], fast[1], slow[0], slow[1], fast[1] / slow[1], irw.core.MachineLoad.describe());
    }

    /** {wall rate, CPU rate} of {@code n} draws. */
    private static double[] drawRate(TrainingPatternSource source, int n, java.lang.management.ThreadMXBean cpu) {
        long w = System.nanoTime(), c = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            source.draw(i);
        }
        return new double[]{n / seconds(w), n / ((cpu.getCurrentThreadCpuTime() - c) / 1e9)};
    }

    private void runPeer(List<CrystalStructure> peerSet, double oursS, double fullPatternWallS) throws Exception {
        String python = Stream.of("python3", "/usr/bin/python3").filter(SimulateBenchCommand::hasPymatgen).findFirst().orElse(null);
        if (python == null) {
            System.out.println("pymatgen: not importable by python3 or /usr/bin/python3 (apt-get install python3-pymatgen); no peer timing");
            return;
        }
        if (!Files.isRegularFile(peerScript)) {
            System.out.println("pymatgen: peer script " + peerScript + " not found (run from the repository root); no peer timing");
            return;
        }
        String ids = peerSet.stream().map(CrystalStructure::id).collect(Collectors.joining(","));
        Process p = new ProcessBuilder(python, peerScript.toString(), structures.toString(), ids, "5", "80").redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.out.println("pymatgen: the peer script failed: " + err.lines().reduce((a, b) -> b).orElse(""));
            return;
        }
        JsonNode r = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
        int n = r.path("structures").asInt();
        double peerS = r.path("seconds").asDouble();
        double peerPer = peerS / Math.max(n, 1);
        double oursPer = oursS / peerSet.size();
        System.out.printf("pymatgen %s XRDCalculator (%s): %d structures in %.2f s (%.1f ms each, %d unreadable by pymatgen)%n",
                pymatgenVersion(python), python, n, peerS, 1000 * peerPer, r.path("failed").size());
        System.out.printf("speed-up over pymatgen, per structure, one thread each: %.0fx%n", peerPer / oursPer);
        System.out.printf("whole-library wall time per full pattern (sticks + 2,000-point profile, all cores): %.1f ms, %.0fx pymatgen's sticks%n",
                1000 * fullPatternWallS, peerPer / fullPatternWallS);
    }

    private static void timeLoading(float[][] patterns, TwoThetaGrid grid) throws Exception {
        int n = 10_000;
        float[][] items = new float[n][];
        int[] labels = new int[n];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items[i] = patterns[i % patterns.length];
            labels[i] = i % ClassSet.CRYSTAL_SYSTEMS.size();
            ids.add("pattern_" + i);
        }
        LabelledDataSet set = new LabelledDataSet(items, new int[]{grid.points()}, labels, ids, ClassSet.CRYSTAL_SYSTEMS);
        LabelledDataSet none = new LabelledDataSet(new float[0][], new int[]{grid.points()}, new int[0], List.of(), ClassSet.CRYSTAL_SYSTEMS);
        XrdDataSets sets = new XrdDataSets(grid, set, new int[n], new int[n], new double[n][6], none, new float[0][], new double[0][22],
                List.of(), Map.of("format", "irw-xrd-dataset", "note", "bench"));
        Path dir = Files.createTempDirectory("irw-bench-load");
        try {
            sets.write(dir, false);
            XrdDataSets.load(dir); // warm-up
            long t = System.nanoTime();
            XrdDataSets loaded = XrdDataSets.load(dir);
            System.out.printf("loaded %d patterns x %d points from ideal.npz (%.0f MB) in %.3f s%n", loaded.ideal().size(), grid.points(),
                    Files.size(dir.resolve(XrdDataSets.IDEAL)) / 1e6, seconds(t));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static boolean hasPymatgen(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import pymatgen.analysis.diffraction.xrd").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String pymatgenVersion(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import importlib.metadata as m; print(m.version('pymatgen'))").start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? v : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
