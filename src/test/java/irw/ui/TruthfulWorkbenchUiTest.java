package irw.ui;

import io.fair_acc.dataset.DataSet;
import irw.app.embedding.PointKind;
import irw.app.refine.TinyModels;
import irw.app.training.RunKind;
import irw.app.training.RunRow;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchView;
import irw.core.ProductVersion;
import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.ui.common.NodeIds;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static irw.ui.WorkbenchFixture.fx;
import static irw.ui.WorkbenchFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 14 ("the workbench tells the truth"): what the views show, checked headless in the real window. */
@ExtendWith(ApplicationExtension.class)
class TruthfulWorkbenchUiTest {
    @TempDir
    static Path dir;
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchFixture(stage, dir.resolve("cfg-" + System.nanoTime()));
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> read) throws Exception {
        Object[] out = new Object[1];
        fx(() -> {
            try {
                out[0] = read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private void loadTinyXrdModel() throws Exception {
        Path classifier = TinyModels.xrdClassifier();
        fx(() -> {
            app.model.refinementStepsProperty().set(3);
            app.window.models().loadXrd(classifier, null);
        });
        waitUntil(() -> app.window.loadedModels().xrd() != null);
    }

    private String refinedCell(PatternEntry e) throws Exception {
        TableView<PatternEntry> table = app.window.dataView().tableView();
        return fxGet(() -> {
            @SuppressWarnings("unchecked")
            TableColumn<PatternEntry, String> c = (TableColumn<PatternEntry, String>) table.getColumns().stream()
                    .filter(col -> NodeIds.REFINED_COLUMN.equals(col.getId())).findFirst().orElseThrow();
            return c.getCellObservableValue(e).getValue();
        });
    }

    /** Item 1: looking at a pattern in Spectra leaves its row unrefined; accepting the preview marks it, naming the refiner. */
    @Test
    void viewingAPatternDoesNotMarkItRefinedAndAcceptingThePreviewDoes(FxRobot robot) throws Exception {
        app.loadSampleFolder();
        loadTinyXrdModel();
        fx(() -> app.window.show(WorkbenchView.SPECTRA));
        PatternEntry shown = app.model.current();
        waitUntil(() -> shown.preview() != null && app.window.refinementViewModel().previewOnScreenProperty().get());
        assertThat(app.window.spectraView().dataSets()).extracting(DataSet::getName).contains(shown.name() + " preview");
        assertThat(refinedCell(shown)).isEqualTo("no");
        robot.clickOn("#" + NodeIds.ACCEPT_PREVIEW_BUTTON);
        waitUntil(() -> shown.refined() != null);
        assertThat(refinedCell(shown)).startsWith("per-pattern, α 1.00, β 0.50, 3 steps · xrd-classifier.zip");
    }

    /** Item 2: the status bar says which models are in use. */
    @Test
    void theStatusBarNamesTheActiveModels(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#" + NodeIds.STATUS_MODELS).queryLabeled().getText()).isEqualTo("models: no XRD model · no digit model");
        loadTinyXrdModel();
        waitUntil(() -> robot.lookup("#" + NodeIds.STATUS_MODELS).queryLabeled().getText()
                .equals("models: XRD xrd-classifier.zip · no digit model"));
    }

    /** Item 3: the "preview − truth" trace is the difference of the traces drawn, also after α moves (λ does not enter refinement). */
    @Test
    void theDifferenceTraceFollowsTheLivePreview() throws Exception {
        fx(() -> app.window.dataViewModel().load(List.of(Path.of("sample-data/datasets/xrd").toAbsolutePath())));
        waitUntil(() -> !app.window.dataViewModel().loadingProperty().get() && app.model.patterns().size() == 240);
        loadTinyXrdModel();
        PatternEntry e = app.model.patterns().get(20);
        fx(() -> {
            app.model.currentProperty().set(e);
            app.window.show(WorkbenchView.SPECTRA);
        });
        // the preview is drawn step by step: compare once the finished one is on screen
        waitUntil(() -> e.preview() != null && app.window.spectraView().dataSets().size() == 4
                && app.window.refinementViewModel().previewOnScreenProperty().get());
        assertDifferenceIsPreviewMinusTruth(e);
        irw.core.Pattern before = e.preview();
        fx(() -> app.model.alphaProperty().set(app.model.alphaProperty().get() + 0.5));
        waitUntil(() -> e.preview() != before && app.window.refinementViewModel().previewShown()
                == app.window.refinementViewModel().previewsSubmitted());
        assertDifferenceIsPreviewMinusTruth(e);
    }

    private void assertDifferenceIsPreviewMinusTruth(PatternEntry e) throws Exception {
        List<DataSet> sets = fxGet(() -> app.window.spectraView().dataSets());
        assertThat(sets).extracting(DataSet::getName).containsExactly(e.name() + " raw (model input)", e.name() + " preview",
                e.name() + " ground truth", e.name() + " preview − truth");
        double[] preview = sets.get(1).getValues(DataSet.DIM_Y);
        double[] truth = sets.get(2).getValues(DataSet.DIM_Y);
        double[] diff = sets.get(3).getValues(DataSet.DIM_Y);
        double[] shownPreview = e.preview().intensityValues();
        for (int i = 0; i < 2000; i++) {
            assertThat(preview[i]).as("preview at %d", i).isCloseTo(shownPreview[i], within(1e-12));
            assertThat(diff[i]).as("difference at %d", i).isCloseTo(preview[i] - truth[i], within(1e-12));
        }
    }

    /** Item 4: the crosshair reads 2θ to 3 decimals, d in Å and the intensity to 4 significant digits, and hides when the mouse leaves. */
    @Test
    void theCrosshairShowsRoundedCoordinatesAndHidesOnExit(FxRobot robot) throws Exception {
        fx(() -> app.window.show(WorkbenchView.SPECTRA));
        Node canvas = fxGet(() -> app.window.spectraView().chart().getCanvas());
        robot.moveTo(canvas);
        assertThat(app.window.spectraView().crosshairLabel().isVisible()).as("no pattern: nothing to read, no NaN").isFalse();
        app.loadSampleFolder();
        fx(() -> app.window.show(WorkbenchView.SPECTRA));
        waitUntil(() -> app.window.spectraView().dataSets().size() == 1);
        robot.moveTo(canvas).moveBy(30, 10);
        waitUntil(() -> app.window.spectraView().crosshairLabel().isVisible());
        String text = app.window.spectraView().crosshairLabel().getText();
        Matcher m = Pattern.compile("2θ (\\d+\\.\\d{3})°   d (\\d+\\.\\d{4}) Å   I (-?[0-9.]+)").matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        String intensity = m.group(3).replace("-", "").replace(".", "").replaceFirst("^0+", "");
        assertThat(intensity.length()).as("significant digits of %s", m.group(3)).isLessThanOrEqualTo(4);
        double twoTheta = Double.parseDouble(m.group(1));
        double lambda = app.model.current().raw().orElseThrow().metadata().wavelength().map(w -> w.weightedMean())
                .orElse(app.model.grid().wavelength().weightedMean());
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(lambda / (2 * Math.sin(Math.toRadians(twoTheta / 2))), within(1e-3));
        Bounds lines = fxGet(() -> app.window.spectraView().crosshairLines().localToScene(app.window.spectraView().crosshairLines().getBoundsInLocal()));
        Bounds plot = fxGet(() -> app.window.spectraView().chart().getPlotArea().localToScene(app.window.spectraView().chart().getPlotArea().getBoundsInLocal()));
        assertThat(lines.getMinX()).as("the horizontal line starts at the plot's left edge").isCloseTo(plot.getMinX(), within(3.0));
        assertThat(lines.getMaxX()).isCloseTo(plot.getMaxX(), within(3.0));
        assertThat(lines.getMinY()).as("the vertical line starts at the plot's top").isCloseTo(plot.getMinY(), within(3.0));
        assertThat(lines.getMaxY()).isCloseTo(plot.getMaxY(), within(3.0));
        robot.moveTo("#" + NodeIds.SPECTRA_TITLE);
        waitUntil(() -> !app.window.spectraView().crosshairLabel().isVisible());
    }

    /** Item 5: each kind shows only its fields; the weights shown are the ones sent; the empty run list says what to do. */
    @Test
    void theTrainingFormShowsTheFieldsOfItsKindAndSendsWhatItShows(FxRobot robot) throws Exception {
        var vm = app.window.trainingViewModel();
        Map<String, Set<RunKind>> shownFor = Map.of(
                NodeIds.TRAINING_ALPHA, Set.of(RunKind.REFINER), NodeIds.TRAINING_BETA, Set.of(RunKind.REFINER),
                NodeIds.RUN_CLASSIFIER_ROW, Set.of(RunKind.REFINER), NodeIds.RUN_TARGETED_ROW, Set.of(RunKind.REFINER),
                NodeIds.TRAINING_LAMBDA, Set.of(RunKind.CLASSIFIER), NodeIds.RUN_MODEL_SIZE_ROW, Set.of(RunKind.CLASSIFIER),
                NodeIds.RUN_EPOCHS_ROW, Set.of(RunKind.CLASSIFIER, RunKind.REFINER, RunKind.LABEL_REFINERY),
                NodeIds.RUN_MIC_TYPES_ROW, Set.of(RunKind.MIC), NodeIds.RUN_MIC_ITERATIONS_ROW, Set.of(RunKind.MIC),
                NodeIds.RUN_MIC_NOISE_ROW, Set.of(RunKind.MIC));
        for (RunKind kind : RunKind.values()) {
            fx(() -> vm.kindProperty().set(kind));
            shownFor.forEach((id, kinds) -> assertThat(robot.lookup("#" + id).query().isVisible()).as("%s for %s", id, kind)
                    .isEqualTo(kinds.contains(kind)));
        }
        assertThat(robot.lookup("#" + NodeIds.RUN_LIST_HINT).queryLabeled().getText()).startsWith("Not connected to the training service");
        fx(() -> {
            vm.kindProperty().set(RunKind.REFINER);
            app.window.show(WorkbenchView.TRAINING); // this fixture has no service: connecting fails, the form works
        });
        TextField beta = robot.lookup("#" + NodeIds.TRAINING_BETA_FIELD).queryAs(TextField.class);
        WorkbenchFixture.retype(robot, beta, "0.5");
        waitUntil(() -> vm.betaProperty().get() == 0.5);
        assertThat(beta.getText()).isEqualTo("0.500");
        assertThat(vm.specJson()).contains("\"beta\":0.5").doesNotContain("lambda");
        fx(() -> app.model.lambdaProperty().set(0.9)); // the preview's λ is another thing
        fx(() -> vm.kindProperty().set(RunKind.CLASSIFIER));
        assertThat(vm.specJson()).contains("\"lambda\":0.1");
    }

    /** Item 6: a newly opened file is selected and scrolled into view; a file already open is not added again. */
    @Test
    void aNewlyOpenedFileIsSelectedAndScrolledIntoView() throws Exception {
        fx(() -> app.window.dataViewModel().load(List.of(Path.of("sample-data/datasets/xrd").toAbsolutePath())));
        waitUntil(() -> !app.window.dataViewModel().loadingProperty().get() && app.model.patterns().size() == 240);
        Path mno = WorkbenchFixture.MEASURED.resolve("MnO.xy");
        fx(() -> app.window.dataViewModel().load(List.of(mno)));
        waitUntil(() -> !app.window.dataViewModel().loadingProperty().get() && app.model.patterns().size() == 241);
        PatternEntry added = app.model.patterns().get(240);
        waitUntil(() -> app.model.current() == added && visibleRow(added));
        assertThat(app.window.dataView().tableView().getSelectionModel().getSelectedItems()).containsExactly(added);
        fx(() -> app.window.dataViewModel().load(List.of(WorkbenchFixture.MEASURED)));
        waitUntil(() -> !app.window.dataViewModel().loadingProperty().get());
        assertThat(app.model.patterns()).filteredOn(e -> e.name().equals("MnO")).hasSize(1);
    }

    private boolean visibleRow(PatternEntry entry) throws Exception {
        TableView<PatternEntry> table = app.window.dataView().tableView();
        return fxGet(() -> {
            Bounds view = table.localToScene(table.getLayoutBounds());
            for (Node n : table.lookupAll(".table-row-cell")) {
                if (n instanceof TableRow<?> row && row.getItem() == entry && row.isVisible()) {
                    Bounds b = row.localToScene(row.getLayoutBounds());
                    return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY();
                }
            }
            return false;
        });
    }

    /** Item 8: the legend tells raw, refined, ideal and prototype apart by the marker shapes the map uses. */
    @Test
    void theEmbeddingLegendShowsAMarkerShapePerKind() throws Exception {
        app.loadSampleFolder();
        loadTinyXrdModel();
        PatternEntry first = app.model.patterns().get(0);
        fx(() -> {
            first.setRefined(first.rawOnGrid(app.model.grid()), "a test refiner");
            first.groundTruthProperty().set(first.rawOnGrid(app.model.grid())); // an ideal point to map
            app.window.show(WorkbenchView.EMBEDDING);
            app.window.embeddingViewModel().compute();
        });
        waitUntil(() -> app.window.embeddingViewModel().points().stream().anyMatch(p -> p.kind() == PointKind.PROTOTYPE));
        List<Label> entries = fxGet(() -> app.window.embeddingView().legendEntries());
        List<Label> kinds = entries.stream().filter(l -> l.getUserData() instanceof PointKind).toList();
        assertThat(kinds).extracting(Label::getUserData).containsExactly(PointKind.IDEAL, PointKind.RAW, PointKind.REFINED, PointKind.PROTOTYPE);
        assertThat(entries.stream().filter(l -> l.getUserData() instanceof String).count())
                .as("one entry per class, not per kind and class").isEqualTo(app.window.embeddingViewModel().points().stream()
                        .map(p -> p.className()).distinct().count());
        List<int[]> icons = new ArrayList<>();
        for (Label l : kinds) {
            icons.add(fxGet(() -> pixels(l.getGraphic())));
        }
        for (int i = 0; i < icons.size(); i++) {
            for (int j = i + 1; j < icons.size(); j++) {
                assertThat(Arrays.equals(icons.get(i), icons.get(j))).as("%s and %s look different", kinds.get(i).getText(), kinds.get(j).getText()).isFalse();
            }
        }
    }

    private static int[] pixels(Node icon) {
        WritableImage img = icon.snapshot(null, null);
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = r.getArgb(x, y);
            }
        }
        return out;
    }

    /** Item 10: File ▸ Open sample data brings the bundled demo set back. */
    @Test
    void fileOpenSampleDataOpensTheDemoSet(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.MENU_FILE).clickOn("#" + NodeIds.MENU_OPEN_SAMPLE_DATA);
        long measured = irw.app.SampleBatch.measuredFileCount();
        waitUntil(() -> !app.window.dataViewModel().loadingProperty().get() && app.model.patterns().size() == measured + 240);
    }

    /** Item 11: Help lists the README's shortcuts and the version; the Data table's right-click menu acts on the rows. */
    @Test
    void helpListsTheShortcutsAndVersionAndTheDataTableHasARightClickMenu(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.MENU_HELP).clickOn("#" + NodeIds.MENU_SHORTCUTS);
        waitUntil(() -> robot.lookup("#" + NodeIds.SHORTCUTS_TABLE).tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ShortcutsPane.Shortcut> table = robot.lookup("#" + NodeIds.SHORTCUTS_TABLE).queryAs(TableView.class);
        Set<String> keys = new TreeSet<>(table.getItems().stream().map(ShortcutsPane.Shortcut::keys).toList());
        assertThat(keys).as("the dialog and the README list the same shortcuts").isEqualTo(readmeShortcuts());
        assertThat(table.getItems()).contains(new ShortcutsPane.Shortcut("Ctrl+Shift+O", "File ▸ Open folder…"));
        fx(() -> table.getScene().getWindow().hide());
        robot.clickOn("#" + NodeIds.MENU_HELP).clickOn("#" + NodeIds.MENU_ABOUT);
        waitUntil(() -> robot.lookup("#" + NodeIds.ABOUT_TEXT).tryQuery().isPresent());
        String pomVersion = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml"))).results()
                .findFirst().orElseThrow().group(1);
        assertThat(ProductVersion.get()).isEqualTo(pomVersion);
        assertThat(robot.lookup("#" + NodeIds.ABOUT_TEXT).queryLabeled().getText()).startsWith("Version " + pomVersion);
        fx(() -> robot.lookup("#" + NodeIds.ABOUT_TEXT).query().getScene().getWindow().hide());

        app.loadSampleFolder();
        int rows = app.model.patterns().size();
        PatternEntry third = app.model.patterns().get(2);
        openRowMenu(robot, 1);
        robot.clickOn("#" + NodeIds.CONTEXT_REMOVE);
        waitUntil(() -> app.model.patterns().size() == rows - 1);
        openRowMenu(robot, 1);
        for (String id : List.of(NodeIds.CONTEXT_REFINE, NodeIds.CONTEXT_IDENTIFY, NodeIds.CONTEXT_EXPORT)) {
            assertThat(robot.lookup("#" + id).tryQuery()).as(id).isPresent();
        }
        robot.clickOn("#" + NodeIds.CONTEXT_OPEN_IN_SPECTRA);
        waitUntil(() -> app.model.requestedViewProperty().get() == WorkbenchView.SPECTRA);
        assertThat(app.model.current()).isSameAs(third);
    }

    /**
     * Selects a row and opens the table's right-click menu there. (Monocle's headless robot sends no
     * context-menu request for a right click, so the test shows the menu the table would.)
     */
    private void openRowMenu(FxRobot robot, int row) throws Exception {
        Node cell = robot.lookup(".table-row-cell").nth(row).queryAs(Node.class);
        robot.clickOn(cell);
        fx(() -> app.window.dataView().tableView().getContextMenu().show(cell, javafx.geometry.Side.BOTTOM, 20, 0));
        waitUntil(() -> app.window.dataView().tableView().getContextMenu().isShowing());
    }

    /** The keys of the README's "Shortcuts:" sentence ("Ctrl+1…7" is seven of them). */
    private static Set<String> readmeShortcuts() throws Exception {
        String readme = Files.readString(Path.of("README.md")).replace('\n', ' ');
        int from = readme.indexOf("Shortcuts: ");
        String sentence = readme.substring(from + "Shortcuts: ".length(), readme.indexOf(". ", from));
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("(?:Ctrl\\+)?(?:Shift\\+)?(?:Alt\\+)?(?:F1|Esc|[A-Z0-9→←])(?:…(\\d))?(?=[ ,]|$)").matcher(sentence);
        while (m.find()) {
            String key = m.group();
            if (m.group(1) != null) {
                String base = key.substring(0, key.indexOf('…') - 1);
                int first = key.charAt(key.indexOf('…') - 1) - '0';
                for (int k = first; k <= Integer.parseInt(m.group(1)); k++) {
                    keys.add(base + k);
                }
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Item 13: a new point is appended to the curve's data set on the chart: the same data set, one point more. */
    @Test
    void aNewPointIsAppendedToTheDrawnCurve() throws Exception {
        RunRow row = new RunRow(new JobView("job-77", "classifier", JobState.RUNNING, null, "t", "t", null, 1, 0, 0, 100,
                false, List.of(), null));
        fx(() -> {
            for (int s = 1; s <= 50; s++) {
                row.history().add(new MetricsPoint(s, MetricsPoint.METRICS, 0, s, 100, Map.of("loss", 1.0 / s, "accuracy", s / 100.0), "t"));
            }
            app.window.trainingViewModel().runs().add(row);
            app.window.trainingViewModel().selectedRunProperty().set(row);
        });
        List<DataSet> before = fxGet(() -> app.window.trainingView().curves());
        assertThat(before).extracting(DataSet::getName).containsExactly("loss", "accuracy");
        assertThat(before).allSatisfy(ds -> assertThat(ds.getDataCount()).isEqualTo(50));
        fx(() -> row.history().add(new MetricsPoint(51, MetricsPoint.METRICS, 0, 51, 100, Map.of("loss", 0.01, "accuracy", 0.6), "t")));
        List<DataSet> after = fxGet(() -> app.window.trainingView().curves());
        assertThat(after.get(0)).isSameAs(before.get(0));
        assertThat(after.get(1)).isSameAs(before.get(1));
        assertThat(after).allSatisfy(ds -> assertThat(ds.getDataCount()).isEqualTo(51));
        assertThat(after.get(0).get(DataSet.DIM_Y, 50)).isEqualTo(0.01);
    }
}
