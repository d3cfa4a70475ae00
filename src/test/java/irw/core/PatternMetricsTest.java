package irw.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each metric on values worked out by hand. */
class PatternMetricsTest {
    @Test
    void l1AndL2() {
        double[] a = {1, 2, 3};
        double[] b = {2, 0, 3};
        assertThat(PatternMetrics.l1(a, b)).isEqualTo(3.0);          // 1 + 2 + 0
        assertThat(PatternMetrics.l2(a, b)).isEqualTo(Math.sqrt(5)); // sqrt(1 + 4 + 0)
        assertThat(PatternMetrics.l1(a, a)).isZero();
    }

    @Test
    void klDivergenceOfAreaNormalisedPatterns() {
        // p = (1/2, 1/2), q = (1/4, 3/4): KL = ½ ln 2 + ½ ln(2/3) = 0.1438410362...
        assertThat(PatternMetrics.klDivergence(new double[]{1, 1}, new double[]{1, 3})).isCloseTo(0.14384103622589045, within(1e-9));
        // the scale of either pattern does not matter
        assertThat(PatternMetrics.klDivergence(new double[]{5, 5}, new double[]{2, 6})).isCloseTo(0.14384103622589045, within(1e-9));
        assertThat(PatternMetrics.klDivergence(new double[]{3, 1, 4}, new double[]{3, 1, 4})).isZero();
    }

    @Test
    void klEpsilonKeepsEmptyBinsFinite() {
        // p = ((1+ε), ε)/(1+2ε), q = (ε, (1+ε))/(1+2ε): KL = (1/(1+2ε)) ln((1+ε)/ε) ≈ ln(1e10) = 23.0258509...
        double e = PatternMetrics.KL_EPSILON;
        double expected = ((1 + e) - e) / (1 + 2 * e) * Math.log((1 + e) / e);
        assertThat(PatternMetrics.klDivergence(new double[]{1, 0}, new double[]{0, 1})).isCloseTo(expected, within(1e-9))
                .isCloseTo(23.025850929940457, within(1e-6));
        // negative intensities are clipped to 0 before normalising
        assertThat(PatternMetrics.klDivergence(new double[]{1, -5}, new double[]{1, 0})).isCloseTo(0, within(1e-12));
    }

    @Test
    void normalisedCrossCorrelation() {
        double[] a = {1, 2, 3};
        assertThat(PatternMetrics.ncc(a, new double[]{2, 4, 6})).isCloseTo(1, within(1e-15));
        assertThat(PatternMetrics.ncc(a, new double[]{3, 2, 1})).isCloseTo(-1, within(1e-15));
        // deviations (-1, 0, 1) and (-1, 1, 0): 1 / sqrt(2 · 2) = 0.5
        assertThat(PatternMetrics.ncc(a, new double[]{1, 3, 2})).isCloseTo(0.5, within(1e-15));
        assertThat(PatternMetrics.ncc(a, new double[]{7, 7, 7})).isZero();
    }

    @Test
    void patternsOfDifferentLengthAreRefused() {
        assertThatThrownBy(() -> PatternMetrics.l1(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resample");
    }

    @Test
    void patternOverloadsAgreeWithArrays() {
        Pattern a = new Pattern(new double[]{1, 2, 3}, new double[]{1, 2, 3}, PatternMetadata.named("a"));
        Pattern b = new Pattern(new double[]{1, 2, 3}, new double[]{2, 0, 3}, PatternMetadata.named("b"));
        assertThat(PatternMetrics.l1(a, b)).isEqualTo(3);
        assertThat(PatternMetrics.l2(a, b)).isEqualTo(Math.sqrt(5));
        assertThat(PatternMetrics.ncc(a, b)).isEqualTo(PatternMetrics.ncc(new double[]{1, 2, 3}, new double[]{2, 0, 3}));
        assertThat(PatternMetrics.klDivergence(a, a)).isZero();
    }
}
