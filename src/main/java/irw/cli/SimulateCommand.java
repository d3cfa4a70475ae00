package irw.cli;

import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import irw.core.io.PatternCsvWriter;
import irw.xrd.cif.CifFormatException;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.physics.MarchDollase;
import irw.xrd.physics.PeakProfile;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.ProfileRenderer;
import irw.xrd.physics.SimulationSettings;
import irw.xrd.physics.StickCsvWriter;
import irw.xrd.physics.StickPattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code irw simulate}: the powder pattern of one CIF block, or of every block of a file. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate powder XRD patterns from CIF structures: a stick list (--sticks) or a pseudo-Voigt profile.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--cif", required = true, paramLabel = "FILE", description = "CIF file (may be gzip-compressed and hold many blocks)")
    Path cif;

    static final class Blocks {
        @Option(names = "--block", paramLabel = "NAME", description = "the data block to simulate (default: the first)")
        String block;
        @Option(names = "--all-blocks", description = "simulate every block; unreadable blocks are skipped with a note on stderr")
        boolean all;
    }

    @ArgGroup(exclusive = true)
    Blocks blocks = new Blocks();

    @Option(names = "--wavelength", paramLabel = "ANGSTROM",
            description = "a single wavelength in Å (default: Cu Kα1 1.540562 + Kα2 1.544390 at ratio 0.5)")
    Double wavelength;

    @Option(names = "--range", arity = "2", paramLabel = "MIN MAX", hideParamSyntax = true, description = "2θ range in degrees (default: 5 90)")
    double[] range = {5, 90};

    @Option(names = "--points", description = "profile points over the range (default: ${DEFAULT-VALUE})")
    int points = 2000;

    @Option(names = "--sticks", description = "write the stick list instead of a profile")
    boolean sticks;

    @Option(names = "--no-debye-waller", description = "ignore U_iso/B_iso")
    boolean noDebyeWaller;

    @Option(names = "--monochromator", paramLabel = "DEG", description = "2θ of a monochromator crystal for the polarisation factor (default: none)")
    double monochromator = 0;

    @Option(names = "--texture", arity = "4", paramLabel = "H K L R", hideParamSyntax = true, description = "March-Dollase preferred orientation along (h k l) with ratio r")
    double[] texture;

    @Option(names = "--caglioti", arity = "3", paramLabel = "U V W", hideParamSyntax = true, description = "profile widths FWHM² = U tan²θ + V tanθ + W, deg² (default: 0.01 -0.005 0.01)")
    double[] caglioti;

    @Option(names = "--size", paramLabel = "NM", description = "Scherrer crystallite size in nm for the profile (default: none)")
    double sizeNm = 0;

    @Option(names = "--zero-shift", paramLabel = "DEG", description = "zero shift added to every profile peak, degrees 2θ")
    double zeroShift = 0;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "output CSV")
    Path out;

    @Override
    public Integer call() throws Exception {
        Wavelength wl = wavelength == null ? Wavelength.CU_KALPHA : Wavelength.single(wavelength);
        SimulationSettings settings = SimulationSettings.defaults().withWavelength(wl).withRange(range[0], range[1])
                .withDebyeWaller(!noDebyeWaller).withMonochromator(monochromator);
        if (texture != null) {
            settings = settings.withTexture(new MarchDollase((int) texture[0], (int) texture[1], (int) texture[2], texture[3]));
        }
        PeakProfile profile = PeakProfile.laboratory().withCrystalliteSize(sizeNm).withZeroShift(zeroShift);
        if (caglioti != null) {
            profile = profile.withCaglioti(caglioti[0], caglioti[1], caglioti[2]);
        }
        final SimulationSettings chosen = settings;
        List<CrystalStructure> structures = readStructures();
        if (structures.isEmpty()) {
            System.err.println("error: no readable structure in " + cif);
            return 1;
        }
        PowderSimulator simulator = new PowderSimulator();
        if (sticks) {
            List<StickPattern> patterns = structures.parallelStream().map(s -> simulator.simulate(s, chosen)).toList();
            StickCsvWriter.write(out, patterns);
            System.out.println("wrote " + patterns.stream().mapToInt(StickPattern::size).sum() + " sticks of " + patterns.size()
                    + " structure(s) to " + out);
            return 0;
        }
        TwoThetaGrid grid = new TwoThetaGrid(range[0], range[1], points, wl);
        SimulationSettings wide = settings.withRange(Math.max(0.5, range[0] - 3), Math.min(179, range[1] + 3));
        List<Pattern> patterns = new ArrayList<>();
        for (CrystalStructure s : structures) {
            double[] y = ProfileRenderer.renderNormalised(simulator.simulate(s, wide), grid, profile);
            for (int i = 0; i < y.length; i++) {
                y[i] *= 100;
            }
            PatternMetadata meta = new PatternMetadata(Optional.of(cif), "simulated", s.id(), Optional.of(wl),
                    Optional.of(s.crystalSystemLabel()), Map.of("name", s.name()));
            patterns.add(Pattern.onGrid(grid, y, meta));
        }
        PatternCsvWriter.write(out, patterns, PatternCsvWriter.Layout.WIDE);
        System.out.println("wrote the profiles of " + patterns.size() + " structure(s), " + points + " points, to " + out);
        return 0;
    }

    private List<CrystalStructure> readStructures() throws Exception {
        if (blocks.all) {
            StructureLibrary.ReadResult result = StructureLibrary.read(cif);
            for (CifFormatException e : result.skipped()) {
                System.err.println("skipped: " + e.getMessage());
            }
            return result.structures();
        }
        return List.of(StructureLibrary.readOne(cif, blocks.block));
    }
}
