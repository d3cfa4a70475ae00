package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The loss terms of eq. 2-7, each averaged over the batch (Algorithm 2, line 6: 1/N_c Σ_i). */
public final class Losses {
    private Losses() {
    }

    /** d(e_i, c_k) = ||e_i − c_k||² for embeddings [B, m] and prototypes [K, m]: [B, K]. */
    public static SDVariable squaredDistances(SameDiff sd, SDVariable embedding, SDVariable prototypes) {
        SDVariable e2 = embedding.mul(embedding).sum(true, 1);
        SDVariable c2 = sd.transpose(prototypes.mul(prototypes).sum(true, 1));
        SDVariable cross = embedding.mmul(sd.transpose(prototypes));
        return e2.add(c2).sub(cross.mul(2.0));
    }

    /** log p(k | x) of the softmax over negative distances to the prototypes (eq. 2, 5, 6). */
    public static SDVariable prototypeLogProbabilities(SameDiff sd, SDVariable embedding, SDVariable prototypes) {
        return logSoftmax(sd, squaredDistances(sd, embedding, prototypes).neg());
    }

    /**
     * Row-wise log-softmax of [B, K], computed as z − max − log Σ exp(z − max). ND4J's log_softmax
     * underflows to −∞ for far-away classes (distances in the thousands), and 0·(−∞) then gives NaN.
     */
    public static SDVariable logSoftmax(SameDiff sd, SDVariable z) {
        SDVariable shifted = z.sub(z.max(true, 1));
        return shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
    }

    /** Mean negative log-likelihood of the one-hot targets: cross-entropy (eq. 4) or prototype NLL (eq. 2, 5). */
    public static SDVariable negativeLogLikelihood(SDVariable logProbabilities, SDVariable oneHot) {
        return logProbabilities.mul(oneHot).sum(1).mean().neg();
    }

    /** Mean entropy −Σ p log p of a distribution given as log-probabilities (non-targeted eq. 4 and eq. 6). */
    public static SDVariable entropy(SameDiff sd, SDVariable logProbabilities) {
        return sd.math().exp(logProbabilities).mul(logProbabilities).sum(1).mean().neg();
    }

    /**
     * Mean per-sample p-norm ||a − b||_p (eq. 7) of NCHW tensors. For p = 2 a tiny epsilon inside
     * the root keeps the gradient finite where the refiner is exactly the identity.
     */
    public static SDVariable pNorm(SameDiff sd, SDVariable a, SDVariable b, int p) {
        SDVariable diff = a.sub(b);
        return switch (p) {
            case 1 -> sd.math().abs(diff).sum(1, 2, 3).mean();
            case 2 -> sd.math().sqrt(diff.mul(diff).sum(1, 2, 3).add(1e-12)).mean();
            default -> throw new IllegalArgumentException("p must be 1 or 2, got " + p);
        };
    }
}
