package irw.ui.digits;

import irw.app.digits.DigitsViewModel;
import irw.app.models.DigitAnalysis;
import irw.app.workbench.WorkbenchModel;
import irw.ui.common.WeightControls;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;

/**
 * The Digits tab: draw on an enlarged 28×28 canvas (or browse MNIST and typeset digits), and see
 * the probabilities before and after refinement, the refined digit and the refinement steps.
 */
public final class DigitsView extends HBox {
    private static final int SCALE = 12;
    private final DigitsViewModel viewModel;
    private final Canvas canvas = new Canvas(28 * SCALE, 28 * SCALE);
    private final Canvas refined = new Canvas(28 * 6, 28 * 6);
    private final Canvas animation = new Canvas(28 * 6, 28 * 6);
    private final ProgressBar[] before = new ProgressBar[10];
    private final ProgressBar[] after = new ProgressBar[10];
    private final Label verdict = new Label();
    private final Label stepPhysics = new Label();
    private final Timeline player = new Timeline();
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    public DigitsView(WorkbenchModel model, DigitsViewModel viewModel) {
        super(16);
        this.viewModel = viewModel;
        setId("digitsView");
        setPadding(new Insets(12));
        canvas.setId("digitCanvas");
        canvas.setOnMousePressed(e -> {
            lastX = e.getX() / SCALE;
            lastY = e.getY() / SCALE;
            viewModel.stroke(lastX, lastY, lastX, lastY);
        });
        canvas.setOnMouseDragged(e -> {
            double x = e.getX() / SCALE;
            double y = e.getY() / SCALE;
            viewModel.stroke(lastX, lastY, x, y);
            lastX = x;
            lastY = y;
        });
        Button clear = new Button("Clear");
        clear.setId("clearDigitButton");
        clear.setOnAction(e -> viewModel.clear());
        ComboBox<DigitsViewModel.Source> source = new ComboBox<>();
        source.setId("digitSource");
        source.getItems().setAll(DigitsViewModel.Source.values());
        source.valueProperty().bindBidirectional(viewModel.sourceProperty());
        Button previous = new Button("◀");
        previous.setId("previousDigitButton");
        previous.setOnAction(e -> viewModel.previous());
        Button next = new Button("▶");
        next.setId("nextDigitButton");
        next.setOnAction(e -> viewModel.next());
        Label status = new Label();
        status.setId("digitStatus");
        status.setWrapText(true);
        status.setMaxWidth(28 * SCALE);
        status.textProperty().bind(viewModel.statusProperty());
        VBox left = new VBox(8, new Label("Draw a digit (drag the mouse)"), canvas,
                new HBox(6, clear, source, previous, next), status);
        VBox right = new VBox(10, probabilities(), verdict, new HBox(16,
                new VBox(4, new Label("refined"), refined), new VBox(4, new Label("refinement steps"), animation, stepPhysics)),
                new Label("Refinement weights (live)"), new WeightControls(model, "digits"));
        right.setPrefWidth(460);
        verdict.setId("digitVerdict");
        verdict.setWrapText(true);
        stepPhysics.setId("digitStepPhysics");
        stepPhysics.setWrapText(true);
        stepPhysics.setMaxWidth(28 * 6);
        stepPhysics.setMinHeight(Region.USE_PREF_SIZE); // three lines, never cut to "…"
        refined.setId("refinedDigitCanvas");
        animation.setId("digitStepsCanvas");
        getChildren().addAll(left, right);
        viewModel.imageProperty().addListener((o, a, img) -> DigitImages.paint(canvas, img));
        viewModel.analysisProperty().addListener((o, a, result) -> show(result));
        DigitImages.paint(canvas, viewModel.imageProperty().get());
        show(null);
    }

    private GridPane probabilities() {
        GridPane grid = new GridPane();
        grid.setId("digitProbabilities");
        grid.setHgap(6);
        grid.setVgap(2);
        grid.addRow(0, new Label("digit"), new Label("before refinement"), new Label("after"));
        for (int k = 0; k < 10; k++) {
            before[k] = bar("probabilityBefore" + k);
            after[k] = bar("probabilityAfter" + k);
            Label digit = new Label(Integer.toString(k));
            digit.setAlignment(Pos.CENTER);
            grid.addRow(k + 1, digit, before[k], after[k]);
        }
        return grid;
    }

    private static ProgressBar bar(String id) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId(id);
        bar.getStyleClass().add("probability-bar");
        bar.setPrefWidth(170);
        return bar;
    }

    private void show(DigitAnalysis result) {
        player.stop();
        player.getKeyFrames().clear();
        boolean refinedShown = result != null && !result.refining();
        for (int k = 0; k < 10; k++) {
            before[k].setProgress(result == null ? 0 : result.before()[k]);
            after[k].setProgress(refinedShown ? result.after()[k] : 0);
        }
        DigitImages.paint(refined, refinedShown ? result.refined() : null);
        DigitImages.paint(animation, null);
        stepPhysics.setText("");
        if (result == null) {
            verdict.setText("");
            return;
        }
        verdict.setText(viewModel.subjectProperty().get() + ": " + result.saysBefore() + ", after refinement "
                + (refinedShown ? result.saysAfter() : "… (refining)"));
        if (!refinedShown) {
            return;
        }
        List<float[]> steps = result.steps();
        for (int i = 0; i < steps.size(); i++) {
            float[] step = steps.get(i);
            String physics = physics(result, i);
            player.getKeyFrames().add(new KeyFrame(Duration.millis(120.0 * i), e -> {
                DigitImages.paint(animation, step);
                stepPhysics.setText(physics);
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
        return verdict.getText();
    }

    public String stepPhysicsText() {
        return stepPhysics.getText();
    }

    /** The probability shown for digit k, before (false) or after (true) refinement (for tests). */
    public double probability(int k, boolean afterRefinement) {
        return (afterRefinement ? after : before)[k].getProgress();
    }
}
