package irw.xrd.synth;

import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.physics.BatchSimulator;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.ReflectionSet;
import irw.xrd.physics.StickBuffer;
import irw.xrd.physics.SimulationSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Training patterns drawn on the fly: every draw is a training structure seen through a freshly drawn
 * measurement, so the classifier learns what instruments do to a pattern instead of memorising ideal
 * profiles. With {@link Augmentation#PHYSICAL} a draw is
 * <ul>
 *   <li>with probability {@link #CLEAN_SHARE} a clean pattern (width ×0.8-3, ±0.5 % strain, mild texture);</li>
 *   <li>otherwise the defects of {@link ImperfectPatternGenerator} at a severity drawn from mild, paper and
 *       hard, each defect switched on with probability {@link #DEFECT_ON}: strain tied to the symmetry,
 *       zero shift, crystallite size, texture, background with an amorphous hump, counting noise, Kα2 and an
 *       impurity phase (another training structure, never a held-out one);</li>
 *   <li>and, with probability {@link #TRUNCATED}, a measured range cut at random ends (at least
 *       {@link #MIN_SPAN_DEGREES} wide), as partial scans are.</li>
 * </ul>
 * {@link Augmentation#NONE} is the paper's protocol: the ideal pattern of each structure, nothing else.
 * {@link Augmentation#MEASURED} draws as a measurement always is: never clean, background and counting noise
 * always on, the other defects as in {@code PHYSICAL}. It is the held-out distribution the "uncertain"
 * threshold is fitted on: fitted on {@code PHYSICAL} draws (15 % clean, background off a quarter of the time)
 * the threshold trusted answers that real measurements did not earn (ECE 0.21 on the bundled measured files
 * against 0.03 on the simulated draws).
 * Classes are drawn with probability ∝ n_k^balance (1: as the library has them, 0: all alike), then a
 * structure of the class uniformly. Each draw depends only on the seed and its index, so training is
 * reproducible whatever thread renders it.
 * <p>
 * {@link Rendering#SIMULATION} simulates every draw's structure afresh; {@link Rendering#REFLECTIONS} re-derives the
 * varied sticks from each structure's cached reflection families ({@link ReflectionSet}) and draws the same defects, the
 * same physics, without structure factors: 0.31 ms of CPU a draw against 0.78 ms ({@code bench simulate}, 3 Dec 2026;
 * the profile, background and counting noise common to both are most of what remains). A draw of either picks
 * the same structure, class, severity and defect parameters; the counting noise, and the range cut drawn after it,
 * come from different random sequences.
 */
public final class TrainingPatternSource {
    public static final double CLEAN_SHARE = 0.15;
    public static final double DEFECT_ON = 0.75;
    public static final double TRUNCATED = 0.4;
    public static final double MIN_SPAN_DEGREES = 25;

    public enum Augmentation {
        NONE, PHYSICAL, MEASURED;

        public static Augmentation parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "none" -> NONE;
                case "physical" -> PHYSICAL;
                case "measured" -> MEASURED;
                default -> throw new IllegalArgumentException("augmentation must be 'physical', 'measured' or 'none', got '" + s + "'");
            };
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** How a held-out draw of this kind looks, in words, for the model file. */
        public String describe() {
            return switch (this) {
                case NONE -> "ideal patterns";
                case PHYSICAL -> "physical variation";
                case MEASURED -> "variation as in measurements (never clean; background and counting noise always)";
            };
        }
    }

    /** How a varied pattern is drawn: simulated from the structure each time, or from its cached reflection families. */
    public enum Rendering {
        SIMULATION, REFLECTIONS;

        public static Rendering parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "simulation" -> SIMULATION;
                case "reflections" -> REFLECTIONS;
                default -> throw new IllegalArgumentException("rendering must be 'simulation' or 'reflections', got '" + s + "'");
            };
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The largest relative change of a cell length any draw makes (the hard severity's lattice defect). */
    static final double MAX_STRAIN = java.util.Arrays.stream(Severity.values()).mapToDouble(v -> DefectSettings.of(v).latticeMax()).max()
            .orElseThrow();

    /** A pattern on the grid, max 1, with the cells measured and its class. */
    public record Sample(double[] values, boolean[] measured, int label) {
    }

    private final List<CrystalStructure> structures;
    private final int[][] byClass;
    private final double[] classCumulative;
    private final TwoThetaGrid grid;
    private final Augmentation augmentation;
    private final long seed;
    private final SimulationSettings simulation;
    private final PowderSimulator simulator = new PowderSimulator();
    private final ConcurrentHashMap<Integer, float[]> idealCache = new ConcurrentHashMap<>();
    private final Rendering rendering;
    private final AtomicReferenceArray<ReflectionSet> reflections;
    private final ThreadLocal<StickBuffer> sticks = ThreadLocal.withInitial(StickBuffer::new);

    /**
     * @param structures training structures, each with a crystal system
     * @param classes    the number of classes (labels are {@code CrystalSystem.ordinal()})
     * @param balance    the class-frequency exponent
     */
    public TrainingPatternSource(List<CrystalStructure> structures, int classes, TwoThetaGrid grid, Augmentation augmentation, double balance,
                                 long seed) {
        this(structures, classes, grid, augmentation, balance, seed, Rendering.SIMULATION);
    }

    /** A source that renders its varied draws as {@code rendering} says. */
    public TrainingPatternSource(List<CrystalStructure> structures, int classes, TwoThetaGrid grid, Augmentation augmentation, double balance,
                                 long seed, Rendering rendering) {
        this.rendering = rendering;
        this.reflections = new AtomicReferenceArray<>(structures.size());
        if (structures.isEmpty()) {
            throw new IllegalArgumentException("no training structures");
        }
        this.structures = List.copyOf(structures);
        this.grid = grid;
        this.augmentation = augmentation;
        this.seed = seed;
        List<List<Integer>> lists = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < structures.size(); i++) {
            lists.get(label(structures.get(i))).add(i);
        }
        byClass = new int[classes][];
        classCumulative = new double[classes];
        double total = 0;
        for (int k = 0; k < classes; k++) {
            byClass[k] = lists.get(k).stream().mapToInt(Integer::intValue).toArray();
            total += byClass[k].length == 0 ? 0 : Math.pow(byClass[k].length, balance);
            classCumulative[k] = total;
        }
        for (int k = 0; k < classes; k++) {
            classCumulative[k] /= total;
        }
        simulation = SimulationSettings.defaults().withWavelength(grid.wavelength())
                .withRange(Math.max(0.5, grid.start() - BatchSimulator.MARGIN), Math.min(179, grid.end() + BatchSimulator.MARGIN));
    }

    public TwoThetaGrid grid() {
        return grid;
    }

    public Augmentation augmentation() {
        return augmentation;
    }

    public Rendering rendering() {
        return rendering;
    }

    /**
     * Builds every structure's reflection families now (with {@link Rendering#REFLECTIONS}; nothing otherwise), so that
     * the first steps of a run do not pay for them: about a millisecond a structure.
     */
    public void prepare() {
        if (rendering == Rendering.REFLECTIONS) {
            for (int i = 0; i < structures.size(); i++) {
                reflectionsOf(i);
            }
        }
    }

    /** Structure {@code i}'s reflection families, built on first use (any thread; a race builds the same set twice). */
    private ReflectionSet reflectionsOf(int i) {
        ReflectionSet r = reflections.get(i);
        if (r == null) {
            r = ReflectionSet.of(structures.get(i), simulation, MAX_STRAIN);
            reflections.compareAndSet(i, null, r);
        }
        return r;
    }

    /** Structures per class (labels as indices). */
    public int[] classCounts() {
        return Arrays.stream(byClass).mapToInt(a -> a.length).toArray();
    }

    private static int label(CrystalStructure s) {
        return s.crystalSystem().orElseThrow(() -> new IllegalArgumentException(s.id() + " has no crystal system")).ordinal();
    }

    /** Draw number {@code index} of this source. */
    public Sample draw(long index) {
        SplittableRandom rng = new SplittableRandom(XrdDataSetBuilder.mix(seed, 7, index));
        int k = pickClass(rng.nextDouble());
        int s = byClass[k][rng.nextInt(byClass[k].length)];
        CrystalStructure structure = structures.get(s);
        boolean[] measured = new boolean[grid.points()];
        Arrays.fill(measured, true);
        if (augmentation == Augmentation.NONE) {
            float[] ideal = idealCache.computeIfAbsent(s, i -> XrdDataSetBuilder.renderVariant(simulator, structure,
                    new double[]{0, 1, 1, 0, 0, 1}, simulation, grid));
            return new Sample(toDouble(ideal), measured, k);
        }
        float[] y;
        boolean measuredLike = augmentation == Augmentation.MEASURED;
        boolean fromReflections = rendering == Rendering.REFLECTIONS;
        if (!measuredLike && rng.nextDouble() < CLEAN_SHARE) {
            double[] variant = XrdDataSetBuilder.drawVariant(rng);
            y = fromReflections ? XrdDataSetBuilder.renderVariant(reflectionsOf(s), variant, grid.wavelength(), grid, sticks.get())
                    : XrdDataSetBuilder.renderVariant(simulator, structure, variant, simulation, grid);
        } else {
            Severity severity = Severity.values()[rng.nextInt(Severity.values().length)];
            Set<Defect> off = EnumSet.noneOf(Defect.class);
            for (Defect d : Defect.values()) {
                if (rng.nextDouble() >= DEFECT_ON && !(measuredLike && (d == Defect.BACKGROUND || d == Defect.NOISE))) {
                    off.add(d);
                }
            }
            ImperfectPatternGenerator generator = new ImperfectPatternGenerator(grid, DefectSettings.of(severity).without(off),
                    XrdDataSetBuilder.IDEAL_PROFILE.withKAlpha2(true), simulation);
            int impurity = rng.nextInt(structures.size());
            if (impurity == s) {
                impurity = (impurity + 1) % structures.size();
            }
            DefectParameters p = generator.draw(rng, structures.size() > 1 ? impurity : -1, structure.cell());
            int withImpurity = p.impurityIndex();
            y = fromReflections ? generator.render(reflectionsOf(s), withImpurity >= 0 ? reflectionsOf(withImpurity) : null, p, rng, sticks.get())
                    : generator.render(structure, withImpurity >= 0 ? structures.get(withImpurity) : null, p, rng);
        }
        if (rng.nextDouble() < TRUNCATED) {
            truncate(measured, rng);
        }
        return new Sample(toDouble(y), measured, k);
    }

    private int pickClass(double u) {
        for (int k = 0; k < classCumulative.length; k++) {
            if (u < classCumulative[k] && byClass[k].length > 0) {
                return k;
            }
        }
        for (int k = classCumulative.length - 1; k >= 0; k--) {
            if (byClass[k].length > 0) {
                return k;
            }
        }
        throw new IllegalStateException("no class has structures");
    }

    /** A partial scan: the start raised (half the time) and the end lowered (60 %), at least MIN_SPAN_DEGREES wide. */
    private void truncate(boolean[] measured, SplittableRandom rng) {
        double lo = grid.start(), hi = grid.end();
        double maxStart = hi - MIN_SPAN_DEGREES;
        if (rng.nextBoolean()) {
            lo = grid.start() + rng.nextDouble() * Math.min(30, maxStart - grid.start());
        }
        if (rng.nextDouble() < 0.6) {
            hi = lo + MIN_SPAN_DEGREES + rng.nextDouble() * Math.max(0, grid.end() - lo - MIN_SPAN_DEGREES);
        }
        for (int i = 0; i < measured.length; i++) {
            double x = grid.at(i);
            measured[i] = x >= lo && x <= hi;
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
