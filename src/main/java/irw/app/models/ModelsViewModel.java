package irw.app.models;

import irw.app.task.BackgroundTask;
import irw.app.workbench.WorkbenchModel;
import irw.engine.ModelStore;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which models the workbench uses: the shipped ones at start ({@code sample-data/models}), or
 * files the user opens (a run's model from the Training view, or any ModelStore file). Loading
 * runs in the background; a wrong or corrupt file becomes a notification naming it.
 */
public final class ModelsViewModel {
    private final WorkbenchModel model;
    private final LoadedModels loaded;

    public ModelsViewModel(WorkbenchModel model, LoadedModels loaded) {
        this.model = model;
        this.loaded = loaded;
    }

    /** Loads the shipped XRD and digit models, when the sample data holds them. */
    public void loadShipped() {
        Optional<Path> xrd = ShippedModels.find("xrd-classifier");
        Optional<Path> xrdRefiner = ShippedModels.find("xrd-refiner");
        xrd.ifPresent(c -> loadXrd(c, xrdRefiner.orElse(null)));
        ShippedModels.find("digits-classifier").ifPresent(this::loadDigits);
    }

    public BackgroundTask<XrdModels> loadXrd(Path classifier, Path refinerOrNull) {
        return model.executor().execute(BackgroundTask.of("Loading " + classifier.getFileName(), ctx -> XrdModels.load(classifier, refinerOrNull))
                .onSuccess(m -> {
                    loaded.xrdProperty().set(m);
                    model.notifications().info(classifier.getFileName().toString(), "XRD model loaded");
                })
                .onFailure(e -> model.notifications().error(classifier.getFileName().toString(), e)));
    }

    public BackgroundTask<DigitModels> loadDigits(Path classifier) {
        return model.executor().execute(BackgroundTask.of("Loading " + classifier.getFileName(), ctx -> DigitModels.load(classifier))
                .onSuccess(m -> {
                    loaded.digitsProperty().set(m);
                    model.notifications().info(classifier.getFileName().toString(), "digit model loaded");
                })
                .onFailure(e -> model.notifications().error(classifier.getFileName().toString(), e)));
    }

    /** Opens any model file: classifiers by what they take (patterns or 28×28 images), refiners beside the XRD classifier. */
    public void open(Path file) {
        model.executor().execute(BackgroundTask.of("Inspecting " + file.getFileName(), ctx -> {
            String kind = ModelStore.kindOf(file);
            if (ModelStore.REFINER.equals(kind)) {
                return "refiner";
            }
            return ModelStore.loadClassifier(file).preprocessing().grid() == null ? "digits" : "xrd";
        }).onSuccess(kind -> {
            switch (kind) {
                case "digits" -> loadDigits(file);
                case "xrd" -> loadXrd(file, null);
                default -> {
                    Optional<Path> classifier = ShippedModels.find("xrd-classifier");
                    if (classifier.isEmpty()) {
                        model.notifications().error(file.getFileName().toString(), "a refiner needs an XRD classifier: open that first");
                    } else {
                        loadXrd(classifier.get(), file);
                    }
                }
            }
        }).onFailure(e -> model.notifications().error(file.getFileName().toString(), e)));
    }
}
