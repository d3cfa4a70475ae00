package irw.core;

import irw.xrd.io.PatternReaders;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResamplingAndNormalisationTest {
    @Test
    void linearInterpolationInsideAndZeroOutside() {
        Pattern p = new Pattern(new double[]{0, 1, 2}, new double[]{0, 10, 20}, PatternMetadata.named("ramp"));
        Pattern r = Resampler.resample(p, new TwoThetaGrid(-1, 3, 9, Wavelength.CU_KALPHA));
        assertThat(r.twoThetaValues()).containsExactly(-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3);
        assertThat(r.intensityValues()).containsExactly(0, 0, 0, 5, 10, 15, 20, 0, 0);
        Pattern uneven = new Pattern(new double[]{10, 12, 13}, new double[]{0, 4, 2}, PatternMetadata.named("uneven"));
        assertThat(Resampler.resample(uneven, new TwoThetaGrid(10, 13, 7, Wavelength.CU_KALPHA)).intensityValues())
                .containsExactly(new double[]{0, 1, 2, 3, 4, 3, 2}, within(1e-12));
    }

    @Test
    void realPatternOnTheDefaultGrid() throws Exception {
        Pattern mno = PatternReaders.read(Path.of("sample-data/measured/MnO.xy")).get(0);
        Pattern r = Resampler.resample(mno, TwoThetaGrid.DEFAULT);
        assertThat(r.size()).isEqualTo(2000);
        assertThat(r.firstTwoTheta()).isEqualTo(5);
        assertThat(r.lastTwoTheta()).isCloseTo(80, within(1e-12));
        assertThat(r.intensity(0)).isZero(); // 5° lies below the measured 10-100°
        // grid point 200 = 5 + 200·75/1999 = 12.50375...°, between lines "12.5 2332" and "12.51 2299"
        double t = (TwoThetaGrid.DEFAULT.at(200) - 12.5) / 0.01;
        assertThat(r.intensity(200)).isCloseTo(2332 + t * (2299 - 2332), within(1e-6)).isCloseTo(2319.6188, within(1e-3));
        assertThat(r.metadata()).isEqualTo(mno.metadata());
    }

    @Test
    void gridFacts() {
        assertThat(TwoThetaGrid.DEFAULT.points()).isEqualTo(2000);
        assertThat(TwoThetaGrid.DEFAULT.step()).isEqualTo(75.0 / 1999);
        assertThat(TwoThetaGrid.DEFAULT.indexOf(80)).isCloseTo(1999, within(1e-9));
        assertThatThrownBy(() -> new TwoThetaGrid(5, 5, 10, Wavelength.CU_KALPHA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxAndAreaNormalisation() {
        double[] v = {1, 2, 4};
        assertThat(Normalisation.MAX.apply(v)).containsExactly(0.25, 0.5, 1);
        assertThat(Normalisation.AREA.apply(v)).containsExactly(1 / 7.0, 2 / 7.0, 4 / 7.0);
        assertThat(Normalisation.NONE.apply(v)).containsExactly(1, 2, 4);
        assertThat(v).containsExactly(1, 2, 4); // the input is not modified
        assertThat(Normalisation.MAX.apply(new double[]{0, 0})).containsExactly(0, 0);
        assertThat(Normalisation.AREA.apply(new double[]{0, 0})).containsExactly(0, 0);
    }

    @Test
    void normalisationNeverFlipsTheSignOfAPattern() {
        // dividing by a negative maximum or sum would turn the pattern upside down
        assertThat(Normalisation.MAX.apply(new double[]{-1, -2})).containsExactly(-1, -2);
        assertThat(Normalisation.AREA.apply(new double[]{1, -3})).containsExactly(1, -3);
        assertThat(Normalisation.MAX.apply(new double[]{-1, 2})).containsExactly(-0.5, 1);
    }

    @Test
    void patternInvariantsAndWavelength() {
        PatternMetadata md = PatternMetadata.named("x");
        assertThatThrownBy(() -> new Pattern(new double[]{1, 1}, new double[]{1, 2}, md)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new Pattern(new double[]{1, 2}, new double[]{1, Double.NaN}, md)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Pattern(new double[]{1, 2}, new double[]{1}, md)).hasMessageContaining("2 points");
        double[] x = {1, 2};
        Pattern p = new Pattern(x, new double[]{3, 4}, md);
        x[0] = 99;
        assertThat(p.twoTheta(0)).isEqualTo(1); // defensive copy
        assertThat(Wavelength.CU_KALPHA.weightedMean()).isCloseTo((1.540562 + 0.5 * 1.544390) / 1.5, within(1e-12));
        assertThat(Wavelength.single(1.5406).hasKAlpha2()).isFalse();
        assertThatThrownBy(() -> Wavelength.single(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
