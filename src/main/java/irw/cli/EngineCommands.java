package irw.cli;

import irw.core.PatternFormatException;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;
import irw.xrd.synth.XrdDataSets;
import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the engine's commands share: CSV format, model compatibility, training data sources, progress output. */
final class EngineCommands {
    private EngineCommands() {
    }

    static CSVFormat csv(List<String> header) {
        return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').build();
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static void checkCompatible(PrototypicalClassifier classifier, Refiner refiner, Path refinerFile) throws IOException {
        if (!java.util.Arrays.equals(classifier.itemShape(), refiner.itemShape()) || !classifier.classes().names().equals(refiner.classNames())) {
            throw new IOException(refinerFile + ": refiner was trained for items " + java.util.Arrays.toString(refiner.itemShape()) + " and classes "
                    + refiner.classNames() + "; the classifier has " + java.util.Arrays.toString(classifier.itemShape()) + " and "
                    + classifier.classes().names());
        }
    }

    /**
     * A labelled data source: an XRD data-set directory (ideal.npz / imperfect.npz) or an IDX
     * image file with its label file.
     */
    record DataSource(Path dataDir, Path images, Path labels, int[] perClass) {
        DataSource(Path dataDir, Path images, Path labels) {
            this(dataDir, images, labels, null);
        }

        DataSource {
            if (perClass != null && images == null) {
                throw new IllegalArgumentException("--per-class selects IDX digits; XRD data sets have their own splits");
            }
            if ((dataDir == null) == (images == null)) {
                throw new IllegalArgumentException("give either --data DIR (an XRD data set) or --images FILE --labels FILE (IDX)");
            }
            if (images != null && labels == null) {
                throw new IllegalArgumentException("--images needs --labels");
            }
        }

        /** Ideal training set: the classifier's training set of an XRD data set ({@link XrdDataSets#classifierTrainingSet}), or the IDX pair. */
        LabelledDataSet idealTrain() throws IOException, PatternFormatException {
            return dataDir != null ? XrdDataSets.load(dataDir).classifierTrainingSet() : idx();
        }

        /** The IDX pair, or the chosen items of every class. */
        private LabelledDataSet idx() throws IOException, PatternFormatException {
            LabelledDataSet all = IdxFormat.read(images, labels);
            return perClass == null ? all : irw.core.data.ClassBalancedSubset.perClassRange(all, perClass[0], perClass[1]);
        }

        /** Held-out labelled data for calibration: the VALIDATION split of the ideal XRD set, or the IDX pair. */
        LabelledDataSet heldOutIdeal() throws IOException, PatternFormatException {
            return dataDir != null ? XrdDataSets.load(dataDir).idealSplit(XrdDataSets.VALIDATION) : idx();
        }

        /** The imperfect items of one part (XRD), or the whole IDX pair. */
        LabelledDataSet imperfect(Part part) throws IOException, PatternFormatException {
            return imperfectWithTruth(part).items();
        }

        Imperfect imperfectWithTruth(Part part) throws IOException, PatternFormatException {
            if (dataDir == null) {
                return new Imperfect(idx(), null);
            }
            XrdDataSets sets = XrdDataSets.load(dataDir);
            Imperfect chosen = switch (part) {
                case TRAIN -> new Imperfect(sets.refinerTrainingSet(), sets.groundTruth() == null ? null
                        : rows(sets.groundTruth(), sets.refinerIndices(true)));
                case TEST -> new Imperfect(sets.refinerTestSet(), sets.refinerTestGroundTruth());
                case ALL -> new Imperfect(sets.imperfect(), sets.groundTruth());
                case IDEAL -> new Imperfect(sets.idealSplit(XrdDataSets.TEST), null);
            };
            if (chosen.items().size() == 0) {
                throw new PatternFormatException(dataDir, "no imperfect patterns in part " + part);
            }
            return chosen;
        }

        private static float[][] rows(float[][] all, int[] idx) {
            float[][] out = new float[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                out[i] = all[idx[i]];
            }
            return out;
        }
    }

    /**
     * Which imperfect XRD patterns a command uses: the refiner's training set, its test set (both
     * owned by {@link XrdDataSets}: halves by structure, so no pattern is both trained on and
     * scored), or all of them.
     */
    enum Part {
        TRAIN, TEST, ALL,
        /** The ideal patterns of the held-out TEST structures (how well the classifier generalises to new structures). */
        IDEAL;

        static Part parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("part must be train, test, all or ideal, got '" + name + "'");
            }
        }
    }

    /** Imperfect items and, for XRD, the clean ground truth of each (else null). */
    record Imperfect(LabelledDataSet items, float[][] groundTruth) {
    }

    /** Prints one line every {@code every} steps. */
    static TrainingListener progress(String what, int every) {
        return (TrainingMetrics m) -> {
            if (m.step() % every == 0 || m.step() == m.totalSteps()) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s step %d/%d (epoch %d)", what, m.step(), m.totalSteps(), m.epoch() + 1));
                m.values().forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
                System.out.println(b);
            }
        };
    }
}
