package irw.service;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.testsupport.TinyDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data sets a job spec can refer to, read from the real sample data. */
class DataSetFilesTest {
    private static final Path XRD = Path.of("sample-data/datasets/xrd").toAbsolutePath();

    @Test
    void readsTheXrdClassifierAndRefinerTrainingSets() {
        LabelledDataSet ideal = DataSetFiles.load(XRD.resolve("ideal.npz"), "data.train");
        LabelledDataSet imperfect = DataSetFiles.load(XRD.resolve("imperfect.npz"), "data.train");
        assertThat(ideal.shape()).containsExactly(2000);
        assertThat(ideal.classes()).isEqualTo(ClassSet.CRYSTAL_SYSTEMS);
        assertThat(ideal.isLabelled()).isTrue();
        assertThat(ideal.size()).isPositive().isLessThan(1200); // the training split only
        assertThat(imperfect.size()).isEqualTo(123); // the refiner's training set: half of each class's 240 imperfect patterns, rounded up
        assertThat(imperfect.shape()).containsExactly(2000);
    }

    @Test
    void readsIdxDigitsWithTheirLabelsBeside() {
        LabelledDataSet digits = DataSetFiles.load(TinyDigits.MNIST_TRAIN, "data.train");
        assertThat(digits.size()).isEqualTo(6000);
        assertThat(digits.shape()).containsExactly(28, 28);
        assertThat(digits.isLabelled()).isTrue();
    }

    @Test
    void anythingElseIsRefusedNamingTheFieldAndTheFile(@TempDir Path dir) throws Exception {
        Path cif = Path.of("sample-data/reference-structures/Li2CO3_15.cif").toAbsolutePath();
        assertThatThrownBy(() -> DataSetFiles.load(cif, "data.train"))
                .hasMessageStartingWith("data.train: ").hasMessageContaining("Li2CO3_15.cif");
        Path broken = dir.resolve("xrd");
        Files.createDirectories(broken);
        Files.copy(XRD.resolve("dataset.json"), broken.resolve("dataset.json"));
        byte[] ideal = Files.readAllBytes(XRD.resolve("ideal.npz"));
        Files.write(broken.resolve("ideal.npz"), java.util.Arrays.copyOf(ideal, ideal.length / 3));
        Files.copy(XRD.resolve("imperfect.npz"), broken.resolve("imperfect.npz"));
        assertThatThrownBy(() -> DataSetFiles.load(broken.resolve("ideal.npz"), "data.train"))
                .hasMessageStartingWith("data.train: ").hasMessageContaining("ideal.npz");
        assertThatThrownBy(() -> DataSetFiles.load(dir, "data.test")).hasMessageStartingWith("data.test: ");
    }
}
