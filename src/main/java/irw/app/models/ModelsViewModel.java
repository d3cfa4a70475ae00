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
    private record Opened(Path xrdClassifier, Path refiner, Path digitClassifier) {
    }

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

    /** Opens one model file (File ▸ Open model). */
    public void open(Path file) {
        open(List.of(file));
    }

    /**
     * Opens model files together (a finished run's files): classifiers by what they take (patterns
     * or 28×28 images), a refiner beside the XRD classifier in use. Replacing a loaded model asks
     * first, once for all the files.
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
        for (Path f : files) {
            if (ModelStore.REFINER.equals(ModelStore.kindOf(f))) {
                refiner = f;
            } else if (ModelStore.loadClassifier(f).preprocessing().grid() == null) {
                digits = f;
            } else {
                xrd = f;
            }
        }
        return new Opened(xrd, refiner, digits);
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
