package irw.engine;

import irw.core.ClassSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {
    private static float[] sure(int k, float p) {
        float[] probs = new float[10];
        java.util.Arrays.fill(probs, (1 - p) / 9);
        probs[k] = p;
        return probs;
    }

    @Test
    void aNearlyCertainAnswerIsNeverShownAsOneHundredPercent() {
        assertThat(Verdict.of(sure(7, 0.996f), Calibration.NONE).describe(ClassSet.DIGITS)).isEqualTo("7 (> 99 %)");
        assertThat(Verdict.of(sure(7, 0.87f), Calibration.NONE).describe(ClassSet.DIGITS)).isEqualTo("7 (87 %)");
    }

    @Test
    void underTheCalibratedThresholdTheAnswerIsUncertainWithTheRunnerUp() {
        float[] p = new float[10];
        p[2] = 0.41f;
        p[7] = 0.30f;
        p[1] = 0.29f;
        Calibration c = new Calibration("temperature", 1.2, "held out", 100, 0.1, 0.05, 1, 0.9, 0.6, 0.9, 0.5);
        assertThat(Verdict.of(p, c).describe(ClassSet.DIGITS)).isEqualTo("uncertain: 2 41 % or 7 30 %");
        assertThat(Verdict.percent(0.001)).isEqualTo("< 1 %");
    }
}
