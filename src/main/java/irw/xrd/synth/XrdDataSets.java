package irw.xrd.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import irw.core.ClassSet;
import irw.core.PatternFormatException;
import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;
import irw.core.io.NpyArray;
import irw.core.io.NpzArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The XRD data sets in a directory, as {@link XrdDataSetBuilder} writes them:
 * <ul>
 *   <li>{@code ideal.npz}: {@code patterns} float32 [n, points], {@code labels} int32 [n] (index into
 *       {@link ClassSet#CRYSTAL_SYSTEMS}), {@code structure_ids} unicode [n], {@code split} int32 [n]
 *       (0 train, 1 validation, 2 test; by structure), {@code variant} int32 [n], {@code variant_parameters}
 *       float64 [n, 6] ({@link #VARIANT_NAMES}), {@code two_theta} float64 [points];</li>
 *   <li>{@code imperfect.npz}: {@code patterns}, {@code ground_truth} (the clean ideal pattern of the same
 *       structure) float32 [m, points], {@code labels}, {@code structure_ids}, {@code defects} float64 [m, 22]
 *       with {@code defect_names} ({@link DefectParameters#NAMES}), {@code impurity_ids}, {@code two_theta};</li>
 *   <li>{@code dataset.json}: seed, severity, grid, class names, counts and settings.</li>
 * </ul>
 * Every pattern is max-normalised to 1. {@code numpy.load(dir + "/ideal.npz")} reads them as they are.
 */
public record XrdDataSets(TwoThetaGrid grid, LabelledDataSet ideal, int[] idealSplit, int[] idealVariant, double[][] idealVariantParameters,
                          LabelledDataSet imperfect, float[][] groundTruth, double[][] defects, List<String> impurityIds,
                          Map<String, Object> info) {
    public static final String IDEAL = "ideal.npz";
    public static final String IMPERFECT = "imperfect.npz";
    public static final String INFO = "dataset.json";
    public static final List<String> VARIANT_NAMES = List.of("isotropic_strain", "width_scale", "texture_r", "texture_h", "texture_k", "texture_l");
    public static final int TRAIN = 0, VALIDATION = 1, TEST = 2;

    /** The ideal patterns of one split (TRAIN, VALIDATION or TEST). */
    public LabelledDataSet idealSplit(int split) {
        return ideal.subset(java.util.stream.IntStream.range(0, idealSplit.length).filter(i -> idealSplit[i] == split).toArray());
    }

    // The data roles: the one place that says which patterns train and which test what. The CLI,
    // the service, the learning-set runners (Label Refinery, MIC) and `reproduce` all ask here.
    //   - classifier training set: the ideal patterns of the TRAIN structures. The VALIDATION
    //     structures are kept for choosing and calibrating a model, the TEST structures are never
    //     seen ideal by a classifier.
    //   - refiner training and test sets: the imperfect patterns, which are all of TEST structures,
    //     halved by structure within each class (a class's 1st, 3rd, 5th ... structure in the set's
    //     order trains, its 2nd, 4th ... tests): every imperfect variant of a structure is on one
    //     side, no pattern is both trained on and scored, and each class is split evenly (a class
    //     with one structure trains). Fixed, not drawn per seed, so that every "imperfect" figure
    //     of the project (evaluate, the service's runs, the learning sets, reproduce) is measured
    //     on the same patterns.

    /** Algorithm 1's training set: the ideal patterns of the TRAIN structures. */
    public LabelledDataSet classifierTrainingSet() {
        return idealSplit(TRAIN);
    }

    /** Ideal patterns of the TEST structures: held out from every classifier. */
    public LabelledDataSet idealTestSet() {
        return idealSplit(TEST);
    }

    /** Algorithm 2's training set: the imperfect patterns of every other held-out structure of each class, starting with the first. */
    public LabelledDataSet refinerTrainingSet() {
        return imperfect.subset(refinerIndices(true));
    }

    /** The imperfect patterns the refiner never trains on: where raw and refined accuracy are measured. */
    public LabelledDataSet refinerTestSet() {
        return imperfect.subset(refinerIndices(false));
    }

    /** The ground truth of {@link #refinerTestSet()}, row for row. */
    public float[][] refinerTestGroundTruth() {
        int[] idx = refinerIndices(false);
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = groundTruth[idx[i]];
        }
        return out;
    }

    /** Positions in the imperfect set of the refiner's training (true) or test (false) patterns, in order. */
    public int[] refinerIndices(boolean training) {
        Map<String, Integer> rankInClass = new LinkedHashMap<>();
        int[] structuresSeen = new int[Math.max(1, imperfect.classes().size())];
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < imperfect.size(); i++) {
            int label = Math.max(0, imperfect.labels()[i]);
            int rank = rankInClass.computeIfAbsent(imperfect.ids().get(i), id -> structuresSeen[label]++);
            if ((rank % 2 == 0) == training) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The defect parameters of imperfect sample i by name. */
    public Map<String, Double> defectsOf(int i) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < DefectParameters.NAMES.size(); k++) {
            out.put(DefectParameters.NAMES.get(k), defects[i][k]);
        }
        return out;
    }

    public void write(Path dir, boolean compress) throws IOException {
        Files.createDirectories(dir);
        int points = grid.points();
        double[] axis = grid.axis();
        Map<String, NpyArray> idealArrays = new LinkedHashMap<>();
        idealArrays.put("patterns", NpyArray.ofFloatRows(ideal.items(), points));
        idealArrays.put("labels", NpyArray.ofInts(ideal.labels()));
        idealArrays.put("structure_ids", NpyArray.ofStrings(ideal.ids()));
        idealArrays.put("split", NpyArray.ofInts(idealSplit));
        idealArrays.put("variant", NpyArray.ofInts(idealVariant));
        idealArrays.put("variant_parameters", NpyArray.ofDoubleRows(idealVariantParameters, VARIANT_NAMES.size()));
        idealArrays.put("two_theta", new NpyArray("<f8", new int[]{points}, axis));
        NpzArchive.write(dir.resolve(IDEAL), idealArrays, compress);
        Map<String, NpyArray> imperfectArrays = new LinkedHashMap<>();
        imperfectArrays.put("patterns", NpyArray.ofFloatRows(imperfect.items(), points));
        imperfectArrays.put("ground_truth", NpyArray.ofFloatRows(groundTruth, points));
        imperfectArrays.put("labels", NpyArray.ofInts(imperfect.labels()));
        imperfectArrays.put("structure_ids", NpyArray.ofStrings(imperfect.ids()));
        imperfectArrays.put("defects", NpyArray.ofDoubleRows(defects, DefectParameters.NAMES.size()));
        imperfectArrays.put("defect_names", NpyArray.ofStrings(DefectParameters.NAMES));
        imperfectArrays.put("impurity_ids", NpyArray.ofStrings(impurityIds));
        imperfectArrays.put("two_theta", new NpyArray("<f8", new int[]{points}, axis));
        NpzArchive.write(dir.resolve(IMPERFECT), imperfectArrays, compress);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(dir.resolve(INFO), json.writeValueAsString(info) + "\n");
    }

    /** Loads a directory written by {@link #write}; errors name the file and what is wrong. */
    public static XrdDataSets load(Path dir) throws PatternFormatException {
        Path infoFile = dir.resolve(INFO);
        Map<String, Object> info;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = new ObjectMapper().readValue(infoFile.toFile(), LinkedHashMap.class);
            info = read;
        } catch (IOException e) {
            throw new PatternFormatException(infoFile, "cannot read the data set description: " + e.getMessage(), e);
        }
        Path idealFile = dir.resolve(IDEAL);
        Map<String, NpyArray> a = NpzArchive.read(idealFile);
        TwoThetaGrid grid = gridOf(a, idealFile, info);
        LabelledDataSet ideal = dataSet(a, idealFile, grid.points());
        int[] split = require(a, "split", idealFile).ints();
        int[] variant = require(a, "variant", idealFile).ints();
        double[][] params = require(a, "variant_parameters", idealFile).toDoubleRows();
        checkLength(idealFile, ideal.size(), split.length, variant.length, params.length);
        Path imperfectFile = dir.resolve(IMPERFECT);
        Map<String, NpyArray> b = NpzArchive.read(imperfectFile);
        LabelledDataSet imperfect = dataSet(b, imperfectFile, grid.points());
        float[][] truth = require(b, "ground_truth", imperfectFile).toFloatRows();
        double[][] defects = require(b, "defects", imperfectFile).toDoubleRows();
        List<String> impurities = Arrays.asList(require(b, "impurity_ids", imperfectFile).strings());
        checkLength(imperfectFile, imperfect.size(), truth.length, defects.length, impurities.size());
        return new XrdDataSets(grid, ideal, split, variant, params, imperfect, truth, defects, impurities, info);
    }

    private static LabelledDataSet dataSet(Map<String, NpyArray> arrays, Path file, int points) throws PatternFormatException {
        NpyArray patterns = require(arrays, "patterns", file);
        if (patterns.shape().length != 2 || patterns.shape()[1] != points) {
            throw new PatternFormatException(file, "patterns have shape " + Arrays.toString(patterns.shape()) + ", expected [n, " + points + "]");
        }
        float[][] rows = patterns.toFloatRows();
        int[] labels = require(arrays, "labels", file).ints();
        List<String> ids = new ArrayList<>(Arrays.asList(require(arrays, "structure_ids", file).strings()));
        checkLength(file, rows.length, labels.length, ids.size());
        for (float[] row : rows) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw new PatternFormatException(file, "patterns hold a value that is not finite: " + v);
                }
            }
        }
        try {
            return new LabelledDataSet(rows, new int[]{points}, labels, ids, ClassSet.CRYSTAL_SYSTEMS);
        } catch (IllegalArgumentException e) {
            throw new PatternFormatException(file, e.getMessage());
        }
    }

    private static TwoThetaGrid gridOf(Map<String, NpyArray> arrays, Path file, Map<String, Object> info) throws PatternFormatException {
        double[] axis = require(arrays, "two_theta", file).doubles();
        if (axis.length < 2) {
            throw new PatternFormatException(file, "two_theta has fewer than 2 points");
        }
        Wavelength wl = Wavelength.CU_KALPHA;
        if (info.get("grid") instanceof Map<?, ?> g && g.get("wavelength_kalpha1") instanceof Number k1) {
            Object k2 = g.get("wavelength_kalpha2");
            double ratio = g.get("kalpha2_ratio") instanceof Number r ? r.doubleValue() : 0.5;
            wl = k2 instanceof Number n2 ? Wavelength.of(null, k1.doubleValue(), n2.doubleValue(), ratio) : Wavelength.single(k1.doubleValue());
        }
        return new TwoThetaGrid(axis[0], axis[axis.length - 1], axis.length, wl);
    }

    private static NpyArray require(Map<String, NpyArray> arrays, String name, Path file) throws PatternFormatException {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new PatternFormatException(file, "has no array '" + name + "' (has " + arrays.keySet() + ")");
        }
        return a;
    }

    private static void checkLength(Path file, int expected, int... lengths) throws PatternFormatException {
        for (int n : lengths) {
            if (n != expected) {
                throw new PatternFormatException(file, "arrays disagree in length: " + expected + " patterns but an array of " + n);
            }
        }
    }
}
