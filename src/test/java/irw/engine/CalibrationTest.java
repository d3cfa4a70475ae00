package irw.engine;

import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    @Test
    void temperatureScalingRecoversTheTemperatureThatMadeTheLogitsOverconfident() {
        // Labels drawn from softmax(z); the classifier reports 3·z: fitting must find T ≈ 3 and lower the ECE.
        Random rng = new Random(5);
        int n = 4000;
        float[][] reported = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            float[] z = new float[10];
            for (int k = 0; k < 10; k++) {
                z[k] = (float) (rng.nextGaussian() * 1.5);
            }
            float[] p = Calibration.NONE.probabilities(z);
            double u = rng.nextDouble();
            int y = 0;
            for (double c = p[0]; c < u && y < 9; c += p[++y]) {
                // walk the cumulative distribution
            }
            labels[i] = y;
            reported[i] = new float[10];
            for (int k = 0; k < 10; k++) {
                reported[i][k] = 3 * z[k];
            }
        }
        Calibration c = TemperatureScaling.fit(reported, labels, "synthetic");
        assertThat(c.temperature()).isCloseTo(3.0, within(0.25));
        assertThat(c.eceAfter()).isLessThan(c.eceBefore() / 3);
        assertThat(c.nllAfter()).isLessThan(c.nllBefore());
        assertThat(c.items()).isEqualTo(n);
    }

    @Test
    void calibrationChangesConfidenceNotTheAnswerAndTravelsInTheModelFile(@TempDir Path dir) throws Exception {
        PrototypicalClassifier clf = TestData.digitClassifier();
        LabelledDataSet digits = TestData.mnist("test", 3);
        Calibration cal = new Calibration("temperature", 2.5, "MNIST train 500:600 per class", 1000, 0.1, 0.02, 0.9, 0.5);
        PrototypicalClassifier calibrated = clf.withCalibration(cal);
        Classification raw = clf.classify(digits.items());
        Classification soft = calibrated.classify(digits.items());
        assertThat(soft.predictedLabels()).containsExactly(raw.predictedLabels());
        for (int i = 0; i < raw.size(); i++) {
            if (raw.confidence(i) > 0.2) {
                assertThat(soft.confidence(i)).isLessThan(raw.confidence(i));
            }
        }
        Path file = dir.resolve("calibrated.irwm");
        ModelStore.save(calibrated, file);
        PrototypicalClassifier back = ModelStore.loadClassifier(file);
        assertThat(back.calibration()).isEqualTo(cal);
        assertThat(back.classify(digits.items()).probabilities()).isDeepEqualTo(soft.probabilities());
        Path plain = dir.resolve("plain.irwm");
        ModelStore.save(clf, plain);
        assertThat(ModelStore.loadClassifier(plain).calibration()).isEqualTo(Calibration.NONE);
    }

    @Test
    void badTemperaturesAndUnlabelledDataAreRefused() {
        assertThatThrownBy(() -> new Calibration("temperature", 0, "", 0, 0, 0, 0, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> TemperatureScaling.fit(new float[][]{{1, 2}}, new int[]{-1}, "x")).hasMessageContaining("labelled");
    }
}
