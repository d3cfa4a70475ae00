package irw.core.data;

import irw.core.ClassSet;
import irw.core.PatternFormatException;
import irw.core.io.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refined ("soft") labels: a probability distribution over the classes for each labelled item, as
 * Label Refinery's rounds produce them (Bagherinezhad et al. 2018: the previous model's softmax on
 * the training items). Stored as {@value #FILE_NAME}, one row per item: {@code item,label} (the hard
 * label's class name) and one probability column per class.
 *
 * <p>{@link #targetsFor} turns them into the targets of another labelled set: an item found by id
 * (and with the same hard label) takes its own row; an item the file does not hold (a measured
 * pattern of a structure the refinery never saw) takes the mean soft label of its class, i.e. how
 * the refinery spreads that class over the others.
 *
 * @param classes       the class names, in column order
 * @param ids           item ids, row for row
 * @param labels        hard labels, row for row
 * @param probabilities rows summing to 1
 */
public record SoftLabels(ClassSet classes, List<String> ids, int[] labels, float[][] probabilities) {
    public static final String FILE_NAME = "soft-labels.csv";
    /** Rows must sum to 1 within this (float rounding of a softmax written with 6 decimals). */
    static final double SUM_TOLERANCE = 1e-3;

    public SoftLabels {
        ids = List.copyOf(ids);
        if (ids.size() != labels.length || labels.length != probabilities.length) {
            throw new IllegalArgumentException(ids.size() + " ids, " + labels.length + " labels and " + probabilities.length + " rows");
        }
        for (int i = 0; i < probabilities.length; i++) {
            String problem = rowProblem(probabilities[i], classes.size());
            if (problem != null) {
                throw new IllegalArgumentException("soft label of " + ids.get(i) + ": " + problem);
            }
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("item " + ids.get(i) + " has no class label");
            }
        }
    }

    /** The soft labels of a labelled set's items. */
    public static SoftLabels of(LabelledDataSet set, float[][] probabilities) {
        if (!set.isLabelled()) {
            throw new IllegalArgumentException("soft labels need the hard label of every item");
        }
        return new SoftLabels(set.classes(), set.ids(), set.labels().clone(), probabilities);
    }

    public int size() {
        return ids.size();
    }

    /** The mean soft label of class k's items, or its one-hot vector when the file has none of them. */
    public float[] classMean(int k) {
        double[] sum = new double[classes.size()];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == k) {
                n++;
                for (int c = 0; c < sum.length; c++) {
                    sum[c] += probabilities[i][c];
                }
            }
        }
        float[] out = new float[sum.length];
        if (n == 0) {
            out[k] = 1f;
            return out;
        }
        for (int c = 0; c < sum.length; c++) {
            out[c] = (float) (sum[c] / n);
        }
        return out;
    }

    /**
     * The targets of {@code set}'s items, row for row.
     *
     * @param rows          one distribution per item
     * @param byItem        items that took their own row (found by id)
     * @param byClassMean   items that took their class's mean soft label
     * @param classesMissing classes with items in the set but none in the file (those items got one-hot targets)
     */
    public record Targets(float[][] rows, int byItem, int byClassMean, List<String> classesMissing) {
        public String summary() {
            return String.format(Locale.ROOT, "%d item(s) by their own soft label, %d by their class's mean soft label%s", byItem, byClassMean,
                    classesMissing.isEmpty() ? "" : "; no soft label of class(es) " + classesMissing + ": those items keep hard labels");
        }
    }

    /**
     * The targets of a labelled set. An item id present in the file must carry the same hard label
     * there (else the file is of another labelling, and this fails naming the item); an id present
     * several times (one structure's variants) takes the mean of its rows.
     */
    public Targets targetsFor(LabelledDataSet set) {
        if (!set.classes().equals(classes)) {
            throw new IllegalArgumentException("the soft labels are over " + classes.names() + ", the data's classes are " + set.classes().names());
        }
        if (!set.isLabelled()) {
            throw new IllegalArgumentException("targets from soft labels need the hard label of every item");
        }
        Map<String, List<Integer>> rowsById = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            rowsById.computeIfAbsent(ids.get(i), id -> new ArrayList<>()).add(i);
        }
        float[][] means = new float[classes.size()][];
        List<String> missing = new ArrayList<>();
        float[][] out = new float[set.size()][];
        int byItem = 0;
        for (int i = 0; i < set.size(); i++) {
            int label = set.labels()[i];
            List<Integer> rows = rowsById.get(set.ids().get(i));
            if (rows != null) {
                float[] mean = new float[classes.size()];
                for (int r : rows) {
                    if (labels[r] != label) {
                        throw new IllegalArgumentException("item " + set.ids().get(i) + " is '" + classes.name(label) + "' in the data but '"
                                + classes.name(labels[r]) + "' in the soft labels: they label different items");
                    }
                    for (int c = 0; c < mean.length; c++) {
                        mean[c] += probabilities[r][c] / rows.size();
                    }
                }
                out[i] = mean;
                byItem++;
            } else {
                if (means[label] == null) {
                    means[label] = classMean(label);
                    if (java.util.Arrays.stream(labels).noneMatch(l -> l == label)) {
                        missing.add(classes.name(label));
                    }
                }
                out[i] = means[label].clone();
            }
        }
        return new Targets(out, byItem, set.size() - byItem, missing);
    }

    /** Writes {@code item,label,<class>...} with 6 decimals, atomically. */
    public void write(Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of("item", "label"));
        header.addAll(classes.names());
        AtomicFiles.write(file, raw -> {
            // Not closed: AtomicFiles owns the stream and forces it to disk after this returns.
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(raw, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get());
            for (int i = 0; i < ids.size(); i++) {
                List<String> row = new ArrayList<>(List.of(ids.get(i), classes.name(labels[i])));
                for (float p : probabilities[i]) {
                    row.add(String.format(Locale.ROOT, "%.6f", p));
                }
                csv.printRecord(row);
            }
            csv.flush();
        });
    }

    /** Reads a file {@link #write} wrote; errors name the file, the line and the problem. */
    public static SoftLabels read(Path file) throws PatternFormatException {
        List<String> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        ClassSet classes;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            List<String> header = parser.getHeaderNames();
            if (header.size() < 4 || !header.get(0).equals("item") || !header.get(1).equals("label")) {
                throw new PatternFormatException(file, "expected the header item,label,<class>,<class>,... of a soft-labels file, got " + header);
            }
            classes = new ClassSet(header.subList(2, header.size()));
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                if (row.size() != header.size()) {
                    throw new PatternFormatException(file, "line " + line + ": " + row.size() + " fields, expected " + header.size());
                }
                int label = classes.indexOf(row.get(1));
                if (label < 0) {
                    throw new PatternFormatException(file, "line " + line + ": label '" + row.get(1) + "' is not one of " + classes.names());
                }
                float[] p = new float[classes.size()];
                for (int c = 0; c < p.length; c++) {
                    try {
                        p[c] = Float.parseFloat(row.get(c + 2));
                    } catch (NumberFormatException e) {
                        throw new PatternFormatException(file, "line " + line + ": '" + row.get(c + 2) + "' is not a probability");
                    }
                }
                String problem = rowProblem(p, classes.size());
                if (problem != null) {
                    throw new PatternFormatException(file, "line " + line + ": " + problem);
                }
                ids.add(row.get(0));
                labels.add(label);
                rows.add(p);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof PatternFormatException p) {
                throw p;
            }
            throw new PatternFormatException(file, "not a readable soft-labels file: " + e.getMessage(), e);
        }
        if (ids.isEmpty()) {
            throw new PatternFormatException(file, "holds no soft labels");
        }
        return new SoftLabels(classes, ids, labels.stream().mapToInt(Integer::intValue).toArray(), rows.toArray(new float[0][]));
    }

    private static String rowProblem(float[] p, int classes) {
        if (p.length != classes) {
            return p.length + " probabilities for " + classes + " classes";
        }
        double sum = 0;
        for (float v : p) {
            if (!(v >= 0 && v <= 1)) {
                return "probability " + v + " outside [0, 1]";
            }
            sum += v;
        }
        return Math.abs(sum - 1) > SUM_TOLERANCE ? String.format(Locale.ROOT, "probabilities sum to %.4f, not 1", sum) : null;
    }
}
