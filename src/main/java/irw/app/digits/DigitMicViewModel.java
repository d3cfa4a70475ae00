package irw.app.digits;

import irw.app.models.DigitMic;
import irw.app.task.LatestRequestRunner;
import irw.app.workbench.WorkbenchModel;
import irw.engine.mic.MicReconstruction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The Digits view's Modular Inverse Classification (Hobbhahn): the digit on the canvas as each
 * class's generator reconstructs it, and the class that reconstructs it best. The ten input fits
 * take seconds, so they run on their own worker, newest request wins ({@link LatestRequestRunner}),
 * with the share of generators done as progress and a cancel; a new drawing makes the running fit
 * obsolete. Requests come when a stroke ends, not on every mouse move, so the classifier's
 * probabilities keep following the pen.
 */
public final class DigitMicViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<DigitMic> mic;
    private final LatestRequestRunner<float[], MicReconstruction> runner;
    private final ReadOnlyObjectWrapper<MicReconstruction> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private float[] lastImage;
    /** Wall time of the last finished reconstruction (written on the worker, read after it hands the result over). */
    private volatile double seconds;

    DigitMicViewModel(WorkbenchModel model, ObjectProperty<DigitMic> mic) {
        this.model = model;
        this.mic = mic;
        this.runner = new LatestRequestRunner<>(model.executor().newSerialWorker("digit-mic"), model.executor().uiThread(),
                this::compute, this::show, this::failed);
        mic.addListener((o, old, now) -> {
            result.set(null);
            verdict.set("");
            showModel();
            if (lastImage != null) {
                reconstruct(lastImage);
            }
        });
        showModel();
    }

    private void showModel() {
        DigitMic m = mic.get();
        status.set(m == null ? "No MIC model: open one (a folder with mic.json, from irw mic train or a mic run of the Training view)"
                : "MIC model " + m.description() + ": " + m.model().classes().size() + " generators, " + m.model().config().types()
                + " types each, seed " + m.model().config().seed() + "; input fit " + m.inversion().steps() + " steps");
    }

    /** Reconstructs {@code image} (28×28, ink in [0, 1]) with every generator; an empty image clears the result. */
    void reconstruct(float[] image) {
        lastImage = image.clone();
        if (mic.get() == null) {
            return;
        }
        if (isEmpty(image)) {
            runner.cancel();
            running.set(false);
            result.set(null);
            verdict.set("");
            return;
        }
        progress.set(0);
        running.set(true);
        result.set(null); // never the reconstructions of another digit beside this one
        verdict.set("MIC: fitting each generator's input to the digit …");
        runner.submit(lastImage);
    }

    /** The drawing changes (a stroke is under way): what is shown no longer belongs to it; the fit comes when the stroke ends. */
    void drawing() {
        if (mic.get() == null || (result.get() == null && !running.get())) {
            return;
        }
        runner.cancel();
        running.set(false);
        result.set(null);
        verdict.set("MIC: reconstructs the drawing when the stroke ends");
    }

    /** Stops the running fit (the Cancel button); nothing of it is shown. */
    public void cancel() {
        if (running.get()) {
            runner.cancel();
            running.set(false);
            verdict.set("MIC: cancelled");
        }
    }

    private MicReconstruction compute(float[] image, BooleanSupplier obsolete) {
        DigitMic m = mic.get();
        if (m == null) {
            return null;
        }
        int classes = m.model().classes().size();
        long t0 = System.nanoTime();
        try {
            MicReconstruction r = m.reconstruct(image, done -> model.executor().uiThread().execute(() -> {
                if (!obsolete.getAsBoolean()) {
                    progress.set((double) done / classes);
                }
            }), obsolete);
            seconds = (System.nanoTime() - t0) / 1e9;
            return r;
        } catch (CancellationException e) {
            return null; // obsolete: a newer request or a cancel; its result is dropped anyway
        }
    }

    private void show(MicReconstruction r) {
        running.set(false);
        progress.set(r == null ? 0 : 1);
        result.set(r);
        verdict.set(r == null ? "" : describe(r) + String.format(Locale.ROOT, " · %d input fits in %.1f s", r.errors().length, seconds));
    }

    private void failed(Throwable e) {
        running.set(false);
        verdict.set("MIC failed: " + e.getMessage());
        model.notifications().error("MIC reconstruction", e);
    }

    /** Within this share of the winner's error the runner-up is as good an explanation: the verdict says "uncertain". */
    static final double CLOSE_CALL = 0.05;

    /**
     * "MIC: 7 (smallest reconstruction error, 0.0123; next 9, 0.0150)": smallest error wins; errors,
     * not probabilities, so nothing is calibrated. When the runner-up's error is within
     * {@link #CLOSE_CALL} of the winner's, MIC has not told the two apart and says so instead of
     * naming one.
     */
    static String describe(MicReconstruction r) {
        int w = r.winner();
        int next = r.runnerUp();
        if (next >= 0 && r.errors()[next] - r.errors()[w] < CLOSE_CALL * r.errors()[w]) {
            return String.format(Locale.ROOT, "MIC: uncertain, %s or %s (reconstruction errors %.4f and %.4f, within %.0f %%)",
                    r.classes().name(w), r.classes().name(next), r.errors()[w], r.errors()[next], 100 * CLOSE_CALL);
        }
        String s = String.format(Locale.ROOT, "MIC: %s (smallest reconstruction error, %.4f", r.classes().name(w), r.errors()[w]);
        if (next >= 0) {
            s += String.format(Locale.ROOT, "; next %s, %.4f", r.classes().name(next), r.errors()[next]);
        }
        return s + ")";
    }

    private static boolean isEmpty(float[] image) {
        for (float v : image) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    /** Each generator's reconstruction and error of the last digit; null before the first and while none is loaded. */
    public ReadOnlyObjectProperty<MicReconstruction> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Share of the generators fitted so far in the running reconstruction. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Which MIC model is loaded, or how to get one. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The winning class and its error beside the runner-up's, or what is running. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** How many reconstructions were requested, and which one is shown (for tests). */
    public long requestsSubmitted() {
        return runner.submitted();
    }

    public long requestShown() {
        return runner.lastApplied();
    }
}
