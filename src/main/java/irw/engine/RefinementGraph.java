package irw.engine;

import irw.engine.net.ClassifierGraph;
import irw.engine.net.Losses;
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
 * The graph of Algorithm 2: r = R(x), e = F(r), logits = G(e) through the FROZEN classifier
 * (its parameters and prototypes are graph constants, so no gradient reaches them), and
 * L_R = l_pred + α·l_reg + β·l_proto of eq. 3 with
 * <ul>
 * <li>targeted: l_pred = H(C(r), y) (eq. 4), l_proto = −log p(y | e) over prototypes (eq. 5);</li>
 * <li>non-targeted: l_pred = entropy of C(r), l_proto = entropy of p(· | e) (eq. 6);</li>
 * <li>l_reg = ||Ψ(r) − Ψ(x)||_p (eq. 7), Ψ = identity or the classifier's first-layer features.</li>
 * </ul>
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
        ClassifierGraph onRefined = classifier.buildFrozen(sd, r);
        SDVariable prototypes = sd.constant("prototypes", classifier.prototypeArray());
        SDVariable logp = Losses.logSoftmax(sd, onRefined.logits());
        SDVariable protoLogp = Losses.prototypeLogProbabilities(sd, onRefined.embedding(), prototypes);
        SDVariable lPred;
        SDVariable lProto;
        if (config.targeted()) {
            SDVariable labels = sd.placeHolder("labels", DataType.FLOAT, -1, classes);
            lPred = Losses.negativeLogLikelihood(logp, labels);
            lProto = Losses.negativeLogLikelihood(protoLogp, labels);
        } else {
            lPred = Losses.entropy(sd, logp);
            lProto = Losses.entropy(sd, protoLogp);
        }
        SDVariable lReg;
        if (config.featureSpaceReg()) {
            SDVariable psiX = classifier.buildFrozen(sd, x).firstFeatures();
            lReg = Losses.pNorm(sd, onRefined.firstFeatures(), psiX, config.p());
        } else {
            lReg = Losses.pNorm(sd, r, x, config.p());
        }
        sd.identity("l_pred", lPred);
        sd.identity("l_proto", lProto);
        sd.identity("l_reg", lReg);
        sd.identity("logits", onRefined.logits());
        SDVariable loss = lPred.add(lReg.mul(config.alpha())).add("loss", lProto.mul(config.beta()));
        sd.setLossVariables(loss);
    }
}
