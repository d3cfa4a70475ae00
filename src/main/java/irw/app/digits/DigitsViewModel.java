package irw.app.digits;

import irw.app.models.DigitAnalysis;
import irw.app.models.DigitRefinement;
import irw.app.models.LoadedModels;
import irw.app.task.BackgroundTask;
import irw.app.task.LatestRequestRunner;
import irw.app.workbench.RefinementSettings;
import irw.app.workbench.WorkbenchModel;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.digits.TypesetDigits;
import javafx.beans.InvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The Digits view: a drawing canvas, MNIST test digits and typeset ideal digits to browse, and,
 * with a digit model loaded, the live analysis of what is drawn; with a MIC model, each class
 * generator's reconstruction of it ({@link DigitMicViewModel}). Every stroke and every α/β/λ move
 * submits a request; the newest wins, so the view never shows an outdated answer.
 */
public final class DigitsViewModel {
    public enum Source { MNIST_TEST("MNIST test"), TYPESET("typeset ideal");
        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private record Request(float[] image, RefinementSettings weights) {
    }

    /** Typeset digits per font for browsing: enough variety, rendered in well under a second. */
    private static final int TYPESET_PER_FONT = 100;
    public static final String YOUR_DRAWING = "your drawing";

    private final WorkbenchModel model;
    private final Path mnistFolder;
    private final DigitCanvasModel canvas = new DigitCanvasModel();
    private final ReadOnlyObjectWrapper<float[]> image = new ReadOnlyObjectWrapper<>(this, "image", canvas.pixels());
    private final ObjectProperty<DigitRefinement> refinement;
    private final ReadOnlyObjectWrapper<DigitAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** What the canvas shows, as the verdict names it: "your drawing" once the user has drawn, else the browsed item. */
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", YOUR_DRAWING);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.MNIST_TEST);
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", 0);
    private final ReadOnlyObjectWrapper<LabelledDataSet> browsed = new ReadOnlyObjectWrapper<>(this, "browsed");
    private final LatestRequestRunner<Request, DigitAnalysis> runner;
    private final DigitMicViewModel mic;
    /** What the canvas shows, for the caption: a browsed digit, the user's drawing, or null before anything. */
    private String onCanvas;

    public DigitsViewModel(WorkbenchModel model, LoadedModels loaded, Path mnistFolder) {
        this.model = model;
        this.refinement = loaded.digitsProperty();
        this.mnistFolder = mnistFolder;
        this.runner = new LatestRequestRunner<>(model.executor().newSerialWorker("digit-refinement"), model.executor().uiThread(),
                this::compute, analysis::set, e -> model.notifications().error("digit refinement", e));
        this.mic = new DigitMicViewModel(model, loaded.micProperty());
        InvalidationListener reanalyse = o -> analyse();
        model.alphaProperty().addListener(reanalyse);
        model.betaProperty().addListener(reanalyse);
        model.lambdaProperty().addListener(reanalyse);
        model.refinementStepsProperty().addListener(reanalyse);
        refinement.addListener((o, old, now) -> {
            showCaption();
            analyse();
        });
        source.addListener(o -> loadSource());
        index.addListener(o -> showBrowsed());
        showCaption();
    }

    /** The caption under the canvas: what is on it (a browsed digit, the user's drawing, or nothing yet) and the model. */
    private void showCaption() {
        DigitRefinement m = refinement.get();
        String model = m == null ? "no digit model loaded: drawing and browsing only" : "model " + m.description();
        status.set(onCanvas == null ? capitalise(model) : onCanvas + " · " + model);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Two stages on the one worker: the classification alone (one forward pass) is shown at once, so
     * the probabilities follow the pen (issue 12: within 150 ms of the stroke); the refinement follows.
     */
    private DigitAnalysis compute(Request r, BooleanSupplier obsolete) throws Exception {
        DigitRefinement current = refinement.get();
        if (current == null) {
            return null;
        }
        DigitAnalysis classified = current.classify(r.image());
        model.executor().uiThread().execute(() -> {
            if (!obsolete.getAsBoolean()) {
                analysis.set(classified);
            }
        });
        return obsolete.getAsBoolean() ? classified : current.analyse(r.image(), r.weights(), obsolete);
    }

    /** A stroke from the mouse, in canvas pixel coordinates (0..28): the canvas now shows the user's own drawing. */
    public void stroke(double x0, double y0, double x1, double y1) {
        canvas.stroke(x0, y0, x1, y1);
        mic.drawing();
        if (!YOUR_DRAWING.equals(onCanvas)) {
            onCanvas = YOUR_DRAWING;
            subject.set(YOUR_DRAWING);
            showCaption();
        }
        publish();
    }

    /** The mouse button is released: the stroke is complete, so MIC reconstructs the drawing (seconds, not per mouse move). */
    public void strokeFinished() {
        mic.reconstruct(canvas.pixels());
    }

    public void clear() {
        canvas.clear();
        analysis.set(null);
        onCanvas = "empty canvas: draw a digit";
        showCaption();
        subject.set(YOUR_DRAWING);
        publish();
        mic.reconstruct(canvas.pixels());
    }

    private void publish() {
        image.set(canvas.pixels());
        analyse();
    }

    /** Submits the current drawing and weights; an older request still running becomes obsolete. */
    public void analyse() {
        if (refinement.get() == null || canvas.isEmpty()) {
            return;
        }
        runner.submit(new Request(canvas.pixels(), model.refinementSettings()));
    }

    /** Loads the browsed set (MNIST test from sample-data, or freshly typeset digits) in the background. */
    public BackgroundTask<LabelledDataSet> loadSource() {
        Source which = source.get();
        return model.executor().execute(BackgroundTask.of("Loading " + which + " digits", ctx -> switch (which) {
            case MNIST_TEST -> IdxFormat.read(mnistFolder.resolve("test-images-idx3-ubyte.gz"), mnistFolder.resolve("test-labels-idx1-ubyte.gz"));
            case TYPESET -> TypesetDigits.generate(TYPESET_PER_FONT, 7);
        }).onSuccess(set -> {
            browsed.set(set);
            index.set(0);
            showBrowsed();
        }).onFailure(e -> model.notifications().error(which.toString(), e)));
    }

    private void showBrowsed() {
        LabelledDataSet set = browsed.get();
        if (set == null || set.size() == 0) {
            return;
        }
        int i = Math.floorMod(index.get(), set.size());
        if (i != index.get()) {
            index.set(i);
            return;
        }
        canvas.set(set.items()[i]);
        String label = set.isLabelled() ? set.classes().name(set.labels()[i]) : "?";
        onCanvas = source.get() + " #" + i + " of " + set.size() + ", label " + label;
        showCaption();
        subject.set(source.get() + " #" + i + " (label " + label + ")");
        publish();
        mic.reconstruct(canvas.pixels());
    }

    public void next() {
        index.set(index.get() + 1);
    }

    public void previous() {
        index.set(index.get() - 1);
    }

    /** Modular Inverse Classification of the digit on the canvas. */
    public DigitMicViewModel mic() {
        return mic;
    }

    public ReadOnlyObjectProperty<float[]> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DigitAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public ReadOnlyObjectProperty<LabelledDataSet> browsedProperty() {
        return browsed.getReadOnlyProperty();
    }

    /** How many analysis requests were made, and which one is shown (for tests and the bench). */
    public long requestsSubmitted() {
        return runner.submitted();
    }

    public long requestShown() {
        return runner.lastApplied();
    }
}
