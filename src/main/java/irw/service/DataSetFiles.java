package irw.service;

import irw.core.PatternFormatException;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the data set a job spec refers to. Supported:
 * <ul>
 *   <li>XRD: {@code ideal.npz} or {@code imperfect.npz} of a directory written by
 *       {@code dataset xrd} ({@link XrdDataSets}); {@code ideal.npz} gives the classifier's
 *       training set, {@code imperfect.npz} the refiner's training set (the patterns that
 *       {@code evaluate} scores stay unseen): the data roles of {@link XrdDataSets};</li>
 *   <li>digits: an IDX image file (MNIST layout, gzipped or not) whose labels file lies beside it
 *       under the MNIST name ({@code ...-images-idx3-ubyte...} next to
 *       {@code ...-labels-idx1-ubyte...}); without a labels file the items are unlabelled.</li>
 * </ul>
 */
public final class DataSetFiles {
    private DataSetFiles() {
    }

    /**
     * @param field the spec field that named the file, for the error message ("data.train")
     * @throws IllegalArgumentException naming the field and the file when it cannot be read
     */
    public static LabelledDataSet load(Path file, String field) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(field + ": not a data set file: " + file);
        }
        String name = file.getFileName().toString();
        if (name.equals(XrdDataSets.IDEAL) || name.equals(XrdDataSets.IMPERFECT)) {
            return xrd(file, field);
        }
        if (!IdxFormat.looksLikeImages(file)) {
            throw new IllegalArgumentException(field + ": " + file + " is not a data set this service can read"
                    + " (expected " + XrdDataSets.IDEAL + " or " + XrdDataSets.IMPERFECT + " of an XRD data set directory,"
                    + " or an IDX image file, gzipped or not)");
        }
        try {
            Path labels = labelsBeside(file);
            return labels == null ? IdxFormat.readUnlabelled(file) : IdxFormat.read(file, labels);
        } catch (PatternFormatException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static LabelledDataSet xrd(Path file, String field) {
        try {
            XrdDataSets sets = XrdDataSets.load(file.toAbsolutePath().getParent());
            return file.getFileName().toString().equals(XrdDataSets.IDEAL) ? sets.classifierTrainingSet() : sets.refinerTrainingSet();
        } catch (PatternFormatException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** The MNIST-named labels file next to an images file, or null. */
    static Path labelsBeside(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("images-idx3")) {
            return null;
        }
        Path labels = images.resolveSibling(name.replace("images-idx3", "labels-idx1"));
        return Files.isRegularFile(labels) ? labels : null;
    }
}
