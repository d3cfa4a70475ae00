package irw.digits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InkMetricsTest {

    @Test
    void speckleRaisesTotalVariationAndFarStrokesAreCounted() {
        float[] seven = DigitRenderer.render(DigitFont.SERIF, 7, 0, 0, 0);
        double tv = InkMetrics.totalVariation(seven);
        float[] speckled = seven.clone();
        for (int p = 0; p < speckled.length; p += 7) {
            speckled[p] = Math.min(1, speckled[p] + 0.1f);
        }
        assertThat(InkMetrics.totalVariation(speckled)).isGreaterThan(tv + 10);
        assertThat(InkMetrics.farInk(seven, seven, 2)).isZero();
        float[] extra = seven.clone();
        extra[27 * 28 + 27] = 1; // a dot in the far corner
        double ink = 0;
        for (float v : seven) {
            ink += v;
        }
        assertThat(InkMetrics.farInk(seven, extra, 2)).isCloseTo(1 / ink, within(1e-9));
        float[] thicker = seven.clone(); // thickening right next to a stroke is not "far"
        for (int p = 0; p + 1 < thicker.length; p++) {
            if (seven[p + 1] > 0.5f) {
                thicker[p] = 1;
            }
        }
        assertThat(InkMetrics.farInk(seven, thicker, 2)).isZero();
    }

    @Test
    void totalVariationOfAFlatImageIsZeroAndOfAnEdgeIsItsLength() {
        assertThat(InkMetrics.totalVariation(new float[784])).isZero();
        float[] half = new float[784];
        for (int p = 0; p < 784; p++) {
            half[p] = p % 28 < 14 ? 1 : 0;
        }
        assertThat(InkMetrics.totalVariation(half)).isEqualTo(28.0);
    }
}
