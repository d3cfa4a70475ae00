package irw.cli;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.Wavelength;
import irw.core.io.AtomicFiles;
import irw.xrd.io.PatternReaders;
import irw.xrd.library.StickLibraryCache;
import irw.xrd.search.Candidate;
import irw.xrd.search.ElementFilter;
import irw.xrd.search.PhaseMatch;
import irw.xrd.search.ReferenceLibrary;
import irw.xrd.search.SearchResult;
import irw.xrd.search.SearchSettings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code identify FILE|DIR... --out FILE.csv}: search-match of measured patterns against the structure
 * library (and the user's CIF folders), up to three phases each. Unreadable files are reported by name
 * and skipped; the rest are written.
 */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = {"Name the phases of measured patterns: search-match against the AMCSD library, the bundled reference "
                + "structures and your own CIF folders.",
                "CSV: item,rank,block,mineral,formula,space_group,crystal_system,score, then phase,close_match,source,cosine,"
                        + "coverage,zero_shift_deg,strain_percent,broadening.",
                "Exit code: 0 when every input was searched, 1 when some could not be read, 2 on bad options."})
final class IdentifyCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("item", "rank", "block", "mineral", "formula", "space_group", "crystal_system", "score",
            "phase", "close_match", "source", "cosine", "coverage", "zero_shift_deg", "strain_percent", "broadening");

    /** Kα1, Kα2 (Å) of the usual anodes (Hölzer et al. 1997; Mo and Ag: International Tables C, 4.2.2.1). */
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "measured patterns; a directory searches each diffraction file in it")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
    Path out;

    @Option(names = "--top", defaultValue = "5", description = "candidates per phase (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--max-phases", defaultValue = "3", description = "phases searched, 1-3 (default: ${DEFAULT-VALUE})")
    int maxPhases;

    @Option(names = "--elements", split = ",", paramLabel = "Mn,O", description = "only structures made of these elements")
    List<String> only = new ArrayList<>();

    @Option(names = "--must-contain", split = ",", paramLabel = "Mn", description = "only structures containing all of these elements")
    List<String> required = new ArrayList<>();

    @Option(names = "--library", paramLabel = "DIR|FILE.cif",
            description = "a folder of your own CIF files (or one CIF file), searched alongside the bundled libraries; repeatable")
    List<Path> libraries = new ArrayList<>();

    @Option(names = "--wavelength", paramLabel = "Cu|Co|Fe|Cr|Mo|Ag|Å",
            description = "radiation of files that do not state it: an anode (Kα1 + Kα2) or one wavelength in Å (default: Cu)")
    String wavelength = "Cu";

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "where the simulated library is kept (default: ~/.irw/cache, or -Dirw.cache.dir)")
    Path cacheDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (top < 1 || maxPhases < 1 || maxPhases > 3) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be >= 1 and --max-phases 1-3");
        }
        Wavelength unstated = parseWavelength(wavelength);
        for (Path lib : libraries) {
            if (!Files.exists(lib)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--library " + lib + ": no such file or folder");
            }
        }
        SearchSettings settings = SearchSettings.defaults().withTop(top).withMaxPhases(maxPhases)
                .withElements(new ElementFilter(symbols(only), symbols(required)));
        ReferenceLibrary library = new ReferenceLibrary(ReferenceLibrary.bundledWith(libraries),
                cacheDir != null ? cacheDir : StickLibraryCache.defaultDir(), new BuildMessages(err));

        List<Path> files = InputFiles.expand(inputs, false, err);
        int failures = 0;
        List<SearchResult> results = new ArrayList<>();
        for (Path f : files) {
            List<Pattern> patterns;
            try {
                patterns = PatternReaders.read(f);
            } catch (PatternFormatException e) {
                err.println("error: " + e.getMessage());
                failures++;
                continue;
            }
            for (int i = 0; i < patterns.size(); i++) {
                String item = patterns.size() == 1 ? f.getFileName().toString() : f.getFileName() + "#" + (i + 1);
                try {
                    SearchResult r = library.identify(patterns.get(i), unstated, settings);
                    results.add(new SearchResult(item, r.phases(), r.fwhm(), r.twoThetaMin(), r.twoThetaMax(), r.seconds()));
                    stdout.println(summary(item, r));
                } catch (IllegalArgumentException e) {
                    err.println("error: " + f + ": " + e.getMessage());
                    failures++;
                }
            }
        }
        write(results);
        stdout.printf("wrote %s (%d pattern(s))%n", out, results.size());
        if (failures > 0) {
            err.println(failures + " input(s) could not be searched");
        }
        return failures == 0 ? 0 : 1;
    }

    private static String summary(String item, SearchResult r) {
        if (r.phases().isEmpty()) {
            return item + ": no peaks above the noise";
        }
        StringBuilder s = new StringBuilder(item).append(':');
        for (PhaseMatch p : r.phases()) {
            Candidate c = p.best();
            s.append(String.format(Locale.ROOT, " %s%s (%s, %s, %.2f)", p.closeMatch() ? "" : "no close match; nearest ",
                    c.entry().mineral(), c.entry().formula(), c.entry().crystalSystemLabel(), c.score()));
        }
        return s.toString();
    }

    private void write(List<SearchResult> results) throws java.io.IOException {
        AtomicFiles.write(out, os -> {
            var w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new))
                    .setRecordSeparator('\n').get());
            for (SearchResult r : results) {
                for (PhaseMatch p : r.phases()) {
                    int rank = 1;
                    for (Candidate c : p.candidates()) {
                        csv.printRecord(r.item(), rank++, c.entry().block(), c.entry().mineral(), c.entry().formula(), c.entry().spaceGroup(),
                                c.entry().crystalSystemLabel(), f3(c.score()), p.phase(), p.closeMatch() ? "yes" : "no", c.entry().source(),
                                f3(c.cosine()), f3(c.coverage()), f3(c.zeroShift()), f3(100 * c.strain()), f3(c.broadening()));
                    }
                }
                if (r.phases().isEmpty()) {
                    csv.printRecord(r.item(), "", "", "", "", "", "", "", "", "no peaks", "", "", "", "", "", "");
                }
            }
            csv.flush();
        });
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private Set<String> symbols(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : raw) {
            String t = s.trim();
            if (t.isEmpty()) {
                continue;
            }
            String symbol = t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1).toLowerCase(Locale.ROOT);
            if (irw.xrd.cif.ChemicalElements.atomicNumber(symbol) == 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "'" + t + "' is not a chemical element symbol");
            }
            out.add(symbol);
        }
        return out;
    }

    private Wavelength parseWavelength(String text) {
        try {
            return Wavelength.parse(text);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--wavelength: " + e.getMessage());
        }
    }

    /** Tells the user why the first search takes a while: the library is being simulated. */
    private record BuildMessages(PrintWriter err) implements StickLibraryCache.Progress {
        @Override
        public void update(String step, int done, int total) {
            if (done == 0) {
                err.println(step + " (once; kept in the cache)...");
                err.flush();
            }
        }
    }
}
