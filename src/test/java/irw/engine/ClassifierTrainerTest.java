package irw.engine;

import irw.core.ConfusionMatrix;
import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTrainerTest {

    @Test
    void prototypicalClassifierLearnsRealDigits() throws Exception {
        LabelledDataSet train = TestData.mnist("train", 100);
        LabelledDataSet test = TestData.mnist("test", 30);
        List<TrainingMetrics> seen = new ArrayList<>();
        long t0 = System.nanoTime();
        TrainingOutcome<PrototypicalClassifier> out = new ClassifierTrainer(
                new ClassifierTrainingConfig(1.0, 1, 8, 2e-3, 7, ModelSpec.SMALL).withStepsPerEpoch(60)).train(train, m -> { seen.add(m); System.out.printf("step %d %.2f s%n", m.step(), (System.nanoTime() - t0) / 1e9); });
        System.out.printf("digits: 60 steps in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        PrototypicalClassifier c = out.model();
        Classification r = c.classify(test.items());
        double acc = ConfusionMatrix.accuracy(test.labels(), r.predictedLabels());
        System.out.println("digits test accuracy " + acc + " first loss " + seen.get(0).values() + " last " + seen.get(seen.size() - 1).values());
        assertThat(out.cancelled()).isFalse();
        assertThat(seen).hasSize(60);
        assertThat(acc).isGreaterThan(0.75);
        assertThat(seen.get(59).value("l_f")).isLessThan(seen.get(0).value("l_f"));
    }
}
