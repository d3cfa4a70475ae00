package irw.xrd.synth;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.UnitCell;
import irw.xrd.physics.BatchSimulator;
import irw.xrd.physics.GaussianOnGrid;
import irw.xrd.physics.MarchDollase;
import irw.xrd.physics.PeakProfile;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.ProfileRenderer;
import irw.xrd.physics.ReflectionSet;
import irw.xrd.physics.StickBuffer;
import irw.xrd.physics.SimulationSettings;

import java.util.SplittableRandom;

/**
 * Gives an ideal structure the defects of a real measurement: strain, zero shift, crystallite
 * size, texture, an impurity phase, Kα2, background with an amorphous hump, and counting noise,
 * in that physical order (the sample diffracts, the instrument adds background, the detector counts).
 */
public final class ImperfectPatternGenerator {
    static final int[][] TEXTURE_AXES = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {1, 1, 1}};

    private final TwoThetaGrid grid;
    private final DefectSettings settings;
    private final PeakProfile instrument;
    private final SimulationSettings simulation;
    private final PowderSimulator simulator = new PowderSimulator();

    public ImperfectPatternGenerator(TwoThetaGrid grid, DefectSettings settings, PeakProfile instrument, SimulationSettings simulation) {
        this.grid = grid;
        this.settings = settings;
        this.instrument = instrument;
        this.simulation = simulation.withWavelength(grid.wavelength())
                .withRange(Math.max(0.5, grid.start() - BatchSimulator.MARGIN), Math.min(179, grid.end() + BatchSimulator.MARGIN));
    }

    /**
     * Draws one sample's defects for a structure with cell {@code cell}; {@code impurityIndex} is the
     * library index of the impurity phase (or -1).
     */
    public DefectParameters draw(SplittableRandom rng, int impurityIndex, UnitCell cell) {
        double[] strain = new double[3];
        if (settings.has(Defect.LATTICE)) {
            for (int i = 0; i < 3; i++) {
                strain[i] = (rng.nextBoolean() ? 1 : -1) * uniform(rng, settings.latticeMin(), settings.latticeMax());
            }
            tieSymmetricAxes(strain, cell);
        }
        double zero = settings.has(Defect.ZERO_SHIFT) ? uniform(rng, -settings.zeroShiftMax(), settings.zeroShiftMax()) : 0;
        double size = settings.has(Defect.SIZE) ? uniform(rng, settings.sizeMinNm(), settings.sizeMaxNm()) : 0;
        double r = 1;
        int[] axis = TEXTURE_AXES[0];
        if (settings.has(Defect.TEXTURE)) {
            r = uniform(rng, settings.textureMinR(), 1);
            axis = TEXTURE_AXES[rng.nextInt(TEXTURE_AXES.length)];
        }
        double[] cheb = new double[5];
        double level = 0, humpCentre = 0, humpWidth = 0, humpLevel = 0;
        if (settings.has(Defect.BACKGROUND)) {
            cheb[0] = 1;
            for (int k = 1; k < 5; k++) {
                cheb[k] = uniform(rng, -0.6, 0.6) / k;
            }
            level = uniform(rng, 0, settings.backgroundMax());
            humpCentre = uniform(rng, 15, 35);
            humpWidth = uniform(rng, 5, 15);
            humpLevel = uniform(rng, 0, settings.humpMax());
        }
        double counts = settings.has(Defect.NOISE) ? Math.pow(10, uniform(rng, settings.log10CountsMin(), settings.log10CountsMax())) : 0;
        boolean k2 = settings.has(Defect.KALPHA2);
        double fraction = settings.has(Defect.IMPURITY) && impurityIndex >= 0 ? uniform(rng, 0, settings.impurityMax()) : 0;
        return new DefectParameters(strain[0], strain[1], strain[2], zero, size, r, axis[0], axis[1], axis[2], cheb, level,
                humpCentre, humpWidth, humpLevel, counts, k2, fraction, fraction > 0 ? impurityIndex : -1);
    }

    /** The imperfect pattern, max-normalised; {@code rng} supplies the counting noise. */
    public float[] render(CrystalStructure structure, CrystalStructure impurity, DefectParameters p, SplittableRandom rng) {
        PeakProfile profile = profileOf(p);
        CrystalStructure strained = structure.withCell(structure.cell().scaled(1 + p.strainA(), 1 + p.strainB(), 1 + p.strainC()));
        SimulationSettings sampleSettings = p.textureR() == 1 ? simulation : simulation.withTexture(textureOf(p));
        double[] y = ProfileRenderer.render(simulator.simulate(strained, sampleSettings), grid, profile);
        double[] b = impurity != null && p.impurityFraction() > 0 ? ProfileRenderer.render(simulator.simulate(impurity, simulation), grid, profile)
                : null;
        return measured(y, b, p, mean -> CountingNoise.poisson(mean, rng));
    }

    /**
     * The same imperfect pattern drawn from the structures' cached reflection families ({@link ReflectionSet},
     * built with this generator's {@link #simulation() settings} and a largest strain at least the
     * settings' {@link DefectSettings#latticeMax()}): no structure factors are computed, |F|² follows the
     * strained s² linearly, and the counting noise uses the ziggurat normal generator. About 2.5x
     * cheaper in CPU time than {@link #render} ({@code bench simulate}); {@code ReflectionRenderingTest} compares the two.
     */
    public float[] render(ReflectionSet structure, ReflectionSet impurity, DefectParameters p, SplittableRandom rng, StickBuffer scratch) {
        PeakProfile profile = profileOf(p);
        double[] y = new double[grid.points()];
        ProfileRenderer.render(structure.sticks(1 + p.strainA(), 1 + p.strainB(), 1 + p.strainC(), p.textureR() == 1 ? null : textureOf(p),
                scratch), simulation.wavelength(), grid, profile, y);
        double[] b = null;
        if (impurity != null && p.impurityFraction() > 0) {
            b = new double[grid.points()];
            ProfileRenderer.render(impurity.sticks(1, 1, 1, null, scratch), simulation.wavelength(), grid, profile, b);
        }
        return measured(y, b, p, mean -> CountingNoise.poissonFast(mean, rng));
    }

    /** The settings sticks are simulated with: the grid's wavelength, its range and a margin for the tails. */
    public SimulationSettings simulation() {
        return simulation;
    }

    private PeakProfile profileOf(DefectParameters p) {
        return instrument.withCrystalliteSize(p.crystalliteNm()).withZeroShift(p.zeroShiftDeg()).withKAlpha2(p.kAlpha2());
    }

    private static MarchDollase textureOf(DefectParameters p) {
        return new MarchDollase(p.textureH(), p.textureK(), p.textureL(), p.textureR());
    }

    /**
     * What the instrument makes of the sample's profile {@code y} (and the impurity's {@code b}): the phases
     * mixed by diffracted fraction, the background added, counts drawn, then max-normalised.
     */
    private float[] measured(double[] y, double[] b, DefectParameters p, java.util.function.DoubleUnaryOperator counts) {
        areaNormalised(y);
        if (b != null) {
            areaNormalised(b);
            for (int i = 0; i < y.length; i++) {
                y[i] = (1 - p.impurityFraction()) * y[i] + p.impurityFraction() * b[i];
            }
        }
        scaleToMax(y);
        addBackground(y, p);
        if (p.counts() > 0) {
            double max = max(y);
            for (int i = 0; i < y.length; i++) {
                y[i] = counts.applyAsDouble(y[i] / max * p.counts());
            }
        }
        scaleToMax(y);
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    /** Chebyshev polynomial over the grid mapped to [-1, 1], lifted to be >= 0, plus a Gaussian amorphous hump. */
    private void addBackground(double[] y, DefectParameters p) {
        if (p.backgroundLevel() <= 0 && p.humpLevel() <= 0) {
            return;
        }
        double[] bg = new double[y.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            double x = -1 + 2.0 * i / (y.length - 1);
            double t0 = 1, t1 = x, sum = p.chebyshev()[0] + p.chebyshev()[1] * x;
            for (int k = 2; k < 5; k++) {
                double t2 = 2 * x * t1 - t0;
                sum += p.chebyshev()[k] * t2;
                t0 = t1;
                t1 = t2;
            }
            bg[i] = sum;
            lo = Math.min(lo, sum);
            hi = Math.max(hi, sum);
        }
        double span = hi - lo;
        for (int i = 0; i < y.length; i++) {
            double shape = span > 1e-12 ? 0.2 + 0.8 * (bg[i] - lo) / span : 1;
            y[i] += p.backgroundLevel() * shape;
        }
        GaussianOnGrid.add(y, 0, y.length - 1, grid.start(), grid.step(), p.humpCentreDeg(), p.humpLevel(), Math.max(p.humpFwhmDeg(), 1e-6));
    }

    /**
     * Strain or alloying changes the lattice parameters but not the space group (Vegard's law keeps
     * the structure type), so cell lengths that the symmetry makes equal change together: a = b = c
     * (cubic, rhombohedral) scale as one, a = b (tetragonal, hexagonal, trigonal) share a factor and c
     * keeps its own. Scaling them independently would split e.g. a cubic (100) reflection into three
     * and turn the pattern into an orthorhombic one, destroying the very label the classifier predicts.
     */
    static void tieSymmetricAxes(double[] strain, UnitCell cell) {
        boolean ab = sameLength(cell.a(), cell.b());
        boolean bc = sameLength(cell.b(), cell.c());
        boolean ac = sameLength(cell.a(), cell.c());
        if (ab && bc) {
            strain[1] = strain[0];
            strain[2] = strain[0];
        } else if (ab) {
            strain[1] = strain[0];
        } else if (bc) {
            strain[2] = strain[1];
        } else if (ac) {
            strain[2] = strain[0];
        }
    }

    private static boolean sameLength(double x, double y) {
        return Math.abs(x - y) <= 1e-4 * Math.max(x, y);
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return hi > lo ? lo + (hi - lo) * rng.nextDouble() : lo;
    }

    private static double[] areaNormalised(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        if (sum > 0) {
            for (int i = 0; i < y.length; i++) {
                y[i] /= sum;
            }
        }
        return y;
    }

    private static void scaleToMax(double[] y) {
        double m = max(y);
        if (m > 0) {
            for (int i = 0; i < y.length; i++) {
                y[i] /= m;
            }
        }
    }

    private static double max(double[] y) {
        double m = 0;
        for (double v : y) {
            m = Math.max(m, v);
        }
        return m;
    }
}
