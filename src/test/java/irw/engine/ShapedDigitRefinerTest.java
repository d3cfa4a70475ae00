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
        assertThat(RefinerNetwork.create(new int[]{28, 28}).architecture()).isEqualTo("unet2d-16-32-64-b3-r2");
        // a large learning rate and no l_reg: the refiner is pushed as hard as it goes
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0, 1, true, 1, false, 1, 16, 0.05, 3).withStepsPerEpoch(12);
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
}
