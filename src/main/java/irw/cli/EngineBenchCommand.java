package irw.cli;

import irw.engine.EngineBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * bench engine: refiner training step (1-D batch 32 x 2,000 points; 2-D batch 64 x 28x28),
 * classifier inference items/s, per-pattern refinement latency (28x28 and 2,000 points; one OpenMP
 * thread side by side with OMP_NUM_THREADS); then the PyTorch peer
 * (src/bench/peer/engine_peer.py) on the same networks in the same run, and the ratios.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Time the engine (refiner step, classifier inference, per-pattern refinement of a digit and a 2,000-point pattern) and compare with the PyTorch peer.")
final class EngineBenchCommand implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "10", description = "timed steps (default ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--warmup", defaultValue = "3")
    int warmup;
    @Option(names = "--seed", defaultValue = "2019")
    long seed;
    @Option(names = "--peer", description = "path of engine_peer.py (default: src/bench/peer/engine_peer.py under the working or install directory)")
    Path peer;
    @Option(names = "--no-peer", description = "skip the PyTorch comparison")
    boolean noPeer;

    @Override
    public Integer call() throws Exception {
        System.out.printf("engine bench: OMP_NUM_THREADS=%s, oneDNN extension '%s', seed %d%n", System.getenv("OMP_NUM_THREADS"),
                System.getProperty("org.bytedeco.javacpp.platform.extension", ""), seed);
        double perSecond = EngineBench.classifierItemsPerSecond(new int[]{2000}, 7, 4096, seed);
        System.out.printf(Locale.ROOT, "classifier inference [2000]: %.0f patterns/s%n", perSecond);
        System.out.printf(Locale.ROOT, "classifier inference [28, 28]: %.0f digits/s%n",
                EngineBench.classifierItemsPerSecond(new int[]{28, 28}, 10, 4096, seed));
        // the small, latency-bound measurements first: after the big training steps the process's
        // resident memory sits near JavaCPP's maxphysicalbytes cap and every allocation then pays a GC
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
        print(EngineBench.perPatternRefinement(new int[]{28, 28}, 10, 30, 5, 1, seed));
        EngineBench.Timing oneD = EngineBench.refinerStep(new int[]{2000}, 7, 32, warmup, steps, seed);
        print(oneD);
        EngineBench.Timing twoD = EngineBench.refinerStep(new int[]{28, 28}, 10, 64, warmup, steps, seed);
        print(twoD);
        if (!noPeer) {
            Map<String, Double> p = runPeer();
            if (!p.isEmpty()) {
                ratio("refiner step 1-D", oneD.medianSeconds(), p.get("refiner_step_1d_median_s"));
                ratio("refiner step 2-D", twoD.medianSeconds(), p.get("refiner_step_2d_median_s"));
                Double peerRate = p.get("classifier_1d_items_per_s");
                if (peerRate != null) {
                    System.out.printf(Locale.ROOT, "ratio classifier inference 1-D (ours/PyTorch throughput): %.2f%n", perSecond / peerRate);
                }
            }
        }
        return 0;
    }

    private static void print(EngineBench.Timing t) {
        System.out.printf(Locale.ROOT, "%s: median %.4f s, mean %.4f s (%d runs)%n", t.what(), t.medianSeconds(), t.meanSeconds(), t.repetitions());
    }

    private static void ratio(String what, double ours, Double peer) {
        if (peer != null) {
            System.out.printf(Locale.ROOT, "ratio %s (ours/PyTorch, median): %.2f  (ours %.4f s, PyTorch %.4f s)%n", what, ours / peer, ours, peer);
        }
    }

    private Map<String, Double> runPeer() throws Exception {
        Path script = peer;
        if (script == null) {
            for (Path base : List.of(Path.of(""), Path.of(System.getProperty("irw.home", ".")))) {
                Path candidate = base.resolve("src/bench/peer/engine_peer.py");
                if (Files.exists(candidate)) {
                    script = candidate;
                    break;
                }
            }
        }
        Map<String, Double> values = new HashMap<>();
        if (script == null || !Files.exists(script)) {
            System.out.println("PyTorch peer: engine_peer.py not found (give --peer PATH)");
            return values;
        }
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "2");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3"; // Debian's python3-torch lives there
        Process proc = new ProcessBuilder(python, script.toString(), "--threads", threads, "--steps", Integer.toString(steps),
                "--warmup", Integer.toString(warmup)).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("  peer: " + line);
                if (line.startsWith("PEER ")) {
                    for (String kv : line.substring(5).trim().split("\\s+")) {
                        String[] p = kv.split("=", 2);
                        try {
                            values.put(p[0], Double.parseDouble(p[1]));
                        } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                            // non-numeric fields such as the torch version
                        }
                    }
                }
            }
        }
        if (!proc.waitFor(10, TimeUnit.MINUTES) || proc.exitValue() != 0) {
            System.out.println("PyTorch peer failed (is python3-torch installed? apt-get install python3-torch)");
        }
        return values;
    }
}
