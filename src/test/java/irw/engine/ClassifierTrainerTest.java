package irw.engine;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import irw.engine.net.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifierTrainerTest {

    @Test
    void standardClassifierOnPatternsResumesBitIdenticallyFromACheckpoint(@TempDir Path dir) {
        LabelledDataSet peaks = TestData.peaks(3, 20, 400, 1);
        ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(0.0, 2, 4, 2e-3, 13, ModelSpec.SMALL).withStepsPerEpoch(3);
        PrototypicalClassifier straight = new ClassifierTrainer(cfg).train(peaks, TrainingListener.NONE).model();
        assertThat(straight.lambda()).isZero();

        Path ckpt = dir.resolve("classifier.ckpt");
        AtomicInteger seen = new AtomicInteger();
        TrainingListener stopAfter2 = new TrainingListener() {
            @Override
            public void onMetrics(TrainingMetrics m) {
                seen.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return seen.get() >= 2;
            }
        };
        assertThat(new ClassifierTrainer(cfg).withCheckpoint(new Checkpointing(ckpt, 5)).train(peaks, stopAfter2).cancelled()).isTrue();
        List<TrainingMetrics> rest = new ArrayList<>();
        TrainingOutcome<PrototypicalClassifier> resumed = new ClassifierTrainer(cfg).withCheckpoint(new Checkpointing(ckpt, 5)).train(peaks, rest::add);
        assertThat(rest).extracting(TrainingMetrics::step).containsExactly(3L, 4L, 5L, 6L);
        assertThat(rest.get(3).epoch()).isEqualTo(1);
        straight.parameters().forEach((k, v) -> assertThat(resumed.model().parameters().get(k).data().asFloat()).as(k)
                .containsExactly(v.data().asFloat()));
        assertThat(resumed.model().prototypes()).isDeepEqualTo(straight.prototypes());
    }

    @Test
    void aClassWithoutItemsIsRefused() {
        LabelledDataSet peaks = TestData.peaks(3, 4, 400, 1);
        LabelledDataSet twoClasses = peaks.subset(new int[]{0, 1, 2, 3, 4, 5, 6, 7});
        assertThatThrownBy(() -> new ClassifierTrainer(new ClassifierTrainingConfig(1, 1, 2, 1e-3, 1, ModelSpec.SMALL)).train(twoClasses,
                TrainingListener.NONE)).hasMessageContaining("class 'class2' has no items");
    }

    @Test
    void prototypicalClassifierLearnsRealDigits() throws Exception {
        PrototypicalClassifier c = TestData.digitClassifier();
        List<TrainingMetrics> seen = TestData.DIGIT_CLASSIFIER_METRICS;
        LabelledDataSet test = TestData.mnist("test", 30);
        double acc = ConfusionMatrix.accuracy(test.labels(), c.classify(test.items()).predictedLabels());
        System.out.println("digits test accuracy " + acc + " first " + seen.get(0).values() + " last " + seen.get(seen.size() - 1).values());
        assertThat(seen).hasSize(40);
        assertThat(seen).extracting(TrainingMetrics::step).startsWith(1L, 2L, 3L);
        assertThat(acc).isGreaterThan(0.6);
        assertThat(seen.get(39).value("l_f")).isLessThan(seen.get(0).value("l_f") / 10);
        assertThat(c.prototypes()).hasNumberOfRows(10);
    }
}
