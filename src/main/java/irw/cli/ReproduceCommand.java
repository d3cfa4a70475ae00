package irw.cli;

import irw.core.io.SampleDataFolder;
import irw.experiments.digits.DigitsPlan;
import irw.experiments.digits.DigitsReproduction;
import irw.experiments.xrd.XrdPlan;
import irw.experiments.xrd.XrdReproduction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Rebuilds the paper's tables and figures from data, as a Markdown report with CSV tables and PNG plots. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce Bai et al. (AAAI 2019): XRD Tables 1-4 or the digits Fig. 7, as DIR/report.md.",
        subcommands = {ReproduceCommand.Xrd.class, ReproduceCommand.Digits.class})
final class ReproduceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options both reproductions share. */
    static final class Common {
        @Option(names = "--out", required = true, description = "Report directory (created; report.md, CSV and PNG files).")
        Path out;

        @Option(names = "--quick", description = "Small sizes for CI: a few minutes instead of up to 30.")
        boolean quick;

        @Option(names = "--seeds", defaultValue = "3", description = "Number of seeds; every number is mean ± std over them (≥ 3). Default: ${DEFAULT-VALUE}.")
        int seeds;

        @Option(names = "--first-seed", defaultValue = "1", description = "The seeds are FIRST, FIRST+1, ... Default: ${DEFAULT-VALUE}.")
        long firstSeed;

        String describe(String what) {
            return "irw reproduce " + what + " --out " + out + (quick ? " --quick" : "") + " --seeds " + seeds + " --first-seed " + firstSeed;
        }
    }

    @Command(name = "xrd", mixinStandardHelpOptions = true,
            description = "XRD: Table 1 (standard vs prototypical), Table 2 (DWT, refiners), Table 3 (ablation), Table 4 (distances to ground truth).")
    static final class Xrd implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;

        @Option(names = "--data", description = "Folder of the ideal and imperfect XRD data sets. Default: the bundled sample-data/datasets/xrd.")
        Path data;

        @Option(names = "--classifier-steps", description = "Algorithm 1 steps per classifier (default: the plan's, 300; 40 with --quick). "
                + "A data set built from the whole library (dataset xrd --variants 2) wants ~2,000.")
        Integer classifierSteps;

        @Option(names = "--samples-per-class", description = "N_c of Algorithm 1 (default: the plan's, 8).")
        Integer samplesPerClass;

        @Option(names = "--defect-sets", description = "Folder of single-defect data sets (one folder per defect, built like --data with "
                + "'irw dataset xrd --without' every other defect): adds Table 4 per defect.")
        Path defectSets;

        @Override
        public Integer call() throws Exception {
            XrdPlan plan = common.quick ? XrdPlan.quick(common.seeds, common.firstSeed) : XrdPlan.full(common.seeds, common.firstSeed);
            if (classifierSteps != null || samplesPerClass != null) {
                plan = plan.withClassifier(classifierSteps != null ? classifierSteps : plan.classifierSteps(),
                        samplesPerClass != null ? samplesPerClass : plan.classifierPerClass());
            }
            Path dir = data != null ? data : SampleDataFolder.resolve("datasets/xrd");
            // three measured files beside the test examples: cubic, tetragonal and trigonal
            java.util.List<Path> measured = java.util.List.of(SampleDataFolder.resolve("measured/MnO.xy"), SampleDataFolder.resolve("measured/TiO2.xy"),
                    SampleDataFolder.resolve("measured-minerals/quartz.xy"));
            XrdReproduction run = new XrdReproduction(plan, dir, System.out).withMeasuredExamples(measured);
            if (defectSets != null) {
                run.withDefectSets(defectSets);
            }
            Path report = run.run(common.out, common.describe("xrd") + " --data " + dir
                    + (classifierSteps != null ? " --classifier-steps " + classifierSteps : "")
                    + (samplesPerClass != null ? " --samples-per-class " + samplesPerClass : "")
                    + (defectSets != null ? " --defect-sets " + defectSets : ""));
            System.out.println("report: " + report);
            return 0;
        }
    }

    @Command(name = "digits", mixinStandardHelpOptions = true,
            description = "Digits: Fig. 7, MNIST accuracy vs N examples per class for the baseline, a classifier from scratch, targeted and non-targeted refinement.")
    static final class Digits implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;

        @Option(names = "--mnist", description = "Folder of the MNIST IDX files. Default: the bundled sample-data/mnist.")
        Path mnist;

        @Option(names = "--classifier", description = "A trained typeset-digit classifier (e.g. sample-data/models/digits-classifier.irwm), "
                + "frozen and used for every seed instead of training one per seed; the seeds then vary the refiners and the "
                + "classifiers from scratch, and the standard (λ = 0) baseline is not measured.")
        Path classifier;

        @Override
        public Integer call() throws Exception {
            DigitsPlan plan = common.quick ? DigitsPlan.quick(common.seeds, common.firstSeed) : DigitsPlan.full(common.seeds, common.firstSeed);
            Path dir = mnist != null ? mnist : SampleDataFolder.resolve("mnist");
            DigitsReproduction reproduction = new DigitsReproduction(plan, dir, System.out);
            if (classifier != null) {
                reproduction.withClassifier(irw.engine.ModelStore.loadClassifier(classifier), classifier.getFileName().toString());
            }
            Path report = reproduction.run(common.out, common.describe("digits") + " --mnist " + dir
                    + (classifier != null ? " --classifier " + classifier : ""));
            System.out.println("report: " + report);
            return 0;
        }
    }
}
