package irw.app.models;

import irw.app.task.BackgroundTask;
import irw.app.workbench.WorkbenchModel;
import irw.engine.ModelStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which models the workbench uses: the shipped ones at start ({@code sample-data/models}), or
 * files the user opens (a run's model files from the Training view, or any ModelStore file).
 * Replacing a loaded model asks first ({@link ReplaceConfirmation}): the predictions and refined
 * patterns of every row depend on it. Loading runs in the background; a wrong or corrupt file
 * becomes a notification naming it.
 */
public final class ModelsViewModel {
    /** What a set of opened files holds, found by reading each file's manifest. */
    private record Opened(Path xrdClassifier, Path refiner, Path digitClassifier, Path mic) {
    }

    /** A Label Refinery run's final model, and its rounds' models (LabelRefineryJobRunner's artifact names). */
    private static final String FINAL_ROUND = "classifier.irwm";
    private static final java.util.regex.Pattern ROUND_FILE = java.util.regex.Pattern.compile("round-\\d+\\.irwm");
    private final WorkbenchModel model;
    private final LoadedModels loaded;
    private final ReplaceConfirmation confirmation;

    public ModelsViewModel(WorkbenchModel model, LoadedModels loaded, ReplaceConfirmation confirmation) {
        this.model = model;
        this.loaded = loaded;
        this.confirmation = confirmation;
    }

    /** Loads the shipped XRD and digit models, when the sample data holds them. */
    public void loadShipped() {
        Optional<Path> xrd = ShippedModels.find("xrd-classifier");
        Optional<Path> xrdRefiner = ShippedModels.find("xrd-refiner");
        xrd.ifPresent(c -> loadXrd(c, xrdRefiner.orElse(null)));
        ShippedModels.find("digits-classifier").ifPresent(this::loadDigits);
        ShippedModels.folder("digits-mic").ifPresent(this::loadMic);
    }

    public BackgroundTask<XrdModels> loadXrd(Path classifier, Path refinerOrNull) {
        String name = classifier.getFileName().toString();
        return model.executor().execute(BackgroundTask.of("Loading " + name, ctx -> XrdModels.load(classifier, refinerOrNull))
                .onSuccess(m -> {
                    XrdModels old = loaded.xrd();
                    loaded.xrdProperty().set(m);
                    model.notifications().info(m.description(), old == null ? "XRD model loaded" : "XRD model loaded, replacing " + old.description());
                })
                .onFailure(e -> model.notifications().error(name, e)));
    }

    public BackgroundTask<DigitModels> loadDigits(Path classifier) {
        String name = classifier.getFileName().toString();
        return model.executor().execute(BackgroundTask.of("Loading " + name, ctx -> DigitModels.load(classifier))
                .onSuccess(m -> {
                    loaded.digitsProperty().set(m);
                    model.notifications().info(name, "digit model loaded");
                })
                .onFailure(e -> model.notifications().error(name, e)));
    }

    /** Loads a MIC model of digits (its folder or its mic.json) for the Digits view. */
    public BackgroundTask<DigitMic> loadMic(Path folderOrInfo) {
        String name = DigitMic.folder(folderOrInfo).getFileName().toString();
        return model.executor().execute(BackgroundTask.of("Loading the MIC model " + name, ctx -> DigitMic.load(folderOrInfo))
                .onSuccess(m -> {
                    loaded.micProperty().set(m);
                    model.notifications().info(name, "MIC model loaded (" + m.model().classes().size() + " class generators)");
                })
                .onFailure(e -> model.notifications().error(name, e)));
    }

    /**
     * Opens what a finished run's downloaded files hold: a MIC run's folder as the Digits view's
     * MIC model; a Label Refinery run's {@code classifier.irwm} (its final round; the
     * {@code round-<k>.irwm} files beside it are the earlier rounds' models and stay on disk);
     * otherwise its .irwm files together.
     */
    public void openRunFolder(Path dir) {
        if (DigitMic.isMicModel(dir)) {
            open(List.of(dir));
            return;
        }
        List<Path> modelFiles;
        try (var files = java.nio.file.Files.list(dir)) {
            modelFiles = files.filter(f -> f.getFileName().toString().endsWith(".irwm")).sorted().toList();
        } catch (java.io.IOException e) {
            model.notifications().error(dir.toString(), e);
            return;
        }
        if (modelFiles.stream().anyMatch(f -> f.getFileName().toString().equals(FINAL_ROUND))) {
            modelFiles = modelFiles.stream().filter(f -> !ROUND_FILE.matcher(f.getFileName().toString()).matches()).toList();
        }
        if (modelFiles.isEmpty()) {
            model.notifications().warn(dir.getFileName().toString(), "the run's files are in " + dir + "; none is a workbench model (.irwm, mic.json)");
            return;
        }
        open(modelFiles);
    }

    /** Opens one model file (File ▸ Open model): a .irwm file, or a MIC model's mic.json or folder. */
    public void open(Path file) {
        open(List.of(file));
    }

    /**
     * Opens model files together (a finished run's files): classifiers by what they take (patterns
     * or 28×28 images), a refiner beside the XRD classifier in use, a MIC model (its mic.json or
     * folder) for the Digits view. Replacing a loaded model asks first, once for all the files.
     */
    public void open(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        String title = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " model files";
        model.executor().execute(BackgroundTask.of("Inspecting " + title, ctx -> inspect(files))
                .onSuccess(this::replace)
                .onFailure(e -> model.notifications().error(title, e)));
    }

    private static Opened inspect(List<Path> files) throws Exception {
        Path xrd = null;
        Path refiner = null;
        Path digits = null;
        Path mic = null;
        for (Path f : files) {
            if (DigitMic.isMicModel(f)) {
                mic = DigitMic.folder(f);
            } else if (ModelStore.REFINER.equals(ModelStore.kindOf(f))) {
                refiner = f;
            } else if (ModelStore.loadClassifier(f).preprocessing().grid() == null) {
                digits = f;
            } else {
                xrd = f;
            }
        }
        return new Opened(xrd, refiner, digits, mic);
    }

    private void replace(Opened opened) {
        XrdModels current = loaded.xrd();
        Path classifier = opened.xrdClassifier();
        if (classifier == null && opened.refiner() != null) {
            // a refiner alone trains through, and so pairs with, the XRD classifier in use
            classifier = current != null ? current.classifierFile() : ShippedModels.find("xrd-classifier").orElse(null);
            if (classifier == null) {
                model.notifications().error(opened.refiner().getFileName().toString(), "a refiner needs an XRD classifier: open that first");
                return;
            }
        }
        List<String> replaced = new ArrayList<>();
        if (classifier != null && current != null) {
            replaced.add("the XRD model " + current.description());
        }
        if (opened.digitClassifier() != null && loaded.digits() != null) {
            replaced.add("the digit model " + loaded.digits().description());
        }
        if (opened.mic() != null && loaded.mic() != null) {
            replaced.add("the MIC model " + loaded.mic().description());
        }
        if (!replaced.isEmpty() && !confirmation.confirm(question(replaced, opened))) {
            model.notifications().info("open model", "kept " + String.join(" and ", replaced));
            return;
        }
        if (classifier != null) {
            loadXrd(classifier, opened.refiner());
        }
        if (opened.digitClassifier() != null) {
            loadDigits(opened.digitClassifier());
        }
        if (opened.mic() != null) {
            loadMic(opened.mic());
        }
    }

    private String question(List<String> replaced, Opened opened) {
        StringBuilder q = new StringBuilder("Replace ").append(String.join(" and ", replaced)).append("?");
        if (loaded.xrd() != null && (opened.xrdClassifier() != null || opened.refiner() != null)) {
            long rows = model.patterns().stream().filter(e -> e.isReadable()).count();
            long refined = model.patterns().stream().filter(e -> e.refined() != null).count();
            q.append(" The predictions of ").append(rows).append(rows == 1 ? " pattern are" : " patterns are").append(" recomputed");
            q.append(refined == 0 ? "." : " and the " + refined + " refined " + (refined == 1 ? "pattern, made" : "patterns, made")
                    + " with the old model, are cleared.");
        }
        return q.toString();
    }
}
