package irw.engine;

import irw.engine.net.ParamSource;
import irw.engine.net.PatternConstraints;
import irw.engine.net.UNet1d;
import irw.engine.net.UNet2d;
import irw.engine.net.RefinerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finite-difference check of SameDiff's gradients through the U-Nets, skip connections
 * (concat), max-pooling and upsampling included: a skip-connection gradient bug was reported
 * against SameDiff M2 (issue #9655). In double precision.
 */
class UNetGradientCheckTest {
    /**
     * Elements checked per parameter tensor (a random sample: SameDiff's per-call overhead makes each
     * finite difference cost milliseconds). The 2-D tolerance allows for ReLU kinks that a ±1e-6 step
     * of a bias crosses in a 16-map layer.
     */
    private static final int PER_TENSOR = 12;

    @Test
    void tinyUNet1dGradientsMatchFiniteDifferences() {
        check(new UNet1d(16, 2, 2, new PatternConstraints(1, 2, 3, 1.2, 3, 0.5, true, false)), new long[]{2, 1, 1, 16}, 1e-4);
    }

    @Test
    void tinyUNet2dGradientsMatchFiniteDifferences() {
        check(new UNet2d(4, 4), new long[]{1, 1, 4, 4}, 1e-3);
    }

    private static void check(RefinerNetwork net, long[] inputShape, double tolerance) {
        Random rng = new Random(3);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("input", DataType.DOUBLE, inputShape);
        // every weight random (also the output layer, which the real refiner starts at zero)
        ParamSource random = (g, name, shape, fanIn, init) -> g.var(name,
                ParamSource.initial(name, shape, fanIn, ParamSource.Init.HE, 5).castTo(DataType.DOUBLE).addi(0.05));
        SDVariable r = net.build(sd, x, random);
        INDArray target = Nd4j.rand(DataType.DOUBLE, inputShape);
        SDVariable diff = r.sub(sd.constant("target", target));
        SDVariable loss = diff.mul(diff).sum().add("loss", sd.math().sin(r).sum());
        sd.setLossVariables(loss);
        INDArray input = Nd4j.rand(DataType.DOUBLE, inputShape).subi(0.5);
        Map<String, INDArray> ph = Map.of("input", input);
        List<String> params = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.add(v.name());
            }
        }
        Map<String, INDArray> grads = sd.calculateGradients(ph, params);
        double eps = 1e-6;
        int checked = 0;
        double worst = 0;
        String worstAt = "";
        for (String p : params) {
            INDArray w = sd.getVariable(p).getArr();
            INDArray g = grads.get(p);
            assertThat(g).as("gradient of " + p).isNotNull();
            for (int k = 0; k < Math.min(w.length(), PER_TENSOR); k++) {
                long i = w.length() <= PER_TENSOR ? k : (long) (rng.nextDouble() * w.length());
                double orig = w.getDouble(i);
                w.putScalar(i, orig + eps);
                double plus = sd.outputSingle(ph, "loss").getDouble(0);
                w.putScalar(i, orig - eps);
                double minus = sd.outputSingle(ph, "loss").getDouble(0);
                w.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = g.getDouble(i);
                double err = Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
                if (err > worst) {
                    worst = err;
                    worstAt = p + "[" + i + "] numeric " + numeric + " analytic " + analytic;
                }
                checked++;
            }
        }
        System.out.println(net.architecture() + ": " + checked + " parameters checked, worst relative error " + worst + " at " + worstAt);
        assertThat(worst).as(worstAt).isLessThan(tolerance);
    }
}
