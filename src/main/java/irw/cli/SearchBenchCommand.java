package irw.cli;

import irw.core.Pattern;
import irw.core.Wavelength;
import irw.core.io.SampleDataFolder;
import irw.xrd.io.PatternReaders;
import irw.xrd.library.StickLibrary;
import irw.xrd.library.StickLibraryCache;
import irw.xrd.search.ReferenceLibrary;
import irw.xrd.search.SearchMatch;
import irw.xrd.search.SearchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code irw bench search}: loading the simulated library from its cache, and the time to search one
 * pattern against the whole library (phase 1 alone, and up to three phases), over the bundled measured
 * files; wall-clock and CPU seconds side by side, since the machine may be shared.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Time search-match over the whole structure library on the bundled measured patterns.")
final class SearchBenchCommand implements Callable<Integer> {
    @Option(names = "--repeats", defaultValue = "3", description = "searches per pattern; the median is reported (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--cache-dir", description = "the stick cache (default: ~/.irw/cache, or -Dirw.cache.dir)")
    Path cacheDir;

    @Override
    public Integer call() throws Exception {
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path dir = cacheDir != null ? cacheDir : StickLibraryCache.defaultDir();
        ReferenceLibrary library = new ReferenceLibrary(ReferenceLibrary.bundledWith(List.of()), dir, StickLibraryCache.Progress.NONE);
        boolean cached = true;
        for (var s : library.sources()) {
            cached &= Files.isRegularFile(new StickLibraryCache(dir, Wavelength.CU_KALPHA, StickLibraryCache.DEFAULT_MIN,
                    StickLibraryCache.DEFAULT_MAX).fileFor(s));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SearchMatch search = library.forWavelength(Wavelength.CU_KALPHA);
        StickLibrary sticks = search.library();
        System.out.printf("library: %d structures, %d sticks, %s in %.2f s (cpu %.2f s)%n", sticks.size(), sticks.stickCount(),
                cached ? "loaded from the cache" : "simulated and cached (first use)", (System.nanoTime() - t0) / 1e9,
                (os.getProcessCpuTime() - c0) / 1e9);
        for (int i = 0; i < 2; i++) { // again, warm: what a second window or a long-running service pays
            c0 = os.getProcessCpuTime();
            t0 = System.nanoTime();
            new ReferenceLibrary(library.sources(), dir, StickLibraryCache.Progress.NONE).forWavelength(Wavelength.CU_KALPHA);
            System.out.printf("library loaded from the cache in %.2f s (cpu %.2f s)%n", (System.nanoTime() - t0) / 1e9,
                    (os.getProcessCpuTime() - c0) / 1e9);
        }
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("measured", "measured-minerals")) {
            Path d = SampleDataFolder.resolve(folder);
            if (Files.isDirectory(d)) {
                files.addAll(PatternReaders.listFolder(d, false).toRead());
            }
        }
        // a first search of each kind warms the JIT and builds the per-wavelength positions
        Pattern warm = PatternReaders.read(files.get(0)).get(0);
        search.identify(warm, Wavelength.CU_KALPHA, SearchSettings.defaults());
        List<double[]> one = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        System.out.printf("%-30s %6s %8s %8s %8s %8s%n", "pattern", "points", "1 phase", "cpu", "3 phases", "cpu");
        for (Path f : files) {
            Pattern p = PatternReaders.read(f).get(0);
            Wavelength w = p.metadata().wavelength().orElse(Wavelength.CU_KALPHA);
            double[] a = time(() -> search.identify(p, w, SearchSettings.defaults().withMaxPhases(1)));
            double[] b = time(() -> search.identify(p, w, SearchSettings.defaults()));
            one.add(a);
            all.add(b);
            System.out.printf("%-30s %6d %7.3fs %7.3fs %7.3fs %7.3fs%n", f.getFileName(), p.size(), a[0], a[1], b[0], b[1]);
        }
        System.out.printf("median per pattern: 1 phase %.3f s (cpu %.3f s), up to 3 phases %.3f s (cpu %.3f s); slowest 1 phase %.3f s%n",
                median(one, 0), median(one, 1), median(all, 0), median(all, 1), one.stream().mapToDouble(x -> x[0]).max().orElse(0));
        return 0;
    }

    /** Median wall and process-CPU seconds of {@code repeats} runs. */
    private double[] time(Runnable r) {
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < repeats; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r.run();
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[]{wall[repeats / 2], cpu[repeats / 2]};
    }

    private static double median(List<double[]> v, int k) {
        double[] s = v.stream().mapToDouble(x -> x[k]).sorted().toArray();
        return s.length == 0 ? 0 : s[s.length / 2];
    }
}
