package irw.engine;

import irw.engine.net.ClassifierGraph;
import irw.engine.net.Losses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The terms of eq. 3, L = l_pred + α·l_reg + β·l_proto, for a refined item r of an input x seen
 * through the FROZEN classifier, built alike for the trained refiner (Algorithm 2,
 * {@link RefinementGraph}) and for per-pattern refinement ({@link PerPatternRefiner}), so that α
 * and β mean the same thing in both:
 * <ul>
 * <li>targeted: l_pred = H(C(r), y) (eq. 4), l_proto = −log p(y | e) over prototypes (eq. 5);</li>
 * <li>non-targeted: l_pred = entropy of C(r), l_proto = entropy of p(· | e) (eq. 6);</li>
 * <li>l_reg = ||Ψ(r) − Ψ(x)||_p (eq. 7), Ψ = identity or the classifier's first-layer features;
 *     cells outside the measured range are equal in r and x, so they add nothing.</li>
 * </ul>
 *
 * @param onRefined the classifier's graph on r (its logits are also the prediction shown)
 */
record RefinementObjective(SDVariable lPred, SDVariable lReg, SDVariable lProto, ClassifierGraph onRefined) {

    /**
     * @param labels one-hot targets [B, K] (targeted), or null for the non-targeted entropies
     */
    static RefinementObjective build(SameDiff sd, PrototypicalClassifier classifier, SDVariable x, SDVariable r, SDVariable labels, int p,
                                     boolean featureSpaceReg) {
        ClassifierGraph onRefined = classifier.buildFrozen(sd, r);
        SDVariable prototypes = sd.constant("prototypes", classifier.prototypeArray());
        SDVariable logp = Losses.logSoftmax(sd, onRefined.logits());
        SDVariable protoLogp = Losses.prototypeLogProbabilities(sd, onRefined.embedding(), prototypes);
        SDVariable lPred;
        SDVariable lProto;
        if (labels != null) {
            lPred = Losses.negativeLogLikelihood(logp, labels);
            lProto = Losses.negativeLogLikelihood(protoLogp, labels);
        } else {
            lPred = Losses.entropy(sd, logp);
            lProto = Losses.entropy(sd, protoLogp);
        }
        SDVariable lReg = featureSpaceReg
                ? Losses.pNorm(sd, onRefined.firstFeatures(), classifier.buildFrozen(sd, x).firstFeatures(), p)
                : Losses.pNorm(sd, r, x, p);
        return new RefinementObjective(lPred, lReg, lProto, onRefined);
    }

    /** l_pred + α·l_reg + β·l_proto (eq. 3), named {@code name}, with fixed weights. */
    SDVariable loss(String name, double alpha, double beta) {
        return lPred.add(lReg.mul(alpha)).add(name, lProto.mul(beta));
    }

    /** The same with the weights as graph inputs (sliders move them without a rebuild). */
    SDVariable loss(String name, SDVariable alpha, SDVariable beta) {
        return lPred.add(lReg.mul(alpha)).add(name, lProto.mul(beta));
    }
}
