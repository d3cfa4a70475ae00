package irw.experiments.xrd;

import irw.core.PatternFormatException;
import irw.core.data.LabelledDataSet;
import irw.xrd.synth.XrdDataSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * The XRD inputs of the reproduction: the ideal (simulated) library that trains the classifier,
 * the imperfect labelled patterns the refiner trains and is tested on, and for every imperfect
 * pattern its ground-truth ideal pattern (used for Table 4 only, never for training).
 *
 * @param description where the data came from, for the report
 */
public record XrdData(LabelledDataSet ideal, LabelledDataSet imperfect, float[][] groundTruth, String description) {
    public XrdData {
        if (groundTruth.length != imperfect.size()) {
            throw new IllegalArgumentException(imperfect.size() + " imperfect patterns but " + groundTruth.length + " ground-truth patterns");
        }
        if (!imperfect.isLabelled()) {
            throw new IllegalArgumentException("the imperfect patterns must be labelled: accuracy is measured against their crystal systems");
        }
        if (ideal.itemLength() != imperfect.itemLength()) {
            throw new IllegalArgumentException("ideal patterns have " + ideal.itemLength() + " points, imperfect ones " + imperfect.itemLength()
                    + "; both must lie on the same 2θ grid");
        }
        for (int i = 0; i < groundTruth.length; i++) {
            if (groundTruth[i].length != imperfect.itemLength()) {
                throw new IllegalArgumentException("ground truth of " + imperfect.ids().get(i) + " has " + groundTruth[i].length + " points, expected "
                        + imperfect.itemLength());
            }
        }
    }

    /**
     * Reads a data-set directory of the simulator ({@link XrdDataSets}). The classifier learns from
     * the ideal patterns of the structures outside the TEST split; the imperfect patterns are those
     * of the TEST structures, so no structure is seen ideal by the classifier and imperfect by the refiner.
     */
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
        int[] notTest = IntStream.range(0, sets.idealSplit().length).filter(i -> sets.idealSplit()[i] != XrdDataSets.TEST).toArray();
        LabelledDataSet ideal = sets.ideal().subset(notTest);
        String description = String.format(java.util.Locale.ROOT,
                "%s: %d ideal patterns of the train and validation structures, %d imperfect patterns (severity '%s') of %s held-out structures, "
                        + "simulated by this project's XRD simulator from AMCSD structures", dir, ideal.size(), sets.imperfect().size(),
                sets.info().getOrDefault("severity", "?"), sets.imperfect().size());
        return new XrdData(ideal, sets.imperfect(), sets.groundTruth(), description);
    }
}
