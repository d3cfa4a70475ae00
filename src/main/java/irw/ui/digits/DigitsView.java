package irw.ui.digits;

import irw.app.digits.DigitMicViewModel;
import irw.app.digits.DigitsViewModel;
import irw.app.models.DigitAnalysis;
import irw.app.workbench.WorkbenchModel;
import irw.engine.mic.MicReconstruction;
import irw.ui.common.FxmlLayout;
import irw.ui.common.WeightSlider;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Digits tab (DigitsView.fxml): draw on an enlarged 28×28 canvas (or browse MNIST and typeset
 * digits), and see the probabilities before and after refinement, the refined digit and the
 * refinement steps.
 */
public final class DigitsView extends HBox {
    private static final int SCALE = 12;
    private static final String MIC_WINNER = "mic-winner";
    private final DigitsViewModel viewModel;
    private final ProgressBar[] before = new ProgressBar[10];
    private final ProgressBar[] after = new ProgressBar[10];
    private final Canvas[] micReconstruction = new Canvas[10];
    private final Label[] micError = new Label[10];
    private final VBox[] micCell = new VBox[10];
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
    @FXML
    private Label micStatus;
    @FXML
    private Label micVerdict;
    @FXML
    private ProgressBar micProgress;
    @FXML
    private Button cancelMicButton;
    private final Consumer<Path> openMic;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    /** @param openMic opens a MIC model folder (ModelsViewModel, which asks before replacing one) */
    public DigitsView(WorkbenchModel model, DigitsViewModel viewModel, Consumer<Path> openMic) {
        this.viewModel = viewModel;
        this.openMic = openMic;
        FxmlLayout.load(this);
        for (int k = 0; k < 10; k++) {
            before[k] = (ProgressBar) lookup("#probabilityBefore" + k);
            after[k] = (ProgressBar) lookup("#probabilityAfter" + k);
            micReconstruction[k] = (Canvas) lookup("#micReconstruction" + k);
            micError[k] = (Label) lookup("#micError" + k);
            micCell[k] = (VBox) lookup("#micCell" + k);
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
        digitCanvas.setOnMouseReleased(e -> viewModel.strokeFinished());
        digitSource.getItems().setAll(DigitsViewModel.Source.values());
        digitSource.valueProperty().bindBidirectional(viewModel.sourceProperty());
        digitStatus.textProperty().bind(viewModel.statusProperty());
        digitsAlpha.bindBidirectional(model.alphaProperty());
        digitsBeta.bindBidirectional(model.betaProperty());
        viewModel.imageProperty().addListener((o, a, img) -> DigitImages.paint(digitCanvas, img));
        viewModel.analysisProperty().addListener((o, a, result) -> show(result));
        DigitImages.paint(digitCanvas, viewModel.imageProperty().get());
        show(null);
        DigitMicViewModel mic = viewModel.mic();
        micStatus.textProperty().bind(mic.statusProperty());
        micVerdict.textProperty().bind(mic.verdictProperty());
        micProgress.progressProperty().bind(mic.progressProperty());
        micProgress.visibleProperty().bind(mic.runningProperty());
        cancelMicButton.disableProperty().bind(mic.runningProperty().not());
        mic.resultProperty().addListener((o, a, r) -> showMic(r));
        showMic(mic.resultProperty().get());
    }

    /** Each class generator's reconstruction with its error; the winner's cell is framed. */
    private void showMic(MicReconstruction r) {
        int winner = r == null ? -1 : r.winner();
        for (int k = 0; k < 10; k++) {
            boolean shown = r != null && k < r.reconstructions().length;
            DigitImages.paint(micReconstruction[k], shown ? r.reconstructions()[k] : null);
            micError[k].setText(shown ? String.format(Locale.ROOT, "%s: %.4f", r.classes().name(k), r.errors()[k]) : String.valueOf(k));
            micCell[k].getStyleClass().remove(MIC_WINNER);
            if (k == winner) {
                micCell[k].getStyleClass().add(MIC_WINNER);
            }
        }
    }

    @FXML
    private void openMic() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a MIC model folder (mic.json and generator-<k>.bin)");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            openMic.accept(dir.toPath());
        }
    }

    @FXML
    private void cancelMic() {
        viewModel.mic().cancel();
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

    /** The MIC verdict line and the error label under class k's reconstruction, as shown (for tests). */
    public String micVerdictText() {
        return micVerdict.getText();
    }

    public String micErrorText(int k) {
        return micError[k].getText();
    }

    /** Whether class k's reconstruction is framed as the winner (for tests). */
    public boolean isMicWinner(int k) {
        return micCell[k].getStyleClass().contains(MIC_WINNER);
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
