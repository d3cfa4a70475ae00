package irw.experiments.xrd;

import irw.core.PatternFormatException;
import irw.core.data.LabelledDataSet;
import irw.xrd.synth.XrdDataSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The XRD inputs of the reproduction, in the data roles of {@link XrdDataSets}: the ideal
 * (simulated) library that trains the classifier, the imperfect labelled patterns the refiner
 * trains on, those it is tested on, and the ground-truth ideal pattern of every test pattern
 * (used for Table 4 only, never for training).
 *
 * @param description where the data came from, for the report
 */
public record XrdData(LabelledDataSet ideal, LabelledDataSet refinerTrain, LabelledDataSet refinerTest, float[][] testGroundTruth,
                      String description) {
    public XrdData {
        if (testGroundTruth.length != refinerTest.size()) {
            throw new IllegalArgumentException(refinerTest.size() + " test patterns but " + testGroundTruth.length + " ground-truth patterns");
        }
        if (!refinerTrain.isLabelled() || !refinerTest.isLabelled()) {
            throw new IllegalArgumentException("the imperfect patterns must be labelled: accuracy is measured against their crystal systems");
        }
        if (refinerTrain.size() == 0 || refinerTest.size() == 0) {
            throw new IllegalArgumentException("the refiner needs imperfect patterns to train on (" + refinerTrain.size() + ") and to be tested on ("
                    + refinerTest.size() + ")");
        }
        if (ideal.itemLength() != refinerTest.itemLength() || ideal.itemLength() != refinerTrain.itemLength()) {
            throw new IllegalArgumentException("ideal patterns have " + ideal.itemLength() + " points, imperfect ones " + refinerTest.itemLength()
                    + "; both must lie on the same 2θ grid");
        }
        for (int i = 0; i < testGroundTruth.length; i++) {
            if (testGroundTruth[i].length != refinerTest.itemLength()) {
                throw new IllegalArgumentException("ground truth of " + refinerTest.ids().get(i) + " has " + testGroundTruth[i].length
                        + " points, expected " + refinerTest.itemLength());
            }
        }
    }

    /** Reads a data-set directory of the simulator ({@link XrdDataSets}) in its data roles. */
    public static XrdData load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("XRD data set folder not found: " + dir + " (build one with 'irw dataset xrd' or use sample-data/datasets/xrd)");
        }
        XrdDataSets sets;
        try {
            sets = XrdDataSets.load(dir);
        } catch (PatternFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        LabelledDataSet ideal = sets.classifierTrainingSet();
        LabelledDataSet train = sets.refinerTrainingSet();
        LabelledDataSet test = sets.refinerTestSet();
        String description = String.format(java.util.Locale.ROOT,
                "%s: %d ideal patterns of the training structures, %d imperfect patterns (severity '%s') of held-out structures, halved by "
                        + "structure into %d refiner-training and %d test patterns, simulated by this project's XRD simulator from AMCSD structures",
                dir, ideal.size(), sets.imperfect().size(), sets.info().getOrDefault("severity", "?"), train.size(), test.size());
        return new XrdData(ideal, train, test, sets.refinerTestGroundTruth(), description);
    }
}
