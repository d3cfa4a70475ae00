package irw.engine;

import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelStoreTest {
    private static PrototypicalClassifier classifier;
    private static LabelledDataSet digits;

    @BeforeAll
    static void setUp() throws Exception {
        classifier = TestData.digitClassifier();
        digits = TestData.mnist("test", 2);
    }

    @Test
    void classifierRoundTripsExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("digits-classifier.irwm");
        ModelStore.save(classifier, file);
        PrototypicalClassifier back = ModelStore.loadClassifier(file);
        assertThat(back.classes()).isEqualTo(classifier.classes());
        assertThat(back.itemShape()).containsExactly(28, 28);
        assertThat(back.seed()).isEqualTo(classifier.seed());
        assertThat(back.preprocessing()).isEqualTo(classifier.preprocessing());
        assertThat(back.prototypes()).isDeepEqualTo(classifier.prototypes());
        assertThat(back.classify(digits.items()).probabilities()).isDeepEqualTo(classifier.classify(digits.items()).probabilities());
        assertThat(ModelStore.kindOf(file)).isEqualTo("classifier");
    }

    @Test
    void refinerRoundTripsExactly(@TempDir Path dir) throws Exception {
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0.1, 0.5, true, 1, false, 1, 4, 1e-2, 4).withStepsPerEpoch(2);
        Refiner refiner = new RefinerTrainer(cfg).train(classifier, digits, TrainingListener.NONE).model();
        Path file = dir.resolve("digits-refiner.irwm");
        ModelStore.save(refiner, file);
        Refiner back = ModelStore.loadRefiner(file);
        assertThat(back.config()).isEqualTo(cfg);
        assertThat(back.classNames()).isEqualTo(classifier.classes().names());
        assertThat(back.refine(digits.items())).isDeepEqualTo(refiner.refine(digits.items()));
        assertThatThrownBy(() -> ModelStore.loadClassifier(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("refiner model, expected a classifier");
    }

    @Test
    void corruptTruncatedForeignAndFutureFilesAreRefusedByName(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.irwm");
        ModelStore.save(classifier, good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.irwm");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelStore.loadClassifier(truncated)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(truncated.toString());

        Path text = dir.resolve("notes.irwm");
        Files.writeString(text, "just some text");
        assertThatThrownBy(() -> ModelStore.loadClassifier(text)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a workbench model file");

        Path future = dir.resolve("future.irwm");
        try (OutputStream out = Files.newOutputStream(future); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{\"format\":\"irw-model\",\"formatVersion\":99,\"kind\":\"classifier\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ModelStore.loadClassifier(future)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(future.toString()).hasMessageContaining("newer");

        Path missing = dir.resolve("missing.irwm");
        assertThatThrownBy(() -> ModelStore.loadClassifier(missing)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
    }
}
