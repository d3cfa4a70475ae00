package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The digit classifier of issue 12, a VGG-style 2-D CNN of about 400k parameters (the paper's
 * trimmed DenseNet has about 900k): two 3x3 conv + ReLU layers at 28x28 (32 maps) and at 14x14
 * (64 maps), one at 7x7 (128 maps), each stage ending in a 2x2 max-pool, then a 128-wide embedding
 * F (tanh, bounded) and a linear G. Trains at about 0.3-0.6 s per step of 100 digits on 2 busy cores.
 */
final class Vgg2d implements ClassifierNetwork {
    static final int EMBEDDING = 128;
    private final int height;
    private final int width;
    private final int classes;

    Vgg2d(int height, int width, int classes) {
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    @Override
    public ClassifierGraph build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable c1 = Layers.convRelu(sd, p, PREFIX + "conv1a", input, 1, 32, 3, 3);
        SDVariable x = Layers.convRelu(sd, p, PREFIX + "conv1b", c1, 32, 32, 3, 3);
        x = Layers.maxPool(sd, x, 2, 2, 2, 2);
        x = Layers.convRelu(sd, p, PREFIX + "conv2a", x, 32, 64, 3, 3);
        x = Layers.convRelu(sd, p, PREFIX + "conv2b", x, 64, 64, 3, 3);
        x = Layers.maxPool(sd, x, 2, 2, 2, 2);
        x = Layers.convRelu(sd, p, PREFIX + "conv3", x, 64, 128, 3, 3);
        x = Layers.maxPool(sd, x, 2, 2, 2, 2);
        int h = Layers.ceilDiv(Layers.ceilDiv(Layers.ceilDiv(height, 2), 2), 2);
        int w = Layers.ceilDiv(Layers.ceilDiv(Layers.ceilDiv(width, 2), 2), 2);
        int features = 128 * h * w;
        // tanh bounds F(x) to [-1, 1]^128: with an unbounded (ReLU) embedding the prototype loss of eq. 2 rewards growing the
        // scale without end (squared distances), and training diverged after about 170 steps (l_f 1.3 -> 10^8)
        SDVariable embedding = sd.math().tanh(Layers.dense(sd, p, PREFIX + "embed", Layers.flatten(x, features), features, EMBEDDING));
        SDVariable logits = Layers.dense(sd, p, PREFIX + "predict", embedding, EMBEDDING, classes);
        return new ClassifierGraph(c1, embedding, logits, EMBEDDING);
    }
}
