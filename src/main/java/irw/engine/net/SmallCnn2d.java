package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The default digit classifier (about 55k parameters for 28x28): two 3x3 conv + ReLU + 2x2
 * max-pool stages (16, 32 maps), a 32-wide embedding layer F and a linear G.
 */
final class SmallCnn2d implements ClassifierNetwork {
    static final int EMBEDDING = 32;
    private final int height;
    private final int width;
    private final int classes;

    SmallCnn2d(int height, int width, int classes) {
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    @Override
    public ClassifierGraph build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable c1 = Layers.convRelu(sd, p, PREFIX + "conv1", input, 1, 16, 3, 3);
        SDVariable x = Layers.maxPool(sd, c1, 2, 2, 2, 2);
        x = Layers.maxPool(sd, Layers.convRelu(sd, p, PREFIX + "conv2", x, 16, 32, 3, 3), 2, 2, 2, 2);
        int features = 32 * Layers.ceilDiv(Layers.ceilDiv(height, 2), 2) * Layers.ceilDiv(Layers.ceilDiv(width, 2), 2);
        SDVariable flat = Layers.flatten(x, features);
        SDVariable embedding = sd.nn().relu(Layers.dense(sd, p, PREFIX + "embed", flat, features, EMBEDDING), 0.0);
        SDVariable logits = Layers.dense(sd, p, PREFIX + "predict", embedding, EMBEDDING, classes);
        return new ClassifierGraph(c1, embedding, logits, EMBEDDING);
    }
}
