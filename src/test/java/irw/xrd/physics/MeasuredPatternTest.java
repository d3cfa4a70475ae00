package irw.xrd.physics;

import irw.core.PatternMetrics;
import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import irw.xrd.cif.CrystalStructure;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against a real measurement: the IUCr Rietveld round-robin PbSO4 (anglesite) pattern,
 * Cu Kα, 10-160° in 0.025° steps. Anglesite from the library must match it far better than other
 * structures do.
 */
class MeasuredPatternTest {
    static final Path MEASURED = Path.of("sample-data/measured/PbSO4-round-robin-xray.dat");

    @Test
    void anglesiteMatchesTheRoundRobinMeasurement() throws Exception {
        List<String> lines = Files.readAllLines(MEASURED);
        String[] head = lines.get(0).trim().split("\\s+");
        double start = Double.parseDouble(head[0]), step = Double.parseDouble(head[1]);
        double[] counts = lines.stream().skip(1).flatMap(l -> Arrays.stream(l.trim().split("\\s+"))).filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
        TwoThetaGrid grid = new TwoThetaGrid(20, 50, 1201, Wavelength.CU_KALPHA);
        double[] measured = new double[grid.points()];
        double min = Double.MAX_VALUE;
        for (int i = 0; i < measured.length; i++) {
            measured[i] = counts[(int) Math.round((grid.at(i) - start) / step)];
            min = Math.min(min, measured[i]);
        }
        for (int i = 0; i < measured.length; i++) {
            measured[i] -= min; // the flat background of this measurement
        }
        Map<String, CrystalStructure> byId = LibraryBlocks.read(Set.of("amcsd_0000665", "amcsd_0000003", "amcsd_0000006", "amcsd_0000007"))
                .stream().collect(Collectors.toMap(CrystalStructure::id, Function.identity()));
        assertThat(byId.get("amcsd_0000665").name()).isEqualTo("Anglesite");
        SimulationSettings settings = SimulationSettings.defaults().withRange(17, 53);
        PeakProfile profile = PeakProfile.laboratory().withCaglioti(0.004, -0.004, 0.006);
        PowderSimulator simulator = new PowderSimulator();
        double anglesite = PatternMetrics.ncc(ProfileRenderer.render(simulator.simulate(byId.get("amcsd_0000665"), settings), grid, profile), measured);
        System.out.printf("NCC with the measured PbSO4 pattern, 20-50°: anglesite %.3f%n", anglesite);
        assertThat(anglesite).isGreaterThan(0.8);
        for (String other : List.of("amcsd_0000003", "amcsd_0000006", "amcsd_0000007")) {
            double ncc = PatternMetrics.ncc(ProfileRenderer.render(simulator.simulate(byId.get(other), settings), grid, profile), measured);
            System.out.printf("  %s (%s): %.3f%n", other, byId.get(other).name(), ncc);
            assertThat(ncc).isLessThan(anglesite - 0.5);
        }
    }
}
