package irw.app.models;

import irw.app.SampleBatch;
import irw.app.refine.RefinementViewModel;
import irw.app.refine.TinyModels;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsViewModelTest {
    @TempDir
    Path dir;

    /**
     * Issue 14 item 2: opening a model over a loaded one asks first; a no keeps everything, a yes
     * replaces it, clears the refinements the old one made and recomputes every prediction, and the
     * status line names the model in use.
     */
    @Test
    void openingAModelOverALoadedOneAsksFirstAndClearsWhatTheOldOneMade() throws Exception {
        WorkbenchModel model = SampleBatch.loaded(dir.resolve("cfg"));
        model.refinementStepsProperty().set(3);
        LoadedModels loaded = new LoadedModels();
        RefinementViewModel refinement = new RefinementViewModel(model, loaded);
        List<String> questions = new ArrayList<>();
        boolean[] answer = {false};
        ModelsViewModel models = new ModelsViewModel(model, loaded, q -> {
            questions.add(q);
            return answer[0];
        });
        assertThat(loaded.summary().get()).isEqualTo("models: no XRD model · no digit model");
        models.loadXrd(TinyModels.xrdClassifier(), null);
        assertThat(questions).as("nothing to replace, nothing to ask").isEmpty();
        assertThat(loaded.summary().get()).isEqualTo("models: XRD xrd-classifier.zip · no digit model");
        PatternEntry refined = model.current();
        refinement.acceptPreview();
        assertThat(refined.refined()).isNotNull();

        Path other = Files.copy(TinyModels.xrdClassifier(), dir.resolve("other-classifier.irwm"));
        models.open(other);
        assertThat(questions).singleElement().asString()
                .startsWith("Replace the XRD model xrd-classifier.zip?")
                .contains("The predictions of " + model.patterns().size() + " patterns are recomputed", "the 1 refined pattern");
        assertThat(loaded.xrd().classifierFile()).as("no: nothing changes").isEqualTo(TinyModels.xrdClassifier());
        assertThat(refined.refined()).isNotNull();

        answer[0] = true;
        models.open(other);
        assertThat(questions).hasSize(2);
        assertThat(loaded.xrd().classifierFile()).isEqualTo(other);
        assertThat(loaded.summary().get()).isEqualTo("models: XRD other-classifier.irwm · no digit model");
        assertThat(refined.refined()).as("made with the replaced model").isNull();
        assertThat(refined.refinedBy()).isEmpty();
        assertThat(model.patterns()).allSatisfy(e -> assertThat(e.predictionProperty().get()).as(e.name()).isNotNull());
        assertThat(model.notifications().notifications()).anySatisfy(n ->
                assertThat(n.text()).isEqualTo("other-classifier.irwm: cleared 1 refined pattern made with xrd-classifier.zip"));
    }
}
