package irw.cli;

import irw.core.io.SampleDataFolder;
import irw.experiments.compare.ComparePlan;
import irw.experiments.compare.MethodComparison;
import irw.xrd.library.StickLibraryCache;
import irw.xrd.search.ReferenceLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code irw compare}: every method side by side on the same digit and XRD splits and seeds (issue 17). */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare every method (baseline, DWT, targeted and non-targeted imitation refinement, targeted refinement on Label "
                + "Refinery's soft labels, Label Refinery's final round, MIC, and for XRD search-match's crystal system) on the same "
                + "digit split and XRD split with the same seeds; writes DIR/report.md, CSV tables, PNG plots and runs.csv.")
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "report directory (created)")
    Path out;
    @Option(names = "--quick", description = "CI-sized budgets (a smoke run: the figures show the pipeline works, not what a method reaches)")
    boolean quick;
    @Option(names = "--seeds", defaultValue = "3", description = "number of seeds, >= 3 (default ${DEFAULT-VALUE})")
    int seeds;
    @Option(names = "--first-seed", defaultValue = "1", description = "the seeds are FIRST, FIRST+1, ... (default ${DEFAULT-VALUE})")
    long firstSeed;
    @Option(names = "--mnist", paramLabel = "DIR", description = "MNIST IDX folder (default: sample-data/mnist)")
    Path mnist;
    @Option(names = "--data", paramLabel = "DIR", description = "XRD data set folder (default: sample-data/datasets/xrd)")
    Path data;
    @Option(names = "--real", paramLabel = "DIR", description = "labelled real XRD folders (labels.csv); default: sample-data/measured and "
            + "sample-data/measured-minerals")
    List<Path> real;
    @Option(names = "--no-search", description = "leave search-match out")
    boolean noSearch;
    @Option(names = "--classifier-steps", paramLabel = "N", description = "override: Algorithm 1 steps of every classifier (both domains)")
    Integer classifierSteps;
    @Option(names = "--refiner-steps", paramLabel = "N", description = "override: Algorithm 2 steps of every refiner")
    Integer refinerSteps;
    @Option(names = "--mic-iterations", paramLabel = "N", description = "override: Adam steps per MIC class generator")
    Integer micIterations;
    @Option(names = "--mic-inversion-steps", paramLabel = "N", description = "override: MIC input steps per item and generator")
    Integer micInversionSteps;
    @Option(names = "--test-per-class", paramLabel = "N", description = "override: held-out MNIST digits and simulated patterns per class "
            + "(a fixed sample; 0 = all)")
    Integer testPerClass;
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "stick-library cache (default: ~/.irw/cache)")
    Path cacheDir;

    @Override
    public Integer call() throws Exception {
        ComparePlan plan = quick ? ComparePlan.quick(seeds, firstSeed) : ComparePlan.full(seeds, firstSeed);
        plan = plan.with(plan.digits().withBudgets(classifierSteps, refinerSteps, micIterations, micInversionSteps, testPerClass),
                plan.xrd().withBudgets(classifierSteps, refinerSteps, micIterations, micInversionSteps, testPerClass));
        Path mnistDir = mnist != null ? mnist : SampleDataFolder.resolve("mnist");
        Path xrd = data != null ? data : SampleDataFolder.resolve("datasets/xrd");
        List<Path> realSets = real != null ? real : List.of(SampleDataFolder.resolve("measured"), SampleDataFolder.resolve("measured-minerals"));
        ReferenceLibrary library = noSearch ? null : new ReferenceLibrary(ReferenceLibrary.bundledWith(List.of()),
                cacheDir != null ? cacheDir : StickLibraryCache.defaultDir(), StickLibraryCache.Progress.NONE);
        String command = "irw compare --out " + out + (quick ? " --quick" : "") + " --seeds " + seeds + " --first-seed " + firstSeed
                + " --mnist " + mnistDir + " --data " + xrd + " --real " + String.join(",", realSets.stream().map(Path::toString).toList())
                + (noSearch ? " --no-search" : "") + option("--classifier-steps", classifierSteps) + option("--refiner-steps", refinerSteps)
                + option("--mic-iterations", micIterations) + option("--mic-inversion-steps", micInversionSteps)
                + option("--test-per-class", testPerClass);
        Path report = new MethodComparison(plan, new MethodComparison.Inputs(mnistDir, xrd, realSets, library), System.out).run(out, command);
        System.out.println("report: " + report);
        return 0;
    }

    private static String option(String name, Integer value) {
        return value == null ? "" : " " + name + " " + value;
    }
}
