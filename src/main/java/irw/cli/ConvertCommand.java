package irw.cli;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.io.ExportProvenance;
import irw.core.io.PatternCsvWriter;
import irw.core.io.PatternCsvWriter.Layout;
import irw.xrd.io.PatternReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Converts diffraction files (any format {@link PatternReaders} reads) to CSV or two-column .xy: the
 * measured 2θ axis and counts exactly as read, nothing resampled, with a header that names each
 * pattern's file and wavelength ({@link ExportProvenance}).
 *
 * <p>{@code --out} is either a file ending in .csv/.xy (everything goes into it) or a directory
 * (one output per input file). Directory inputs convert every file whose content is a diffraction
 * format; other files there (licences, READMEs) are mentioned and skipped. A file that should be
 * readable but is not is reported on stderr with the reason; the others are still written and the
 * exit code is 1.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert diffraction files (xy, xye, csv, dat, uxd, xrdml, rasx, brml, Bruker raw) to CSV or .xy.",
                "Exit code: 0 when every input was converted, 1 when some could not be read, 2 on bad options."})
final class ConvertCommand implements Callable<Integer> {

    enum Format { csv, xy }

    enum LayoutChoice { wide, long_, auto }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "files to convert; a directory converts each diffraction file in it")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE.csv",
            description = "output directory (one file per input), or one .csv (or .xy for a single pattern) file")
    Path out;

    @Option(names = {"-r", "--recursive"}, description = "also convert the diffraction files in subdirectories of a directory input")
    boolean recursive;

    @Option(names = "--format", defaultValue = "csv", description = "csv or xy (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--layout", paramLabel = "wide|long",
            description = "CSV layout: wide (2θ, one column per pattern) or long (pattern, 2θ, intensity); "
                    + "default: wide when the patterns share one 2θ axis, else long")
    String layout;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Layout requested = parseLayout();
        List<Path> files = InputFiles.expand(inputs, recursive, err);
        int failures = 0;
        boolean singleOutput = isSingleFile(out);
        List<Pattern> all = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        for (Path f : files) {
            List<Pattern> patterns;
            try {
                patterns = PatternReaders.read(f);
            } catch (PatternFormatException e) {
                err.println("error: " + e.getMessage());
                failures++;
                continue;
            }
            patterns.forEach(p -> p.metadata().warning().ifPresent(w -> err.println("warning: " + f + ": " + w)));
            if (singleOutput) {
                all.addAll(patterns);
            } else {
                try {
                    writeForInput(f, patterns, requested, usedNames, stdout);
                } catch (IOException | IllegalArgumentException e) {
                    err.println("error: " + f + " could not be written: " + e.getMessage());
                    failures++;
                }
            }
        }
        if (singleOutput && !all.isEmpty()) {
            try {
                writeSingle(all, requested, stdout);
            } catch (IOException | IllegalArgumentException e) {
                err.println("error: " + out + " could not be written: " + e.getMessage());
                return 1;
            }
        }
        if (files.isEmpty()) {
            err.println("error: no diffraction files among the inputs");
            return 1;
        }
        if (failures > 0) {
            err.println(failures + " of " + files.size() + " file(s) could not be converted");
        }
        return failures == 0 ? 0 : 1;
    }

    private void writeForInput(Path input, List<Pattern> patterns, Layout requested, Set<String> usedNames,
                               PrintWriter stdout) throws IOException {
        String stem = unique(stem(input), usedNames);
        if (format == Format.xy) {
            for (int i = 0; i < patterns.size(); i++) {
                Path target = out.resolve(patterns.size() == 1 ? stem + ".xy" : stem + "-" + (i + 1) + ".xy");
                PatternCsvWriter.writeXy(target, patterns.get(i), provenance(List.of(patterns.get(i))));
                stdout.println("wrote " + target + " (" + patterns.get(i).size() + " points)");
            }
        } else {
            Path target = out.resolve(stem + ".csv");
            Layout layout = chooseLayout(patterns, requested);
            List<Pattern> named = distinctNames(patterns);
            PatternCsvWriter.write(target, named, layout, provenance(named));
            stdout.println("wrote " + target + " (" + describe(patterns) + ", " + layout.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    private void writeSingle(List<Pattern> all, Layout requested, PrintWriter stdout) throws IOException {
        if (format == Format.xy || out.toString().toLowerCase(Locale.ROOT).endsWith(".xy")) {
            if (all.size() != 1) {
                throw new IllegalArgumentException(".xy holds one pattern but the inputs hold " + all.size()
                        + "; give --out a directory instead");
            }
            PatternCsvWriter.writeXy(out, all.get(0), provenance(all));
            stdout.println("wrote " + out + " (" + all.get(0).size() + " points)");
            return;
        }
        Layout layout = chooseLayout(all, requested);
        List<Pattern> named = distinctNames(all);
        PatternCsvWriter.write(out, named, layout, provenance(named));
        stdout.println("wrote " + out + " (" + describe(all) + ", " + layout.name().toLowerCase(Locale.ROOT) + ")");
    }

    /** The header: every pattern is the file's measured axis and counts, nothing resampled. */
    private static List<String> provenance(List<Pattern> patterns) {
        List<String> lines = new ArrayList<>();
        lines.add("irw convert " + irw.core.ProductVersion.get() + ": measured data as read; nothing resampled, scaled or subtracted");
        patterns.forEach(p -> lines.add(ExportProvenance.measured(p, p.metadata().wavelength().isPresent() ? "stated by the file" : "")));
        return lines;
    }

    private Layout parseLayout() {
        if (layout == null) {
            return null;
        }
        return switch (layout.toLowerCase(Locale.ROOT)) {
            case "wide" -> Layout.WIDE;
            case "long" -> Layout.LONG;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--layout must be wide or long, not '" + layout + "'");
        };
    }

    /** Wide needs one shared axis; asked-for wide with differing axes is an error the writer explains. */
    private static Layout chooseLayout(List<Pattern> patterns, Layout requested) {
        if (requested != null) {
            return requested;
        }
        double[] axis = patterns.get(0).twoThetaValues();
        boolean shared = patterns.stream().allMatch(p -> Arrays.equals(axis, p.twoThetaValues()));
        return shared ? Layout.WIDE : Layout.LONG;
    }

    /** CSV columns (wide) and groups (long) are keyed by name, so two patterns must not share one. */
    private static List<Pattern> distinctNames(List<Pattern> patterns) {
        Set<String> used = new HashSet<>();
        List<Pattern> out = new ArrayList<>(patterns.size());
        for (Pattern p : patterns) {
            String name = unique(p.name(), used);
            out.add(name.equals(p.name()) ? p : p.withMetadata(p.metadata().withSampleName(name)));
        }
        return out;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int k = 2; !used.add(candidate); k++) {
            candidate = name + "-" + k;
        }
        return candidate;
    }

    private boolean isSingleFile(Path target) {
        String s = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        return !Files.isDirectory(target) && (s.endsWith(".csv") || s.endsWith(".xy"));
    }

    private static String stem(Path p) {
        String s = p.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot <= 0 ? s : s.substring(0, dot);
    }

    private static String describe(List<Pattern> patterns) {
        int points = patterns.stream().mapToInt(Pattern::size).sum();
        return patterns.size() + " pattern" + (patterns.size() == 1 ? "" : "s") + ", " + points + " points";
    }
}
