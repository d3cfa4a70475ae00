package irw.engine;

import irw.core.data.LabelledDataSet;
import irw.digits.InkMetrics;
import irw.engine.net.RefinerNetwork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default digit refiner is physical by construction: grey levels in [0, 1], nothing painted away from the ink. */
class ShapedDigitRefinerTest {

    @Test
    void trainedDigitRefinerStaysInRangeAndNearTheInk() throws Exception {
        PrototypicalClassifier clf = TestData.digitClassifier();
        LabelledDataSet digits = TestData.mnist("train", 8);
        assertThat(RefinerNetwork.create(new int[]{28, 28}, null).architecture()).isEqualTo("unet2d-16-32-64-b3-r2");
        // a large learning rate and no l_reg: the refiner is pushed as hard as it goes
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0, 1, true, 1, false, 1, 16, 0.05, 3).withStepsPerEpoch(6);
        Refiner refiner = new RefinerTrainer(cfg).train(clf, digits, TrainingListener.NONE).model();
        LabelledDataSet test = TestData.mnist("test", 3);
        float[][] refined = refiner.refine(test.items());
        double moved = 0;
        for (int i = 0; i < refined.length; i++) {
            for (int p = 0; p < 784; p++) {
                assertThat(refined[i][p]).isBetween(0f, 1f);
                moved += Math.abs(refined[i][p] - test.items()[i][p]);
            }
            // the change is multiplied by the raw ink dilated by 2 px (a max-pool): beyond that nothing is added
            // (faint anti-aliased pixels below InkMetrics.INK let a little through at 2 px, none at 3)
            assertThat(InkMetrics.farInk(test.items()[i], refined[i], 2)).isLessThan(0.01);
            assertThat(InkMetrics.farInk(test.items()[i], refined[i], 3)).isLessThan(1e-3);
        }
        assertThat(moved).as("the refiner did change the digits").isGreaterThan(1);
    }

    @Test
    void perImageRefinementWithTheDigitShapeAddsNoSpeckleAndNoFarStrokes() throws Exception {
        PrototypicalClassifier clf = TestData.digitClassifier();
        LabelledDataSet test = TestData.mnist("test", 1);
        PerPatternRefiner plain = new PerPatternRefiner(clf);
        PerPatternRefiner shaped = new PerPatternRefiner(clf).withChangeShape(new ImageChangeShape(28, 28, 2));
        PerPatternRefiner.Settings s = new PerPatternRefiner.Settings(0.1, 0.5, -1, 15, 0.08);
        double tvRaw = 0;
        double tvPlain = 0;
        double tvShaped = 0;
        for (int i = 0; i < test.size(); i++) {
            float[] x = test.items()[i];
            float[] p = plain.refine(x, s, () -> false).refined();
            float[] r = shaped.refine(x, s, () -> false).refined();
            tvRaw += InkMetrics.totalVariation(x);
            tvPlain += InkMetrics.totalVariation(p);
            tvShaped += InkMetrics.totalVariation(r);
            for (float v : r) {
                assertThat(v).isBetween(0f, 1f);
            }
            assertThat(InkMetrics.farInk(x, r, 3)).isLessThan(1e-3);
            assertThat(InkMetrics.totalVariation(r)).isLessThanOrEqualTo(InkMetrics.totalVariation(x) * (1 + ImageChangeShape.TV_SLACK) + 1e-3);
        }
        // pixel-wise Adam speckles the digit; the shaped steps keep its total variation at or below the raw one
        assertThat(tvPlain).isGreaterThan(tvRaw);
        assertThat(tvShaped).isLessThan(tvPlain);
    }
}
