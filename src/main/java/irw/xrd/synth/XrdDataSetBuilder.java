package irw.xrd.synth;

import irw.core.ClassSet;
import irw.core.TwoThetaGrid;
import irw.core.data.LabelledDataSet;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.physics.MarchDollase;
import irw.xrd.physics.PeakProfile;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.ProfileRenderer;
import irw.xrd.physics.SimulationSettings;
import irw.xrd.physics.BatchSimulator;
import irw.xrd.physics.ReflectionSet;
import irw.xrd.physics.StickBuffer;
import irw.core.Wavelength;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Builds the ideal set (every structure on the model grid, labelled with its crystal system, with
 * optional variants) and the imperfect set with ground truth (defects on the held-out test
 * structures). Structures are split into train/validation/test before any variant is made, so a
 * structure never appears in two splits. Each sample draws from its own random stream derived from
 * the seed and its index, so the result does not depend on thread scheduling.
 */
public final class XrdDataSetBuilder {
    /** The instrument of the ideal patterns: laboratory widths, Kα1 only. */
    public static final PeakProfile IDEAL_PROFILE = PeakProfile.laboratory().withKAlpha2(false);

    private final PowderSimulator simulator = new PowderSimulator();

    public XrdDataSets build(List<CrystalStructure> library, BuildSettings settings, Map<String, Object> provenance) {
        List<CrystalStructure> usable = library.stream().filter(s -> s.crystalSystem().isPresent()).toList();
        StructureSplit structureSplit = StructureSplit.of(library, settings.seed(), settings.validationFraction(), settings.testFraction(),
                settings.limit());
        List<CrystalStructure> structures = structureSplit.ordered();
        int n = structures.size();
        int[] splitOf = structureSplit.splitOf();
        int nTest = structureSplit.count(XrdDataSets.TEST);
        int nVal = structureSplit.count(XrdDataSets.VALIDATION);
        TwoThetaGrid grid = settings.grid();
        SimulationSettings sim = SimulationSettings.defaults().withWavelength(grid.wavelength())
                .withRange(Math.max(0.5, grid.start() - BatchSimulator.MARGIN), Math.min(179, grid.end() + BatchSimulator.MARGIN));

        int perStructure = 1 + settings.variants();
        int total = n * perStructure;
        float[][] idealPatterns = new float[total][];
        double[][] variantParams = new double[total][];
        IntStream.range(0, total).parallel().forEach(i -> {
            CrystalStructure s = structures.get(i / perStructure);
            int v = i % perStructure;
            SplittableRandom rng = new SplittableRandom(mix(settings.seed(), 1, i));
            double[] p = v == 0 ? new double[]{0, 1, 1, 0, 0, 1} : drawVariant(rng);
            variantParams[i] = p;
            idealPatterns[i] = renderVariant(simulator, s, p, sim, grid);
        });
        int[] labels = new int[total];
        int[] split = new int[total];
        int[] variant = new int[total];
        List<String> ids = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            CrystalStructure s = structures.get(i / perStructure);
            labels[i] = s.crystalSystem().orElseThrow().ordinal();
            split[i] = splitOf[i / perStructure];
            variant[i] = i % perStructure;
            ids.add(s.id());
        }
        LabelledDataSet ideal = new LabelledDataSet(idealPatterns, new int[]{grid.points()}, labels, ids, ClassSet.CRYSTAL_SYSTEMS);

        int m = nTest * settings.imperfectPerStructure();
        ImperfectPatternGenerator generator = new ImperfectPatternGenerator(grid, settings.defects(), IDEAL_PROFILE.withKAlpha2(true), sim);
        float[][] imperfect = new float[m][];
        float[][] truth = new float[m][];
        double[][] defects = new double[m][];
        String[] impurityIds = new String[m];
        IntStream.range(0, m).parallel().forEach(j -> {
            int structureIndex = j / Math.max(1, settings.imperfectPerStructure());
            CrystalStructure s = structures.get(structureIndex);
            SplittableRandom rng = new SplittableRandom(mix(settings.seed(), 2, j));
            int impurityIndex = rng.nextInt(usable.size());
            if (usable.get(impurityIndex).id().equals(s.id())) {
                impurityIndex = (impurityIndex + 1) % usable.size();
            }
            DefectParameters p = generator.draw(rng, usable.size() > 1 ? impurityIndex : -1, s.cell());
            CrystalStructure impurity = p.impurityIndex() >= 0 ? usable.get(p.impurityIndex()) : null;
            imperfect[j] = generator.render(s, impurity, p, rng);
            truth[j] = idealPatterns[structureIndex * perStructure];
            defects[j] = p.toArray();
            impurityIds[j] = impurity == null ? "" : impurity.id();
        });
        int[] imperfectLabels = new int[m];
        List<String> imperfectIds = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            int structureIndex = j / Math.max(1, settings.imperfectPerStructure());
            imperfectLabels[j] = labels[structureIndex * perStructure];
            imperfectIds.add(structures.get(structureIndex).id());
        }
        LabelledDataSet imperfectSet = new LabelledDataSet(imperfect, new int[]{grid.points()}, imperfectLabels, imperfectIds,
                ClassSet.CRYSTAL_SYSTEMS);
        Map<String, Object> info = describe(settings, n, nVal, nTest, total, m, provenance);
        return new XrdDataSets(grid, ideal, split, variant, variantParams, imperfectSet, truth, defects, List.of(impurityIds), info);
    }

    /** Smallest and largest peak-width factor of an ideal variant (drawn log-uniformly). */
    static final double WIDTH_MIN = 0.8, WIDTH_MAX = 3.0;

    /**
     * Isotropic strain ±0.5%, width ×0.8-3 (log-uniform), texture r 0.85-1.15 along a low-index axis.
     * The width range is the natural spread of clean patterns: instrument resolutions differ, and
     * Scherrer broadening of 30-100 nm crystallites alone adds about 0.1-0.3° to the 0.1° laboratory
     * width. A classifier that only ever saw one width reads broad peaks as overlapping reflections of
     * a low-symmetry cell (measured: ideal-test accuracy 0.70 fell to 0.33 with the SIZE defect alone).
     */
    static double[] drawVariant(SplittableRandom rng) {
        int[] axis = ImperfectPatternGenerator.TEXTURE_AXES[rng.nextInt(ImperfectPatternGenerator.TEXTURE_AXES.length)];
        double width = Math.exp(ImperfectPatternGenerator.uniform(rng, Math.log(WIDTH_MIN), Math.log(WIDTH_MAX)));
        return new double[]{ImperfectPatternGenerator.uniform(rng, -0.005, 0.005), width,
                ImperfectPatternGenerator.uniform(rng, 0.85, 1.15), axis[0], axis[1], axis[2]};
    }

    static float[] renderVariant(PowderSimulator simulator, CrystalStructure s, double[] p, SimulationSettings sim, TwoThetaGrid grid) {
        double f = 1 + p[0];
        CrystalStructure strained = p[0] == 0 ? s : s.withCell(s.cell().scaled(f, f, f));
        SimulationSettings settings = p[2] == 1 ? sim : sim.withTexture(variantTexture(p));
        return toFloat(ProfileRenderer.renderNormalised(simulator.simulate(strained, settings), grid, variantProfile(p)));
    }

    /** The same variant from the structure's cached reflection families (see {@link ImperfectPatternGenerator#render(ReflectionSet, ReflectionSet, DefectParameters, SplittableRandom, StickBuffer)}). */
    static float[] renderVariant(ReflectionSet reflections, double[] p, Wavelength wavelength, TwoThetaGrid grid, StickBuffer scratch) {
        double f = 1 + p[0];
        double[] y = new double[grid.points()];
        ProfileRenderer.render(reflections.sticks(f, f, f, p[2] == 1 ? null : variantTexture(p), scratch), wavelength, grid, variantProfile(p), y);
        return toFloat(ProfileRenderer.scaledToMax(y));
    }

    private static MarchDollase variantTexture(double[] p) {
        return new MarchDollase((int) p[3], (int) p[4], (int) p[5], p[2]);
    }

    /** The ideal profile with every width scaled by p[1] (Caglioti U, V, W by its square). */
    private static PeakProfile variantProfile(double[] p) {
        double w2 = p[1] * p[1];
        return IDEAL_PROFILE.withCaglioti(IDEAL_PROFILE.u() * w2, IDEAL_PROFILE.v() * w2, IDEAL_PROFILE.w() * w2);
    }

    private static float[] toFloat(double[] y) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    /** A 64-bit mix of seed, stream and index (SplitMix64 finaliser), so samples do not share random sequences. */
    static long mix(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Map<String, Object> describe(BuildSettings s, int n, int nVal, int nTest, int total, int m, Map<String, Object> provenance) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("format", "irw-xrd-dataset");
        info.put("version", 1);
        info.put("seed", s.seed());
        info.put("severity", s.severity().label());
        info.put("variants_per_structure", s.variants());
        info.put("imperfect_per_structure", s.imperfectPerStructure());
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("start_deg", s.grid().start());
        grid.put("end_deg", s.grid().end());
        grid.put("points", s.grid().points());
        grid.put("wavelength_kalpha1", s.grid().wavelength().kAlpha1());
        s.grid().wavelength().kAlpha2().ifPresent(k2 -> grid.put("wavelength_kalpha2", k2));
        grid.put("kalpha2_ratio", s.grid().wavelength().kAlpha2Ratio());
        info.put("grid", grid);
        info.put("classes", ClassSet.CRYSTAL_SYSTEMS.names());
        info.put("normalisation", "max = 1 per pattern");
        // LinkedHashMap throughout: Map.of iterates in a per-JVM random order, which would break byte-identical files
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("caglioti_u", IDEAL_PROFILE.u());
        profile.put("caglioti_v", IDEAL_PROFILE.v());
        profile.put("caglioti_w", IDEAL_PROFILE.w());
        profile.put("eta", IDEAL_PROFILE.eta());
        profile.put("kalpha2", false);
        info.put("ideal_profile", profile);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("structures", n);
        counts.put("train_structures", n - nVal - nTest);
        counts.put("validation_structures", nVal);
        counts.put("test_structures", nTest);
        counts.put("ideal_patterns", total);
        counts.put("imperfect_patterns", m);
        info.put("counts", counts);
        Map<String, Object> codes = new LinkedHashMap<>();
        codes.put("train", XrdDataSets.TRAIN);
        codes.put("validation", XrdDataSets.VALIDATION);
        codes.put("test", XrdDataSets.TEST);
        info.put("split_codes", codes);
        info.put("variant_parameter_names", XrdDataSets.VARIANT_NAMES);
        info.put("defect_names", DefectParameters.NAMES);
        info.put("defects_enabled", s.defects().enabled().stream().map(Defect::label).toList());
        info.put("defect_settings", s.defects());
        info.putAll(provenance);
        return info;
    }
}
