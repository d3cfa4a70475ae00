package irw.cli;

import irw.core.MachineLoad;
import irw.engine.EngineBench;
import irw.engine.net.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * bench engine: training throughput (samples/s) of every network that ships, the refiner (1-D and 2-D)
 * and each classifier spec, against the same architecture in the PyTorch peer
 * (src/bench/peer/engine_peer.py), timed interleaved (ours, theirs, ours, theirs) on the same cores with
 * the load average printed next to every figure; then classifier inference and per-pattern refinement
 * latency.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Time training steps of the refiner and every classifier spec against the PyTorch peer (interleaved, with the load), "
                + "classifier inference and per-pattern refinement.")
final class EngineBenchCommand implements Callable<Integer> {
    /** A network as trained: the refiner through the small classifier, or a classifier spec by Algorithm 1. */
    record Net(String name, ModelSpec spec, int[] shape, int classes, int batch) {
        boolean refiner() {
            return spec == null;
        }

        /** The same net at another batch size (a classifier's: a multiple of its classes, at least one per class). */
        Net withBatch(int size) {
            int b = refiner() ? Math.max(1, size) : classes * Math.max(1, size / classes);
            return new Net(name, spec, shape, classes, b);
        }

        String peerRequest(int warmup, int steps) {
            return refiner() ? String.format("refiner %s %d %d %d", shape.length == 1 ? "1d" : "2d", batch, warmup, steps)
                    : String.format("classifier %s %d %d %d", name, batch, warmup, steps);
        }
    }

    /** Every shipped net; the paper's two big 1-D nets at 2 patterns per class (a step of 56 takes minutes on 2 busy cores). */
    static final List<Net> NETS = List.of(
            new Net("refiner-1d", null, new int[]{2000}, 7, 32),
            new Net("refiner-2d", null, new int[]{28, 28}, 10, 64),
            new Net("small-1d", ModelSpec.SMALL, new int[]{2000}, 7, 56),
            new Net("resnet1d", ModelSpec.RESNET1D, new int[]{2000}, 7, 56),
            new Net("vgg19", ModelSpec.VGG19, new int[]{2000}, 7, 14),
            new Net("densenet121", ModelSpec.DENSENET121, new int[]{2000}, 7, 14),
            new Net("small-2d", ModelSpec.SMALL, new int[]{28, 28}, 10, 100),
            new Net("vgg2d", ModelSpec.VGG2D, new int[]{28, 28}, 10, 100));

    @Option(names = "--nets", split = ",", description = "nets to time (default: all of ${DEFAULT-VALUE})",
            defaultValue = "refiner-1d,refiner-2d,small-1d,resnet1d,vgg19,densenet121,small-2d,vgg2d")
    List<String> nets;
    @Option(names = "--rounds", defaultValue = "2", description = "alternations ours/PyTorch per net (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--steps", defaultValue = "3", description = "timed steps per round and side (default ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--warmup", defaultValue = "1", description = "untimed steps before them (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--seed", defaultValue = "2019")
    long seed;
    @Option(names = "--peer", description = "path of engine_peer.py (default: src/bench/peer/engine_peer.py under the working or install directory)")
    Path peer;
    @Option(names = "--no-peer", description = "skip the PyTorch comparison")
    boolean noPeer;
    @Option(names = "--no-latency", description = "skip classifier inference and per-pattern refinement")
    boolean noLatency;
    @Option(names = "--batch", description = "batch size of every timed net instead of its own (classifiers: rounded down to a multiple of "
            + "the classes), to find the batch that fills the cores")
    Integer batch;
    @Option(names = "--data", description = "also time resnet1d and small-1d on patterns rendered on the fly from this many library structures "
            + "against the same steps on batches from memory (0: skip; default ${DEFAULT-VALUE})", defaultValue = "0")
    int dataStructures;
    @Option(names = "--structures", description = "structure library for --data (default: ${DEFAULT-VALUE})")
    Path structures = irw.core.io.SampleDataFolder.resolve("structure-library/amcsd.cif.gz");

    @Override
    public Integer call() throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("OMP_NUM_THREADS", Integer.toString(Runtime.getRuntime().availableProcessors())));
        System.out.printf("engine bench: OMP_NUM_THREADS=%d, oneDNN extension '%s', seed %d, %s%n", threads,
                System.getProperty("org.bytedeco.javacpp.platform.extension", ""), seed, MachineLoad.describe());
        List<Net> chosen = new ArrayList<>();
        for (String n : nets) {
            Net net = NETS.stream().filter(x -> x.name().equals(n.trim())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "unknown net '" + n + "'; expected some of " + NETS.stream().map(Net::name).toList()));
            chosen.add(batch == null ? net : net.withBatch(batch));
        }
        Optional<TorchPeer> torch = noPeer ? Optional.empty() : TorchPeer.start(peer, threads);
        try {
            torch.ifPresent(t -> System.out.println("PyTorch peer: " + t.version()));
            training(chosen, torch.orElse(null));
            if (dataStructures > 0) {
                dataSide();
            }
            if (!noLatency) {
                latency(torch.orElse(null));
            }
        } finally {
            if (torch.isPresent()) {
                torch.get().close();
            }
        }
        return 0;
    }

    /** Each net: ours, then PyTorch, {@code rounds} times; then the medians over every timed step and the ratios. */
    private void training(List<Net> chosen, TorchPeer torch) throws Exception {
        System.out.printf("training steps, %d rounds x %d timed steps (after %d untimed) per side, interleaved ours/PyTorch:%n", rounds, steps,
                warmup);
        Map<Net, double[][]> results = new LinkedHashMap<>();
        for (Net net : chosen) {
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            List<Double> loads = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                loads.add(MachineLoad.oneMinute());
                long[] gc0 = garbageCollections();
                double[] o = net.refiner() ? EngineBench.refinerStepSeconds(net.shape(), net.classes(), net.batch(), warmup, steps, seed + r)
                        : EngineBench.classifierStepSeconds(net.spec(), net.shape(), net.classes(), net.batch() / net.classes(), warmup, steps, seed + r);
                Arrays.stream(o).forEach(ours::add);
                long[] gc1 = garbageCollections();
                String line = String.format(Locale.ROOT, "  round %d %-11s %-9s batch %3d: ours %s (GC %d collections, %.2f s in %d steps)", r + 1,
                        net.name(), Arrays.toString(net.shape()), net.batch(), perStep(o, net.batch()), gc1[0] - gc0[0], (gc1[1] - gc0[1]) / 1e3,
                        warmup + steps);
                if (torch != null) {
                    loads.add(MachineLoad.oneMinute());
                    Optional<double[]> t = torch.time(net.peerRequest(warmup, steps));
                    if (t.isPresent()) {
                        Arrays.stream(t.get()).forEach(theirs::add);
                        line += " | PyTorch " + perStep(t.get(), net.batch());
                    }
                }
                System.out.println(line + String.format(Locale.ROOT, " | load %.1f", MachineLoad.oneMinute()));
            }
            loads.add(MachineLoad.oneMinute());
            double[][] r = {toArray(ours), toArray(theirs), toArray(loads)};
            results.put(net, r);
            // each net's row as soon as it is measured: a long run cut short (the big nets take minutes a step) keeps what it has
            System.out.println("  => " + row(net, r));
        }
        System.out.println();
        System.out.println("| net | input | batch | ours samples/s | PyTorch samples/s | ours/PyTorch time per sample | load average during |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        results.forEach((net, r) -> System.out.println(row(net, r)));
    }

    /**
     * Does the data side make the step wait? resnet1d (the shipped on-the-fly classifier) and small-1d (the shortest step, where
     * the data thread matters most) trained on patterns drawn and prepared on the loop's data thread, against the same steps
     * on batches from memory, interleaved; and the CPU time one batch takes to draw and prepare on one thread.
     */
    private void dataSide() throws Exception {
        java.util.List<irw.xrd.cif.CrystalStructure> labelled = irw.xrd.cif.StructureLibrary.read(structures).structures().stream()
                .filter(x -> x.crystalSystem().isPresent()).limit(dataStructures).toList();
        irw.xrd.synth.TrainingPatternSource source = new irw.xrd.synth.TrainingPatternSource(labelled, 7, irw.core.TwoThetaGrid.DEFAULT,
                irw.xrd.synth.TrainingPatternSource.Augmentation.PHYSICAL, 0.5, seed, irw.xrd.synth.TrainingPatternSource.Rendering.REFLECTIONS);
        source.prepare();
        System.out.printf(Locale.ROOT, "%ndata side: %d library structures, physical variation, drawn from cached reflection families on the "
                + "loop's data thread while the step runs:%n", labelled.size());
        for (Net net : List.of(NETS.get(3), NETS.get(2))) {
            Net n = batch == null ? net : net.withBatch(batch);
            int perClass = n.batch() / n.classes();
            EngineBench.batchRenderCpuSeconds(source, 5_000_000, n.batch()); // JIT
            double render = EngineBench.batchRenderCpuSeconds(source, 6_000_000, n.batch());
            for (int r = 0; r < rounds; r++) {
                double memory = EngineBench.timing("", EngineBench.classifierStepSeconds(n.spec(), n.shape(), n.classes(), perClass, warmup, steps,
                        seed + r)).medianSeconds();
                double fly = EngineBench.timing("", EngineBench.onTheFlyStepSeconds(n.spec(), source, perClass, warmup, steps, seed + r)).medianSeconds();
                System.out.printf(Locale.ROOT, "  round %d %-9s batch %3d: from memory %.3f s/step | rendered on the fly %.3f s/step (%.2fx) | one "
                                + "batch drawn and prepared: %.1f ms CPU (%.0f%% of a step) | %s%n", r + 1, n.name(), n.batch(), memory, fly,
                        fly / memory, 1e3 * render, 100 * render / memory, MachineLoad.describe());
            }
        }
    }

    /** {collections, milliseconds} of every garbage collector so far. */
    private static long[] garbageCollections() {
        long count = 0, millis = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[]{count, millis};
    }

    /** One table row: medians over every timed step of all rounds. */
    private static String row(Net net, double[][] r) {
        double ours = net.batch() / EngineBench.timing("", r[0]).medianSeconds();
        double[] t = r[1];
        double theirs = t.length == 0 ? Double.NaN : net.batch() / EngineBench.timing("", t).medianSeconds();
        return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %s | %s | %.1f-%.1f |", net.name(), Arrays.toString(net.shape()), net.batch(), ours,
                t.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f", theirs),
                t.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", theirs / ours),
                Arrays.stream(r[2]).min().orElse(Double.NaN), Arrays.stream(r[2]).max().orElse(Double.NaN));
    }

    /** Classifier inference throughput (ours and the peer's, back to back) and per-pattern refinement latency. */
    private void latency(TorchPeer torch) throws Exception {
        System.out.printf(Locale.ROOT, "%nclassifier inference, 4,096 random patterns [2000] in batches of 256 (%s):%n", MachineLoad.describe());
        double ours = EngineBench.classifierSeconds(ModelSpec.SMALL, new int[]{2000}, 7, 4096, seed);
        System.out.printf(Locale.ROOT, "  small-1d: ours %.0f patterns/s%n", 4096 / ours);
        if (torch != null) {
            Optional<double[]> t = torch.time("inference small-1d 4096 1 1");
            if (t.isPresent()) {
                System.out.printf(Locale.ROOT, "  small-1d: PyTorch %.0f patterns/s; ratio ours/PyTorch throughput %.2f (%s)%n", 4096 / t.get()[0],
                        t.get()[0] / ours, MachineLoad.describe());
            }
        }
        System.out.printf(Locale.ROOT, "  small-2d: ours %.0f digits/s%n", 4096 / EngineBench.classifierSeconds(ModelSpec.SMALL, new int[]{28, 28}, 10,
                4096, seed));
        // the small, latency-bound measurements first: after big training steps the process's resident memory sits
        // near JavaCPP's maxphysicalbytes cap and every allocation then pays a GC
        System.out.printf(Locale.ROOT, "per-pattern refinement [28, 28] first call (builds the graph), 15 steps: %.4f s%n",
                EngineBench.perPatternFirstCall(new int[]{28, 28}, 10, 15, seed));
        System.out.printf(Locale.ROOT, "per-pattern refinement [2000] first call (builds the graph), 15 steps: %.4f s%n",
                EngineBench.perPatternFirstCall(new int[]{2000}, 7, 15, seed));
        // one OpenMP thread (the refiner's default) side by side with OMP_NUM_THREADS (the behaviour before)
        for (int[] shape : new int[][]{{28, 28}, {2000}}) {
            int classes = shape.length == 2 ? 10 : 7;
            print(EngineBench.perPatternRefinement(shape, classes, 15, 5, 1, seed));
            print(EngineBench.perPatternRefinement(shape, classes, 15, 5, 0, seed));
        }
    }

    private static String perStep(double[] s, int batch) {
        double median = EngineBench.timing("", s).medianSeconds();
        return String.format(Locale.ROOT, "%.3f s/step %6.1f samples/s", median, batch / median);
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void print(EngineBench.Timing t) {
        System.out.printf(Locale.ROOT, "%s: median %.4f s, 90th percentile %.4f s, mean %.4f s (%d runs; %s)%n", t.what(), t.medianSeconds(),
                t.p90Seconds(), t.meanSeconds(), t.repetitions(), MachineLoad.describe());
    }
}
