package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The classifier C = G ∘ F inside a graph.
 *
 * @param firstFeatures the first layer's feature maps (Ψ of eq. 7 in feature space)
 * @param embedding     F(x): [B, embeddingSize], the features before the prediction layer
 * @param logits        G(F(x)): [B, classes], before the softmax
 */
public record ClassifierGraph(SDVariable firstFeatures, SDVariable embedding, SDVariable logits, int embeddingSize) {
}
