package irw.app.refine;

import irw.app.models.LoadedModels;
import irw.app.models.XrdModels;
import irw.app.task.BackgroundTask;
import irw.app.task.LatestRequestRunner;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.RefinementSettings;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Refinement in the workbench: predictions for every loaded pattern, the live α/β/λ preview of
 * the current pattern (per-pattern refinement; the newest slider position wins), accepting a
 * preview as the pattern's refinement, and refinement of the whole batch or of chosen rows.
 * A preview is only shown: a row counts as refined when the user accepts a preview or refines it.
 * When the XRD model is replaced, what it produced (predictions, refinements) is recomputed or cleared.
 */
public final class RefinementViewModel {
    private record Request(PatternEntry entry, RefinementSettings weights) {
    }

    private record Result(PatternEntry entry, RefinementSettings weights, XrdModels models, XrdModels.Preview preview, long millis) {
    }

    /** Patterns refined per background step of a batch: progress and cancel between chunks. */
    private static final int CHUNK = 64;

    private final WorkbenchModel model;
    private final LoadedModels loaded;
    private final BooleanProperty livePreview = new SimpleBooleanProperty(this, "livePreview", true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No XRD model loaded");
    private final ReadOnlyBooleanWrapper previewOnScreen = new ReadOnlyBooleanWrapper(this, "previewOnScreen");
    private final LatestRequestRunner<Request, Result> preview;
    private Result shown;

    public RefinementViewModel(WorkbenchModel model, LoadedModels loaded) {
        this.model = model;
        this.loaded = loaded;
        this.preview = LatestRequestRunner.progressive(model.executor().newSerialWorker("refinement-preview"), model.executor().uiThread(),
                this::computePreview, this::showPreview, e -> model.notifications().error("refinement preview", e));
        InvalidationListener request = o -> requestPreview();
        model.alphaProperty().addListener(request);
        model.betaProperty().addListener(request);
        model.refinementStepsProperty().addListener(request);
        model.currentProperty().addListener((o, old, now) -> {
            clearPreview(old);
            requestPreview();
        });
        livePreview.addListener((o, was, on) -> {
            if (!on) {
                clearPreview(model.current());
            }
            requestPreview();
        });
        loaded.xrdProperty().addListener((o, old, now) -> modelsChanged(old, now));
        model.patterns().addListener((ListChangeListener<PatternEntry>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    classify(List.copyOf(c.getAddedSubList()));
                }
            }
        });
    }

    /**
     * A new XRD model: every prediction and refinement of the old one is out of date. Refinements are
     * cleared (the user refines again with the new model), predictions recomputed.
     */
    private void modelsChanged(XrdModels old, XrdModels now) {
        status.set(now == null ? "No XRD model loaded" : now.description());
        clearPreview(model.current());
        if (old != null) {
            long cleared = 0;
            for (PatternEntry e : model.patterns()) {
                e.predictionProperty().set(null);
                if (e.refined() != null) {
                    e.clearRefinement();
                    cleared++;
                }
            }
            if (cleared > 0) {
                model.refinedRevisionProperty().set(model.refinedRevisionProperty().get() + 1);
                model.notifications().info(now == null ? "XRD model" : now.description(),
                        "cleared " + cleared + (cleared == 1 ? " refined pattern" : " refined patterns") + " made with " + old.description());
            }
        }
        classify(List.copyOf(model.patterns()));
        requestPreview();
    }

    /** Submits the current pattern and weights; an older preview still computing becomes obsolete. */
    public void requestPreview() {
        PatternEntry entry = model.current();
        if (!livePreview.get() || loaded.xrd() == null || entry == null || !entry.isReadable()) {
            return;
        }
        preview.submit(new Request(entry, model.refinementSettings()));
    }

    /** Publishes every step as it is taken, so the preview moves within one gradient evaluation of the slider. */
    private Result computePreview(Request r, BooleanSupplier obsolete, Consumer<Result> publish) {
        XrdModels m = loaded.xrd();
        long t0 = System.nanoTime();
        Pattern raw = r.entry().raw().orElseThrow();
        int target = raw.metadata().label().map(m::classIndex).orElse(-1);
        XrdModels.Preview p = m.refineOne(raw, r.weights(), target, obsolete,
                partial -> publish.accept(new Result(r.entry(), r.weights(), m, partial, (System.nanoTime() - t0) / 1_000_000)));
        return new Result(r.entry(), r.weights(), m, p, (System.nanoTime() - t0) / 1_000_000);
    }

    private void showPreview(Result r) {
        if (r.preview().cancelled() || r.models() != loaded.xrd() || r.entry() != model.current() || !livePreview.get()) {
            return;
        }
        XrdModels.Refinement f = r.preview().refinement();
        if (f.refused()) {
            clearPreview(r.entry());
            r.entry().modelInputProperty().set(null);
            status.set(r.entry().name() + ": not refined: " + f.refusal());
            return;
        }
        if (!r.preview().finished()) {
            // a step on the way: drawn, but neither classified nor acceptable yet
            shown = null;
            previewOnScreen.set(false);
            r.entry().modelInputProperty().set(f.input());
            r.entry().previewProperty().set(f.refined());
            status.set(String.format("%s: refining, step %d of %d · %d ms (%s)", r.entry().name(), r.preview().step(), r.weights().steps(),
                    r.millis(), weights(r.weights())));
            return;
        }
        r.entry().modelInputProperty().set(f.input());
        r.entry().previewProperty().set(f.refined());
        shown = r;
        previewOnScreen.set(true);
        status.set(String.format("%s: preview after refinement %s · %d ms (%s)", r.entry().name(), r.preview().predictionAfter().text(),
                r.millis(), weights(r.weights())));
    }

    private void clearPreview(PatternEntry entry) {
        if (entry != null) {
            entry.previewProperty().set(null);
        }
        shown = null;
        previewOnScreen.set(false);
    }

    /** Makes the preview on screen the current pattern's refinement (the "Accept preview" button). */
    public void acceptPreview() {
        Result r = shown;
        if (r == null || r.entry() != model.current()) {
            model.notifications().error("accept preview", "no preview of the current pattern to accept");
            return;
        }
        r.entry().setRefined(r.preview().refinement().refined(), perPattern(r.weights(), r.models()));
        model.refinedRevisionProperty().set(model.refinedRevisionProperty().get() + 1);
        model.notifications().info(r.entry().name(), "refined: " + r.entry().refinedBy());
    }

    /** What made a per-pattern refinement: the weights of eq. 3, the steps and the classifier (λ is Algorithm 1's, not refinement's). */
    static String perPattern(RefinementSettings w, XrdModels m) {
        return "per-pattern, " + weights(w) + ", " + w.steps() + " steps · " + m.classifierFile().getFileName();
    }

    private static String weights(RefinementSettings w) {
        return String.format(Locale.ROOT, "α %.2f, β %.2f", w.alpha(), w.beta());
    }

    private void classify(List<PatternEntry> entries) {
        XrdModels m = loaded.xrd();
        List<PatternEntry> readable = entries.stream().filter(PatternEntry::isReadable).toList();
        if (m == null || readable.isEmpty()) {
            return;
        }
        model.executor().execute(BackgroundTask.of("Classifying " + readable.size() + " patterns", ctx ->
                m.classify(readable.stream().map(e -> e.raw().orElseThrow()).toList()))
                .onSuccess(predictions -> {
                    if (m != loaded.xrd()) {
                        return; // the model was replaced meanwhile; the new one classifies again
                    }
                    for (int i = 0; i < readable.size(); i++) {
                        readable.get(i).predictionProperty().set(predictions.get(i));
                    }
                })
                .onFailure(e -> model.notifications().error("classifier", e)));
    }

    /** Classifies the chosen rows again and names the crystal system of each (Data ▸ Identify). */
    public void identify(List<PatternEntry> entries) {
        XrdModels m = loaded.xrd();
        List<PatternEntry> readable = entries.stream().filter(PatternEntry::isReadable).toList();
        if (m == null) {
            model.notifications().error("identify", "no XRD model loaded: open one with File ▸ Open model");
            return;
        }
        model.executor().execute(BackgroundTask.of("Identifying " + readable.size() + " patterns", ctx ->
                m.classify(readable.stream().map(e -> e.raw().orElseThrow()).toList()))
                .onSuccess(predictions -> {
                    for (int i = 0; i < readable.size(); i++) {
                        readable.get(i).predictionProperty().set(predictions.get(i));
                        model.notifications().info(readable.get(i).name(), "crystal system " + predictions.get(i).text()
                                + " (" + m.classifierFile().getFileName() + ")");
                    }
                })
                .onFailure(e -> model.notifications().error("identify", e)));
    }

    /** Refines every readable pattern: see {@link #refine(List)}. */
    public BackgroundTask<Integer> refineBatch() {
        return refine(List.copyOf(model.patterns()));
    }

    /**
     * Refines the chosen rows in the background, in chunks with progress: with the trained refiner
     * network when one is loaded, else per pattern through the classifier at the current α/β/λ.
     * Each row then says which refiner made its pattern.
     */
    public BackgroundTask<Integer> refine(List<PatternEntry> chosen) {
        XrdModels m = loaded.xrd();
        if (m == null) {
            model.notifications().error("refine", "no XRD model loaded: open one with File ▸ Open model");
            return null;
        }
        List<PatternEntry> entries = chosen.stream().filter(PatternEntry::isReadable).toList();
        RefinementSettings w = model.refinementSettings();
        String refiner = m.hasRefinerNetwork() ? m.networkMethod() : perPattern(w, m);
        var ui = model.executor().uiThread();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        return model.executor().execute(BackgroundTask.of("Refining " + entries.size() + " patterns", ctx -> {
            for (int from = 0; from < entries.size() && !ctx.isCancelled(); from += CHUNK) {
                List<PatternEntry> part = entries.subList(from, Math.min(entries.size(), from + CHUNK));
                List<Pattern> raw = part.stream().map(e -> e.raw().orElseThrow()).toList();
                List<XrdModels.Refinement> refined = m.hasRefinerNetwork() ? m.refineBatch(raw) : refineEach(m, raw, w, ctx::isCancelled);
                refused.addAndGet((int) refined.stream().filter(XrdModels.Refinement::refused).count());
                ui.execute(() -> {
                    if (m != loaded.xrd()) {
                        return;
                    }
                    for (int i = 0; i < refined.size(); i++) {
                        XrdModels.Refinement f = refined.get(i);
                        if (f.refused()) {
                            part.get(i).clearRefinement(); // too little measured or no signal: nothing is made up
                            continue;
                        }
                        part.get(i).modelInputProperty().set(f.input());
                        part.get(i).setRefined(f.refined(), refiner);
                    }
                });
                ctx.updateProgress(from + part.size(), entries.size());
            }
            return entries.size();
        }).onSuccess(n -> {
            model.refinedRevisionProperty().set(model.refinedRevisionProperty().get() + 1);
            String skipped = refused.get() == 0 ? "" : "; " + refused.get() + " not refined (too little measured or no signal)";
            status.set("Refined " + (n - refused.get()) + " patterns with the " + refiner + skipped);
            model.notifications().info("refine", "refined " + (n - refused.get()) + " patterns with the " + refiner + skipped);
        }).onFailure(e -> model.notifications().error("refine", e)));
    }

    private static List<XrdModels.Refinement> refineEach(XrdModels m, List<Pattern> raw, RefinementSettings w, BooleanSupplier cancelled) {
        return raw.stream().takeWhile(p -> !cancelled.getAsBoolean()).map(p -> {
            int target = p.metadata().label().map(m::classIndex).orElse(-1);
            return m.refineOne(p, w, target, cancelled).refinement();
        }).toList();
    }

    public BooleanProperty livePreviewProperty() {
        return livePreview;
    }

    /** Whether a preview of the current pattern is on screen (it can be accepted). */
    public ReadOnlyBooleanProperty previewOnScreenProperty() {
        return previewOnScreen.getReadOnlyProperty();
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
