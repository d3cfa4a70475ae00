package irw.app.models;

import irw.engine.mic.InversionSettings;
import irw.engine.mic.MicModelFiles;
import irw.engine.mic.MicReconstruction;
import irw.engine.mic.ModularInverseClassifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A Modular Inverse Classification model of 28×28 digits for the Digits view (a folder with
 * {@code mic.json} and one {@code generator-<k>.bin} per class, as {@code irw mic train} and the
 * Training view's mic runs write it). Its generators learned MNIST's pixel values in [0, 1], read
 * row by row, which is what the canvas holds, so the drawing goes in as it is.
 */
public final class DigitMic {
    private final ModularInverseClassifier model;
    private final Path folder;
    private final InversionSettings inversion = InversionSettings.standard();

    private DigitMic(ModularInverseClassifier model, Path folder) {
        this.model = model;
        this.folder = folder;
    }

    /** Loads a MIC model from its folder or from its {@code mic.json}; refuses one that is not of 28×28 images. */
    public static DigitMic load(Path folderOrInfo) throws IOException {
        Path folder = folder(folderOrInfo);
        ModularInverseClassifier m = MicModelFiles.load(folder);
        if (m.layout().steps() != 28 || m.layout().width() != 28) {
            throw new IOException(folder.resolve(MicModelFiles.INFO) + ": a MIC model of " + m.layout().steps() + " steps of "
                    + m.layout().width() + " values (XRD patterns?); the Digits view needs one of 28×28 images (28 rows of 28 pixels)");
        }
        return new DigitMic(m, folder);
    }

    /** The model folder of a path the user chose: the folder itself, or the folder of its {@code mic.json}. */
    public static Path folder(Path folderOrInfo) {
        return Files.isDirectory(folderOrInfo) ? folderOrInfo : folderOrInfo.toAbsolutePath().getParent();
    }

    /** Whether a path names a MIC model: its {@code mic.json}, or a folder holding one. */
    public static boolean isMicModel(Path p) {
        return Files.isDirectory(p) ? Files.isRegularFile(p.resolve(MicModelFiles.INFO))
                : p.getFileName() != null && p.getFileName().toString().equals(MicModelFiles.INFO);
    }

    /** The model's name (its folder) for the view and the status bar. */
    public String description() {
        return folder.getFileName().toString();
    }

    public ModularInverseClassifier model() {
        return model;
    }

    /** The settings of the input fit: 50 Adam steps, as {@code mic classify} and the training job use by default. */
    public InversionSettings inversion() {
        return inversion;
    }

    /**
     * Every class generator's reconstruction of a 28×28 image (row-major, ink in [0, 1]); one
     * {@code classDone} call per generator; throws {@link java.util.concurrent.CancellationException}
     * when {@code cancelled} turns true.
     */
    public MicReconstruction reconstruct(float[] image, IntConsumer classDone, BooleanSupplier cancelled) {
        return model.reconstruct(image, inversion, classDone, cancelled);
    }
}
