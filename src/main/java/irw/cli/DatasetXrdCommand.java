package irw.cli;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CifFormatException;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.synth.BuildSettings;
import irw.xrd.synth.Defect;
import irw.xrd.synth.DefectSettings;
import irw.xrd.synth.Severity;
import irw.xrd.synth.XrdDataSetBuilder;
import irw.xrd.synth.XrdDataSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code irw dataset xrd}: the ideal and imperfect XRD sets from a structure library. */
@Command(name = "xrd", mixinStandardHelpOptions = true,
        description = "Simulate the ideal set (every structure, labelled by crystal system, split by structure) and the imperfect set "
                + "with ground truth (defects on held-out structures) into DIR as .npz files numpy reads directly.")
final class DatasetXrdCommand implements Callable<Integer> {
    @Option(names = "--structures", required = true, paramLabel = "FILE", description = "CIF file of structures (may be .gz, many blocks)")
    Path structures;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--variants", description = "extra ideal variants per structure (default: ${DEFAULT-VALUE})")
    int variants = 0;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--severity", description = "defect preset: mild, paper or hard (default: ${DEFAULT-VALUE})")
    String severity = "paper";

    @Option(names = "--without", split = ",", paramLabel = "DEFECT",
            description = "defects to leave out: lattice, zero-shift, size, texture, background, noise, kalpha2, impurity")
    List<String> without = List.of();

    @Option(names = "--imperfect-per-structure", description = "imperfect samples per held-out structure (default: ${DEFAULT-VALUE})")
    int imperfectPerStructure = 1;

    @Option(names = "--test-fraction", description = "share of structures held out for test and the imperfect set (default: ${DEFAULT-VALUE})")
    double testFraction = 0.1;

    @Option(names = "--validation-fraction", description = "share of structures for validation (default: ${DEFAULT-VALUE})")
    double validationFraction = 0.1;

    @Option(names = "--limit", description = "use only this many structures, chosen by the seed (default: all)")
    int limit = 0;

    @Option(names = "--compress", description = "deflate the .npz files (smaller, slower to load)")
    boolean compress;

    @Override
    public Integer call() throws Exception {
        Severity level = Severity.parse(severity);
        Set<Defect> off = EnumSet.noneOf(Defect.class);
        without.forEach(d -> off.add(Defect.parse(d)));
        DefectSettings defects = DefectSettings.of(level).without(off);
        long t0 = System.nanoTime();
        StructureLibrary.ReadResult library = StructureLibrary.read(structures);
        for (CifFormatException e : library.skipped()) {
            System.err.println("skipped: " + e.getMessage());
        }
        BuildSettings settings = new BuildSettings(seed, variants, level, defects, imperfectPerStructure, validationFraction, testFraction,
                TwoThetaGrid.DEFAULT, limit);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", structures.getFileName().toString());
        provenance.put("source_blocks_read", library.structures().size());
        provenance.put("source_blocks_skipped", library.skipped().size());
        provenance.put("command", "irw dataset xrd --structures " + structures.getFileName() + " --seed " + seed + " --severity " + level.label()
                + " --variants " + variants + " --imperfect-per-structure " + imperfectPerStructure + (limit > 0 ? " --limit " + limit : "")
                + (off.isEmpty() ? "" : " --without " + String.join(",", off.stream().map(Defect::label).toList()))
                + " --test-fraction " + testFraction + " --validation-fraction " + validationFraction + (compress ? " --compress" : ""));
        XrdDataSets sets = new XrdDataSetBuilder().build(library.structures(), settings, provenance);
        sets.write(out, compress);
        System.out.printf("wrote %d ideal and %d imperfect patterns (%d points, seed %d, severity %s) to %s in %.1f s%n",
                sets.ideal().size(), sets.imperfect().size(), settings.grid().points(), seed, level.label(), out, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
