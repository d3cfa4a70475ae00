package irw.xrd.physics;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Simulates many structures onto one grid in parallel (one structure per task on the common
 * fork-join pool). Sticks are simulated a little beyond the grid so that tails of peaks just
 * outside it are drawn too.
 */
public final class BatchSimulator {
    /** Degrees beyond each end of the grid whose peaks still reach into it. */
    public static final double MARGIN = 3;

    private final PowderSimulator simulator = new PowderSimulator();
    private final SimulationSettings settings;
    private final PeakProfile profile;
    private final TwoThetaGrid grid;

    public BatchSimulator(TwoThetaGrid grid, SimulationSettings settings, PeakProfile profile) {
        this.grid = grid;
        this.settings = settings.withWavelength(grid.wavelength())
                .withRange(Math.max(0.5, grid.start() - MARGIN), Math.min(179, grid.end() + MARGIN));
        this.profile = profile;
    }

    public TwoThetaGrid grid() {
        return grid;
    }

    /** The max-normalised profile of one structure. */
    public float[] simulate(CrystalStructure structure) {
        double[] y = ProfileRenderer.renderNormalised(simulator.simulate(structure, settings), grid, profile);
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    /** Profiles of all structures, in their order. */
    public float[][] simulateAll(List<CrystalStructure> structures) {
        float[][] out = new float[structures.size()][];
        IntStream.range(0, structures.size()).parallel().forEach(i -> out[i] = simulate(structures.get(i)));
        return out;
    }
}
