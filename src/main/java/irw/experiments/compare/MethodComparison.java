package irw.experiments.compare;

import irw.core.Wavelength;
import irw.digits.DigitFont;
import irw.digits.TypesetDigits;
import irw.experiments.DataSplits;
import irw.experiments.compare.ComparedMethod.Domain;
import irw.experiments.digits.DigitsPlan;
import irw.experiments.report.MeasurementLog;
import irw.experiments.report.RunInfo;
import irw.xrd.search.ReferenceLibrary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code irw compare}: every method of the workbench side by side on the same digit split and the same XRD
 * split, with the same seeds (issue 17). Per seed, the digits arm and then the XRD arm run every method; the
 * report is rewritten after every seed so that a stopped run leaves a readable partial report.
 */
public final class MethodComparison {
    /** Where the inputs are. {@code library} is null to leave search-match out (e.g. a test of the learned methods only). */
    public record Inputs(Path mnist, Path xrdData, List<Path> realSets, ReferenceLibrary library) {
        public Inputs {
            realSets = List.copyOf(realSets);
        }
    }

    private final ComparePlan plan;
    private final Inputs inputs;
    private final PrintStream progress;

    public MethodComparison(ComparePlan plan, Inputs inputs, PrintStream progress) {
        this.plan = plan;
        this.inputs = inputs;
        this.progress = progress;
    }

    public Path run(Path out, String command) throws IOException {
        MeasurementLog log = new MeasurementLog();
        RunInfo info = new RunInfo(command, plan.seeds());
        ComparisonData.Digits digits = ComparisonData.digits(inputs.mnist(), plan.digits());
        ComparisonData.Xrd xrd = ComparisonData.xrd(inputs.xrdData(), inputs.realSets(), plan.xrd());
        ArmPlan d = plan.digits();
        ComparisonArm digitsArm = new ComparisonArm(Domain.DIGITS, d,
                seed -> TypesetDigits.generate(d.ideal(), seed, List.of(DigitFont.values()), DigitsPlan.IDEAL),
                digits.few(), List.of(digits.test()), null, log, progress);
        ArmPlan x = plan.xrd();
        ComparisonArm xrdArm = new ComparisonArm(Domain.XRD, x,
                seed -> x.ideal() > 0 ? DataSplits.samplePerClass(xrd.ideal(), x.ideal(), seed) : xrd.ideal(),
                xrd.few(), xrd.sets(), inputs.library() == null ? null : new SearchMatchArm(inputs.library(), Wavelength.CU_KALPHA), log, progress);
        info.setting("mode", plan.quick() ? "quick (CI smoke run: tiny budgets, the figures show the pipeline works, not what a method reaches)"
                        : "full")
                .setting("digits data", digits.description() + "; ideal set: " + d.ideal() + " typeset digits per font × "
                        + DigitFont.values().length + " fonts, " + DigitsPlan.IDEAL.describe() + ", drawn per seed")
                .setting("digits methods", d.describe())
                .setting("XRD data", xrd.description() + (x.ideal() > 0 ? "; ideal library subsampled to " + x.ideal() + " per class per seed" : ""))
                .setting("XRD methods", x.describe())
                .setting("search-match", inputs.library() == null ? "left out of this run" : "the bundled AMCSD structure library (which holds "
                        + "the simulated sets' structures too: the library method sees every structure, the learned ones only the training ones)");
        xrd.notes().forEach(info::note);
        ComparisonReport report = new ComparisonReport(log, info, List.of(new ComparisonReport.Section(Domain.DIGITS, digitsArm.sets()),
                new ComparisonReport.Section(Domain.XRD, xrdArm.sets())));
        for (long seed : plan.seeds()) {
            long t0 = System.nanoTime();
            digitsArm.run(seed);
            xrdArm.run(seed);
            info.completed(seed);
            say("seed %d done in %.1f s", seed, (System.nanoTime() - t0) / 1e9);
            if (!info.finished()) {
                say("partial report: %s", report.write(out));
            }
        }
        Path written = report.write(out);
        say("wrote %s in %.1f s", written, info.elapsed().toMillis() / 1000.0);
        return written;
    }

    private void say(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
