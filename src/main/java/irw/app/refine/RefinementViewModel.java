package irw.app.refine;

import irw.app.models.LoadedModels;
import irw.app.models.XrdModels;
import irw.app.task.BackgroundTask;
import irw.app.task.LatestRequestRunner;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.Prediction;
import irw.app.workbench.RefinementSettings;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Refinement in the workbench: predictions for every loaded pattern, the live α/β/λ preview of
 * the current pattern (per-pattern refinement; the newest slider position wins), and refinement
 * of the whole batch with the trained refiner network.
 */
public final class RefinementViewModel {
    private record Request(PatternEntry entry, RefinementSettings weights) {
    }

    private record Result(PatternEntry entry, RefinementSettings weights, XrdModels.Preview preview, long millis) {
    }

    private final WorkbenchModel model;
    private final ObjectProperty<XrdModels> models;
    private final BooleanProperty livePreview = new SimpleBooleanProperty(this, "livePreview", true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No XRD model loaded");
    private final LatestRequestRunner<Request, Result> preview;

    public RefinementViewModel(WorkbenchModel model, LoadedModels loaded) {
        this.model = model;
        this.models = loaded.xrdProperty();
        this.preview = new LatestRequestRunner<>(model.executor().newSerialWorker("refinement-preview"), model.executor().uiThread(),
                this::computePreview, this::showPreview, e -> model.notifications().error("refinement preview", e));
        InvalidationListener request = o -> requestPreview();
        model.alphaProperty().addListener(request);
        model.betaProperty().addListener(request);
        model.lambdaProperty().addListener(request);
        model.refinementStepsProperty().addListener(request);
        model.currentProperty().addListener(request);
        livePreview.addListener(request);
        models.addListener((o, old, now) -> {
            status.set(now == null ? "No XRD model loaded" : now.description());
            classify(List.copyOf(model.patterns()));
            requestPreview();
        });
        model.patterns().addListener((ListChangeListener<PatternEntry>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    classify(List.copyOf(c.getAddedSubList()));
                }
            }
        });
    }

    /** Submits the current pattern and weights; an older preview still computing becomes obsolete. */
    public void requestPreview() {
        PatternEntry entry = model.current();
        if (!livePreview.get() || models.get() == null || entry == null || !entry.isReadable()) {
            return;
        }
        preview.submit(new Request(entry, model.refinementSettings()));
    }

    private Result computePreview(Request r, java.util.function.BooleanSupplier obsolete) {
        XrdModels m = models.get();
        long t0 = System.nanoTime();
        Pattern raw = r.entry().raw().orElseThrow();
        int target = raw.metadata().label().map(m::classIndex).orElse(-1);
        XrdModels.Preview p = m.refineOne(raw, r.weights(), target, obsolete);
        return new Result(r.entry(), r.weights(), p, (System.nanoTime() - t0) / 1_000_000);
    }

    private void showPreview(Result r) {
        if (r.preview().cancelled()) {
            return;
        }
        r.entry().refinedProperty().set(r.preview().refined());
        status.set(String.format("%s: after refinement %s · %d ms (α %.2f, β %.2f, λ %.2f)", r.entry().name(), r.preview().predictionAfter().text(),
                r.millis(), r.weights().alpha(), r.weights().beta(), r.weights().lambda()));
    }

    private void classify(List<PatternEntry> entries) {
        XrdModels m = models.get();
        List<PatternEntry> readable = entries.stream().filter(PatternEntry::isReadable).toList();
        if (m == null || readable.isEmpty()) {
            return;
        }
        model.executor().execute(BackgroundTask.of("Classifying " + readable.size() + " patterns", ctx ->
                m.classify(readable.stream().map(e -> e.raw().orElseThrow()).toList()))
                .onSuccess(predictions -> {
                    for (int i = 0; i < readable.size(); i++) {
                        readable.get(i).predictionProperty().set(predictions.get(i));
                    }
                })
                .onFailure(e -> model.notifications().error("classifier", e)));
    }

    /** Refines every readable pattern with the trained refiner network, in chunks with progress. */
    public BackgroundTask<Integer> refineBatch() {
        XrdModels m = models.get();
        if (m == null || !m.hasRefinerNetwork()) {
            model.notifications().error("refine batch", m == null ? "no XRD model loaded" : "the loaded model has no refiner network");
            return null;
        }
        List<PatternEntry> entries = model.patterns().stream().filter(PatternEntry::isReadable).toList();
        var ui = model.executor().uiThread();
        return model.executor().execute(BackgroundTask.of("Refining " + entries.size() + " patterns", ctx -> {
            int chunk = 64;
            for (int from = 0; from < entries.size() && !ctx.isCancelled(); from += chunk) {
                List<PatternEntry> part = entries.subList(from, Math.min(entries.size(), from + chunk));
                List<Pattern> refined = m.refineBatch(part.stream().map(e -> e.raw().orElseThrow()).toList());
                List<Prediction> after = m.classify(refined);
                ui.execute(() -> {
                    for (int i = 0; i < part.size(); i++) {
                        part.get(i).refinedProperty().set(refined.get(i));
                    }
                });
                ctx.updateProgress(from + part.size(), entries.size());
            }
            return entries.size();
        }).onSuccess(n -> {
            model.refinedRevisionProperty().set(model.refinedRevisionProperty().get() + 1);
            status.set("Refined " + n + " patterns with " + m.description());
            model.notifications().info("refine batch", "refined " + n + " patterns");
        }).onFailure(e -> model.notifications().error("refine batch", e)));
    }

    public BooleanProperty livePreviewProperty() {
        return livePreview;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public long previewsSubmitted() {
        return preview.submitted();
    }

    public long previewShown() {
        return preview.lastApplied();
    }
}
