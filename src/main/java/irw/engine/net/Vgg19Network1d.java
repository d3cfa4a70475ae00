package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * VGG-19 adapted to 1-D as in the paper: 16 convolutions of 3x1 in five blocks (64, 128, 256,
 * 512, 512 maps), each block closed by a 10x1 max-pool. The paper gives the pool kernel but not
 * its stride; we use stride 2 (as in VGG), since five stride-10 pools cannot fit 2,000 points.
 * The two fully connected layers are 1,024 wide (not VGG's 4,096) to keep the model under 200 MB;
 * the second is the embedding F. For GPU machines.
 */
final class Vgg19Network1d implements ClassifierNetwork {
    static final int EMBEDDING = 1024;
    private static final int[][] BLOCKS = {{64, 2}, {128, 2}, {256, 4}, {512, 4}, {512, 4}};
    private final int width;
    private final int classes;

    Vgg19Network1d(int width, int classes) {
        this.width = width;
        this.classes = classes;
    }

    @Override
    public ClassifierGraph build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable x = input;
        SDVariable first = null;
        int channels = 1;
        int w = width;
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int l = 0; l < BLOCKS[b][1]; l++) {
                x = Layers.convRelu(sd, p, PREFIX + "b" + (b + 1) + "_conv" + (l + 1), x, channels, BLOCKS[b][0], 1, 3);
                channels = BLOCKS[b][0];
                if (first == null) {
                    first = x;
                }
            }
            x = Layers.maxPool(sd, x, 1, 10, 1, 2);
            w = Layers.ceilDiv(w, 2);
        }
        SDVariable flat = Layers.flatten(x, (long) channels * w);
        SDVariable fc1 = sd.nn().relu(Layers.dense(sd, p, PREFIX + "fc1", flat, channels * w, EMBEDDING), 0.0);
        SDVariable embedding = sd.nn().relu(Layers.dense(sd, p, PREFIX + "embed", fc1, EMBEDDING, EMBEDDING), 0.0);
        SDVariable logits = Layers.dense(sd, p, PREFIX + "predict", embedding, EMBEDDING, classes);
        return new ClassifierGraph(first, embedding, logits, EMBEDDING);
    }
}
