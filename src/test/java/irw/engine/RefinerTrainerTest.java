package irw.engine;

import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Algorithm 2 on real digits, through a small classifier trained once for the class. */
class RefinerTrainerTest {
    private static PrototypicalClassifier classifier;
    private static LabelledDataSet imperfect;

    @BeforeAll
    static void trainClassifier() throws Exception {
        classifier = TestData.digitClassifier();
        imperfect = TestData.mnist("test", 8);
    }

    private static Map<String, float[]> snapshot(PrototypicalClassifier c) {
        Map<String, float[]> s = new LinkedHashMap<>();
        c.parameters().forEach((k, v) -> s.put(k, v.dup().data().asFloat()));
        s.put("prototypes", c.prototypeArray().dup().data().asFloat());
        return s;
    }

    @Test
    void classifierAndPrototypesStayBitIdentical() {
        Map<String, float[]> before = snapshot(classifier);
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0.01, 1.0, true, 1, true, 1, 8, 1e-2, 3).withStepsPerEpoch(3);
        TrainingOutcome<Refiner> out = new RefinerTrainer(cfg).train(classifier, imperfect, TrainingListener.NONE);
        Map<String, float[]> after = snapshot(classifier);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((k, v) -> assertThat(after.get(k)).as(k).containsExactly(v));
        // ... while the refiner itself did move away from its zero-initialised output layer
        assertThat(out.model().parameters().get("ref_out_W").amaxNumber().doubleValue()).isGreaterThan(0);
    }

    @Test
    void targetedRefinementLowersTheClassifiersLossOnTheImperfectItems() throws Exception {
        LabelledDataSet few = TestData.mnist("test", 4);
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0.001, 0.5, true, 1, false, 1, 10, 1e-2, 5).withStepsPerEpoch(30);
        // the unshaped U-Net: this checks the trainer (Algorithm 2), not the digit shaping (ShapedDigitRefinerTest)
        Refiner refiner = new RefinerTrainer(cfg).train(classifier, new irw.engine.net.UNet2d(28, 28), few, TrainingListener.NONE).model();
        double before = crossEntropy(classifier.classify(few.items()), few.labels());
        double after = crossEntropy(classifier.classify(refiner.refine(few.items())), few.labels());
        System.out.println("targeted: cross-entropy of the frozen classifier " + before + " -> " + after);
        assertThat(after).isLessThan(0.95 * before);
    }

    private static double crossEntropy(Classification c, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(1e-12, c.probabilities()[i][labels[i]]));
        }
        return sum / labels.length;
    }

    @Test
    void hugeAlphaReturnsTheInput() {
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(1e6, 1.0, false, 2, false, 1, 8, 1e-3, 9).withStepsPerEpoch(6);
        Refiner refiner = new RefinerTrainer(cfg).train(classifier, imperfect, TrainingListener.NONE).model();
        float[][] x = imperfect.items();
        float[][] r = refiner.refine(x);
        double maxDiff = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(r[i][j] - x[i][j]));
            }
        }
        System.out.println("alpha=1e6: max |R(x) - x| = " + maxDiff);
        assertThat(maxDiff).isLessThan(0.02);
    }

    @Test
    void explodingLossStopsWithAClearError() {
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0.0, 1.0, true, 1, false, 1, 4, 1e30, 1).withStepsPerEpoch(5);
        // unshaped: the shaped digit refiner clips its output to [0, 1], so its loss cannot explode
        assertThatThrownBy(() -> new RefinerTrainer(cfg).train(classifier, new irw.engine.net.UNet2d(28, 28), imperfect, TrainingListener.NONE))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("refiner training diverged at step")
                .hasMessageContaining("lower the learning rate");
    }

    @Test
    void nanInputIsRejectedByName() {
        float[][] items = imperfect.items().clone();
        items[3] = items[3].clone();
        items[3][100] = Float.NaN;
        LabelledDataSet bad = new LabelledDataSet(items, imperfect.shape(), imperfect.labels(), imperfect.ids(), imperfect.classes());
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0.01, 1.0, true, 1, false, 1, 80, 1e-3, 1).withStepsPerEpoch(1);
        assertThatThrownBy(() -> new RefinerTrainer(cfg).train(classifier, bad, TrainingListener.NONE))
                .hasMessageContaining("non-finite");
    }

    @Test
    void cancelledRunResumesFromItsCheckpointToTheSameResult(@TempDir Path dir) {
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0.01, 1.0, false, 1, false, 1, 8, 1e-3, 21).withStepsPerEpoch(6);
        Refiner straight = new RefinerTrainer(cfg).train(classifier, imperfect, TrainingListener.NONE).model();

        Path ckpt = dir.resolve("refiner.ckpt");
        AtomicInteger steps = new AtomicInteger();
        TrainingListener stopAfter3 = new TrainingListener() {
            @Override
            public void onMetrics(TrainingMetrics m) {
                steps.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return steps.get() >= 3;
            }
        };
        TrainingOutcome<Refiner> first = new RefinerTrainer(cfg).withCheckpoint(new Checkpointing(ckpt, 2)).train(classifier, imperfect, stopAfter3);
        assertThat(first.cancelled()).isTrue();
        assertThat(first.steps()).isEqualTo(3);
        assertThat(ckpt).exists();
        List<TrainingMetrics> resumedSteps = new ArrayList<>();
        TrainingOutcome<Refiner> second = new RefinerTrainer(cfg).withCheckpoint(new Checkpointing(ckpt, 2)).train(classifier, imperfect,
                resumedSteps::add);
        assertThat(second.cancelled()).isFalse();
        assertThat(resumedSteps).extracting(TrainingMetrics::step).containsExactly(4L, 5L, 6L);
        for (Map.Entry<String, INDArray> e : straight.parameters().entrySet()) {
            assertThat(second.model().parameters().get(e.getKey()).data().asFloat()).as(e.getKey())
                    .containsExactly(e.getValue().data().asFloat());
        }
    }

    @Test
    void checkpointOfAnotherRunIsRefused(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("r.ckpt");
        RefinerTrainingConfig a = new RefinerTrainingConfig(0.01, 1.0, false, 1, false, 1, 8, 1e-3, 1).withStepsPerEpoch(2);
        new RefinerTrainer(a).withCheckpoint(new Checkpointing(ckpt, 1)).train(classifier, imperfect, TrainingListener.NONE);
        RefinerTrainingConfig b = new RefinerTrainingConfig(0.01, 1.0, false, 1, false, 1, 8, 1e-3, 2).withStepsPerEpoch(2);
        assertThatThrownBy(() -> new RefinerTrainer(b).withCheckpoint(new Checkpointing(ckpt, 1)).train(classifier, imperfect, TrainingListener.NONE))
                .hasMessageContaining(ckpt.toString()).hasMessageContaining("another run");
        Files.writeString(ckpt, "not a zip");
        assertThatThrownBy(() -> new RefinerTrainer(a).withCheckpoint(new Checkpointing(ckpt, 1)).train(classifier, imperfect, TrainingListener.NONE))
                .hasMessageContaining(ckpt.toString());
    }
}
