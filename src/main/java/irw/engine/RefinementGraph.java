package irw.engine;

import irw.engine.net.ParamSource;
import irw.engine.net.RefinerNetwork;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The graph of Algorithm 2: r = R(x) (for patterns under the network's physical constraints),
 * e = F(r), logits = G(e) through the FROZEN classifier (its parameters and prototypes are graph
 * constants, so no gradient reaches them), and L_R = l_pred + α·l_reg + β·l_proto of eq. 3 as
 * {@link RefinementObjective} builds it.
 * Placeholders: "input" [B,1,H,W] and, when targeted, "labels" [B,K]. Outputs: "loss", "l_pred",
 * "l_reg", "l_proto", "refined", "logits".
 */
final class RefinementGraph {
    final SameDiff sd;
    final Map<String, INDArray> refinerParams = new LinkedHashMap<>();

    RefinementGraph(PrototypicalClassifier classifier, RefinerNetwork refiner, ParamSource refinerParamSource, RefinerTrainingConfig config) {
        sd = SameDiff.create();
        int classes = classifier.classes().size();
        SDVariable x = sd.placeHolder("input", DataType.FLOAT, Batches.nchw(-1, classifier.itemShape()));
        SDVariable r = refiner.build(sd, x, refinerParamSource);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                refinerParams.put(v.name(), v.getArr());
            }
        }
        SDVariable labels = config.targeted() ? sd.placeHolder("labels", DataType.FLOAT, -1, classes) : null;
        RefinementObjective o = RefinementObjective.build(sd, classifier, x, r, labels, config.p(), config.featureSpaceReg());
        sd.identity("l_pred", o.lPred());
        sd.identity("l_proto", o.lProto());
        sd.identity("l_reg", o.lReg());
        sd.identity("logits", o.onRefined().logits());
        SDVariable loss = o.loss("loss", config.alpha(), config.beta());
        sd.setLossVariables(loss);
    }
}
