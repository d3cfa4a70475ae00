package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The default XRD classifier (about 16k parameters for 2,000 points): three 1x5 conv + ReLU +
 * max-pool stages (8, 16, 32 maps; pools 4, 4, 5), a 16-wide embedding layer F and a linear G.
 * Small enough to train in minutes on 2 cores.
 */
final class SmallCnn1d implements ClassifierNetwork {
    static final int EMBEDDING = 16;
    private final int width;
    private final int classes;

    SmallCnn1d(int width, int classes) {
        this.width = width;
        this.classes = classes;
    }

    @Override
    public ClassifierGraph build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable c1 = Layers.convRelu(sd, p, PREFIX + "conv1", input, 1, 8, 1, 5);
        SDVariable x = Layers.maxPool(sd, c1, 1, 4, 1, 4);
        x = Layers.maxPool(sd, Layers.convRelu(sd, p, PREFIX + "conv2", x, 8, 16, 1, 5), 1, 4, 1, 4);
        x = Layers.maxPool(sd, Layers.convRelu(sd, p, PREFIX + "conv3", x, 16, 32, 1, 5), 1, 5, 1, 5);
        int w = Layers.ceilDiv(Layers.ceilDiv(Layers.ceilDiv(width, 4), 4), 5);
        SDVariable flat = Layers.flatten(x, 32L * w);
        SDVariable embedding = sd.nn().relu(Layers.dense(sd, p, PREFIX + "embed", flat, 32 * w, EMBEDDING), 0.0);
        SDVariable logits = Layers.dense(sd, p, PREFIX + "predict", embedding, EMBEDDING, classes);
        return new ClassifierGraph(c1, embedding, logits, EMBEDDING);
    }
}
