package irw.ui.digits;

import irw.app.digits.DigitsViewModel;
import irw.app.models.DigitAnalysis;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.FxmlLayout;
import irw.ui.common.WeightSlider;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;

/**
 * The Digits tab (DigitsView.fxml): draw on an enlarged 28×28 canvas (or browse MNIST and typeset
 * digits), and see the probabilities before and after refinement, the refined digit and the
 * refinement steps.
 */
public final class DigitsView extends HBox {
    private static final int SCALE = 12;
    private final DigitsViewModel viewModel;
    private final ProgressBar[] before = new ProgressBar[10];
    private final ProgressBar[] after = new ProgressBar[10];
    private final Timeline player = new Timeline();
    @FXML
    private Canvas digitCanvas;
    @FXML
    private Canvas refinedDigitCanvas;
    @FXML
    private Canvas digitStepsCanvas;
    @FXML
    private ComboBox<DigitsViewModel.Source> digitSource;
    @FXML
    private Label digitStatus;
    @FXML
    private Label digitVerdict;
    @FXML
    private WeightSlider digitsAlpha;
    @FXML
    private WeightSlider digitsBeta;
    @FXML
    private Label digitStepPhysics;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    public DigitsView(WorkbenchModel model, DigitsViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlLayout.load(this);
        for (int k = 0; k < 10; k++) {
            before[k] = (ProgressBar) lookup("#probabilityBefore" + k);
            after[k] = (ProgressBar) lookup("#probabilityAfter" + k);
        }
        digitCanvas.setOnMousePressed(e -> {
            lastX = e.getX() / SCALE;
            lastY = e.getY() / SCALE;
            viewModel.stroke(lastX, lastY, lastX, lastY);
        });
        digitCanvas.setOnMouseDragged(e -> {
            double x = e.getX() / SCALE;
            double y = e.getY() / SCALE;
            viewModel.stroke(lastX, lastY, x, y);
            lastX = x;
            lastY = y;
        });
        digitSource.getItems().setAll(DigitsViewModel.Source.values());
        digitSource.valueProperty().bindBidirectional(viewModel.sourceProperty());
        digitStatus.textProperty().bind(viewModel.statusProperty());
        digitsAlpha.bindBidirectional(model.alphaProperty());
        digitsBeta.bindBidirectional(model.betaProperty());
        viewModel.imageProperty().addListener((o, a, img) -> DigitImages.paint(digitCanvas, img));
        viewModel.analysisProperty().addListener((o, a, result) -> show(result));
        DigitImages.paint(digitCanvas, viewModel.imageProperty().get());
        show(null);
    }

    @FXML
    private void clear() {
        viewModel.clear();
    }

    @FXML
    private void previous() {
        viewModel.previous();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    private void show(DigitAnalysis result) {
        player.stop();
        player.getKeyFrames().clear();
        boolean refinedShown = result != null && !result.refining();
        for (int k = 0; k < 10; k++) {
            before[k].setProgress(result == null ? 0 : result.before()[k]);
            after[k].setProgress(refinedShown ? result.after()[k] : 0);
        }
        DigitImages.paint(refinedDigitCanvas, refinedShown ? result.refined() : null);
        DigitImages.paint(digitStepsCanvas, null);
        digitStepPhysics.setText("");
        if (result == null) {
            digitVerdict.setText("");
            return;
        }
        digitVerdict.setText(viewModel.subjectProperty().get() + ": " + result.saysBefore() + ", after refinement "
                + (refinedShown ? result.saysAfter() : "… (refining)"));
        if (!refinedShown) {
            return;
        }
        List<float[]> steps = result.steps();
        for (int i = 0; i < steps.size(); i++) {
            float[] step = steps.get(i);
            String physics = physics(result, i);
            player.getKeyFrames().add(new KeyFrame(Duration.millis(120.0 * i), e -> {
                DigitImages.paint(digitStepsCanvas, step);
                digitStepPhysics.setText(physics);
            }));
        }
        player.getKeyFrames().add(new KeyFrame(Duration.millis(120.0 * steps.size() + 600)));
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
    }

    /** Issue 11, item 4: each step's roughness against the drawn digit's, and ink invented away from it. */
    private static String physics(DigitAnalysis result, int step) {
        return String.format(Locale.ROOT, "step %d of %d%ntotal variation %.2f× raw%nink > %d px from it: %.1f %%", step,
                result.steps().size() - 1, result.totalVariationRatio(step), DigitAnalysis.FAR_INK_RADIUS, 100 * result.farInk(step));
    }

    /** The verdict line and the physics line of the refinement steps as shown (for tests). */
    public String verdictText() {
        return digitVerdict.getText();
    }

    public String stepPhysicsText() {
        return digitStepPhysics.getText();
    }

    /** The probability shown for digit k, before (false) or after (true) refinement (for tests). */
    public double probability(int k, boolean afterRefinement) {
        return (afterRefinement ? after : before)[k].getProgress();
    }
}
