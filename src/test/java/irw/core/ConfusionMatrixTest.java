package irw.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfusionMatrixTest {
    private static final ClassSet ABC = new ClassSet(List.of("a", "b", "c"));

    @Test
    void countsAccuracyAndRecall() {
        int[] truth = {0, 0, 1, 2, 2, 2};
        int[] predicted = {0, 1, 1, 2, 0, 2};
        ConfusionMatrix m = ConfusionMatrix.of(ABC, truth, predicted);
        assertThat(m.total()).isEqualTo(6);
        assertThat(m.count(0, 0)).isEqualTo(1);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(2, 0)).isEqualTo(1);
        assertThat(m.count(2, 2)).isEqualTo(2);
        assertThat(m.count(1, 2)).isZero();
        assertThat(m.accuracy()).isEqualTo(4.0 / 6);
        assertThat(ConfusionMatrix.accuracy(truth, predicted)).isEqualTo(4.0 / 6);
        assertThat(m.recall(0)).isEqualTo(0.5);
        assertThat(m.recall(2)).isEqualTo(2.0 / 3);
    }

    @Test
    void emptyAndAbsentClassesGiveNaN() {
        ConfusionMatrix m = ConfusionMatrix.of(ABC, new int[]{0}, new int[]{0});
        assertThat(m.recall(1)).isNaN();
        assertThat(new ConfusionMatrix(ABC).accuracy()).isNaN();
        assertThat(ConfusionMatrix.accuracy(new int[0], new int[0])).isNaN();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> ConfusionMatrix.of(ABC, new int[]{0, 1}, new int[]{0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfusionMatrix(ABC).add(3, 0)).hasMessageContaining("out of range");
        assertThat(ClassSet.CRYSTAL_SYSTEMS.indexOf(" Cubic ")).isEqualTo(6);
        assertThat(ClassSet.DIGITS.size()).isEqualTo(10);
        assertThatThrownBy(() -> new ClassSet(List.of("x", "x"))).hasMessageContaining("unique");
    }
}
