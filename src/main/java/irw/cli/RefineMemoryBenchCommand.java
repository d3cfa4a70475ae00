package irw.cli;

import irw.core.io.SampleDataFolder;
import irw.xrd.synth.XrdDataSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * bench refine: the peak resident memory of {@code classify --refiner} on N pattern files, in a
 * child JVM capped as a user's would be (-Xmx2g and the launcher's JavaCPP caps), read from the
 * child's VmHWM (Linux). The patterns are the bundled imperfect set's, written as .xy files and
 * repeated up to N. {@code --jar} measures other builds in the same run, side by side.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Peak resident memory (VmHWM) of 'classify --refiner' on N pattern files in a child JVM at -Xmx2g, "
                + "for this build and any --jar given, side by side.")
final class RefineMemoryBenchCommand implements Callable<Integer> {
    @Option(names = "--patterns", defaultValue = "3000", description = "pattern files to refine (default ${DEFAULT-VALUE})")
    int patterns;
    @Option(names = "--xmx", defaultValue = "2g", description = "the child's heap limit (default ${DEFAULT-VALUE})")
    String xmx;
    @Option(names = "--jar", description = "another build's irw.jar to measure in the same run (repeatable)")
    List<Path> otherJars = new ArrayList<>();
    @Option(names = "--data", description = "XRD data set folder (default: the bundled sample-data/datasets/xrd)")
    Path data;
    @Option(names = "--models", description = "folder with xrd-classifier.irwm and xrd-refiner.irwm (default: sample-data/models)")
    Path models;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            System.err.println("bench refine reads VmHWM from /proc: Linux only");
            return 1;
        }
        Path dataDir = data != null ? data : SampleDataFolder.resolve("datasets/xrd");
        Path modelDir = models != null ? models : SampleDataFolder.resolve("models");
        Path work = Files.createTempDirectory("irw-bench-refine");
        try {
            Path inputs = writePatterns(XrdDataSets.load(dataDir), work.resolve("patterns"), patterns);
            System.out.printf(Locale.ROOT, "bench refine: classify --refiner on %d pattern files (%s), child JVM -Xmx%s, "
                    + "JavaCPP maxbytes 3g / maxphysicalbytes 6g, OMP_NUM_THREADS=%s%n", patterns, dataDir, xmx, System.getenv("OMP_NUM_THREADS"));
            List<List<String>> runs = new ArrayList<>();
            runs.add(List.of("-cp", System.getProperty("java.class.path"), "irw.Main"));
            for (Path jar : otherJars) {
                runs.add(List.of("-jar", jar.toAbsolutePath().toString()));
            }
            List<String> labels = new ArrayList<>();
            labels.add("this build");
            otherJars.forEach(j -> labels.add(j.toString()));
            for (int i = 0; i < runs.size(); i++) {
                Measurement m = measure(runs.get(i), modelDir, inputs, work.resolve("out-" + i + ".csv"));
                System.out.printf(Locale.ROOT, "peak RSS %.2f GB, %.1f s, exit %d: %s%n", m.peakBytes() / 1e9, m.seconds(), m.exit(), labels.get(i));
            }
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    record Measurement(long peakBytes, double seconds, int exit) {
    }

    private Measurement measure(List<String> launch, Path modelDir, Path inputs, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx,
                "-Dorg.bytedeco.javacpp.maxbytes=3g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g",
                "-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", "-onednn-avx2")));
        cmd.addAll(launch);
        cmd.addAll(List.of("classify", "--model", modelDir.resolve("xrd-classifier.irwm").toString(), "--refiner",
                modelDir.resolve("xrd-refiner.irwm").toString(), inputs.toString(), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = 0;
        while (p.isAlive()) {
            peak = Math.max(peak, highWaterMark(status)); // VmHWM only grows: the last read before exit is the peak
            Thread.sleep(20);
        }
        return new Measurement(peak, (System.nanoTime() - t0) / 1e9, p.waitFor());
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just exited
        }
        return 0;
    }

    /** n .xy files of the data set's imperfect patterns (repeated as needed), on its 2θ grid. */
    private static Path writePatterns(XrdDataSets sets, Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        double[] axis = sets.grid().axis();
        float[][] items = sets.imperfect().items();
        for (int i = 0; i < n; i++) {
            float[] y = items[i % items.length];
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(String.format(Locale.ROOT, "p%05d.xy", i)), StandardCharsets.UTF_8)) {
                for (int j = 0; j < axis.length; j++) {
                    w.write(String.format(Locale.ROOT, "%.4f %.2f%n", axis[j], 1000 * y[j] + 10));
                }
            }
        }
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
