package irw.xrd.preprocess;

import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.TwoThetaGrid;
import irw.core.Wavelength;
import irw.xrd.io.PatternReaders;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The one preprocessing path, on real files: the measured-range marker, refusals, wavelength, bin-averaging. */
class ModelInputPreparationTest {
    private static final ModelInputPreparation PREP = ModelInputPreparation.standard(TwoThetaGrid.DEFAULT);

    @Test
    void aTenToHundredDegreeScanIsMarkedUnmeasuredBelowTenDegreesAndMaxScaledInside() throws Exception {
        Pattern mno = PatternReaders.read(Path.of("sample-data/measured/MnO.xy")).get(0);
        ModelInputPreparation.Prepared p = PREP.prepare(mno);
        TwoThetaGrid g = TwoThetaGrid.DEFAULT;
        int ten = (int) Math.round(g.indexOf(10.0));
        assertThat(p.refusal()).isEmpty();
        for (int i = 0; i < g.points(); i++) {
            if (i < ten) {
                assertThat(p.values()[i]).as("cell %d at %.3f°", i, g.at(i)).isEqualTo(ModelInputPreparation.UNMEASURED);
            } else {
                assertThat(p.values()[i]).as("cell %d at %.3f°", i, g.at(i)).isBetween(0f, 1f);
            }
        }
        assertThat(max(p.values())).isEqualTo(1f);
        assertThat(p.coverage()).isCloseTo((80.0 - 10.0) / 75.0, within(0.01));
        // MnO's strongest reflection (200) lies at 40.5° for Cu Kα1; background removal leaves it the maximum
        assertThat(g.at(argMax(p.values()))).isCloseTo(40.5, within(0.3));
    }

    @Test
    void aFourDegreeScanIsRefusedAsTooLittleMeasuredNamingItsRange() throws Exception {
        Pattern narrow = PatternReaders.read(Path.of("sample-data/instrument-files/23-012-AG_2thomegascan_long.brml")).get(0);
        ModelInputPreparation.Prepared p = PREP.prepare(narrow);
        assertThat(p.refusal()).contains(ModelInputPreparation.Refusal.TOO_LITTLE_MEASURED);
        assertThat(p.refusalMessage()).startsWith("too little of the pattern measured").contains("44.0-48.0°").contains("25 %");
        assertThat(p.values()).containsOnly(ModelInputPreparation.UNMEASURED);
    }

    @Test
    void allZeroAndAllNegativeCountsAreRefusedAsNoSignal() {
        double[] x = TwoThetaGrid.DEFAULT.axis();
        Pattern zero = new Pattern(x, new double[x.length], PatternMetadata.named("zeros"));
        double[] neg = new double[x.length];
        java.util.Arrays.fill(neg, -5);
        Pattern negative = new Pattern(x, neg, PatternMetadata.named("negative"));
        assertThat(PREP.prepare(zero).refusal()).contains(ModelInputPreparation.Refusal.NO_SIGNAL);
        assertThat(PREP.prepare(negative).refusal()).contains(ModelInputPreparation.Refusal.NO_SIGNAL);
        assertThat(PREP.prepare(negative).refusalMessage()).contains("zero or negative");
    }

    @Test
    void aPatternStatedInCobaltRadiationIsMovedToTheModelsCopperAnglesThroughTheDSpacing() {
        double d = 2.0;
        double co = 1.78897;
        double ttCo = 2 * Math.toDegrees(Math.asin(co / (2 * d)));
        double ttCu = 2 * Math.toDegrees(Math.asin(TwoThetaGrid.DEFAULT.wavelength().kAlpha1() / (2 * d)));
        double[] x = new double[4000];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + i * 0.02;
            y[i] = 10 + 1000 * Math.exp(-Math.pow((x[i] - ttCo) / 0.1, 2));
        }
        Pattern p = new Pattern(x, y, PatternMetadata.named("co").withWavelength(Wavelength.single(co)));
        ModelInputPreparation.Prepared prepared = PREP.prepare(p);
        assertThat(prepared.detail()).contains("converted");
        assertThat(TwoThetaGrid.DEFAULT.at(argMax(prepared.values()))).isCloseTo(ttCu, within(0.05));
    }

    @Test
    void binAveragingKeepsEveryCountOfAFineScanInsteadOfSamplingAQuarter() {
        // a 0.01° scan alternating 0 and 200 counts: every 0.0375° cell averages to about 100; sampling would see 0 or 200
        double[] x = new double[7501];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 5 + i * 0.01;
            y[i] = i % 2 == 0 ? 0 : 200;
        }
        irw.core.GridBinning.Binned b = irw.core.GridBinning.bin(new Pattern(x, y, PatternMetadata.named("comb")), TwoThetaGrid.DEFAULT);
        for (int i = 10; i < 1990; i++) {
            assertThat(b.values()[i]).isBetween(66.0, 134.0);
        }
    }

    @Test
    void thePreparationRoundTripsThroughItsRecordedForm() {
        ModelInputPreparation back = ModelInputPreparation.fromMap(TwoThetaGrid.DEFAULT, PREP.toMap());
        assertThat(back).isEqualTo(PREP);
        assertThat(PREP.toMap()).containsEntry("background", "snip").containsEntry("resampling", "bin-average")
                .containsEntry("unmeasured", -1f);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelInputPreparation.fromMap(TwoThetaGrid.DEFAULT,
                Map.of("resampling", "linear", "scaling", "max"))).hasMessageContaining("unknown preprocessing");
    }

    private static int argMax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }

    private static float max(float[] v) {
        return v[argMax(v)];
    }
}
