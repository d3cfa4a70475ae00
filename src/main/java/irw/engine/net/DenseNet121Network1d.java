package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * DenseNet-121 adapted to 1-D as in the paper: a Conv-Norm-ReLU-Pool stem (7x1 conv with 64 maps,
 * stride 2; 3x1 max-pool, stride 2), four dense blocks of 6, 12, 24, 16 layers with growth rate 32,
 * each layer Norm-ReLU-Conv(1x1, 128 maps, the usual bottleneck) then Norm-ReLU-Conv(5x1, 32 maps),
 * transitions that halve the maps (1x1 conv) and the width (2x1 average pool), and a final
 * Norm-ReLU and global average pool giving the 1,024-wide embedding F. The paper's BatchNorm is
 * replaced by {@link Layers#norm} (per-sample), so inference needs no running statistics.
 */
final class DenseNet121Network1d implements ClassifierNetwork {
    private static final int[] BLOCKS = {6, 12, 24, 16};
    private static final int GROWTH = 32;
    private final int classes;

    DenseNet121Network1d(int classes) {
        this.classes = classes;
    }

    @Override
    public ClassifierGraph build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable stem = Layers.conv(sd, p, PREFIX + "stem", input, 1, 64, 1, 7, 2);
        SDVariable first = sd.nn().relu(Layers.norm(sd, p, PREFIX + "stem_norm", stem, 64), 0.0);
        SDVariable x = Layers.maxPool(sd, first, 1, 3, 1, 2);
        int channels = 64;
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int l = 0; l < BLOCKS[b]; l++) {
                String n = PREFIX + "b" + (b + 1) + "_l" + (l + 1);
                SDVariable h = sd.nn().relu(Layers.norm(sd, p, n + "_norm1", x, channels), 0.0);
                h = Layers.conv(sd, p, n + "_conv1", h, channels, 4 * GROWTH, 1, 1);
                h = sd.nn().relu(Layers.norm(sd, p, n + "_norm2", h, 4 * GROWTH), 0.0);
                h = Layers.conv(sd, p, n + "_conv2", h, 4 * GROWTH, GROWTH, 1, 5);
                x = sd.concat(1, x, h);
                channels += GROWTH;
            }
            if (b < BLOCKS.length - 1) {
                String n = PREFIX + "t" + (b + 1);
                SDVariable h = sd.nn().relu(Layers.norm(sd, p, n + "_norm", x, channels), 0.0);
                x = Layers.avgPool(sd, Layers.conv(sd, p, n + "_conv", h, channels, channels / 2, 1, 1), 1, 2, 1, 2);
                channels /= 2;
            }
        }
        x = sd.nn().relu(Layers.norm(sd, p, PREFIX + "final_norm", x, channels), 0.0);
        SDVariable embedding = x.mean(2, 3);
        SDVariable logits = Layers.dense(sd, p, PREFIX + "predict", embedding, channels, classes);
        return new ClassifierGraph(first, embedding, logits, channels);
    }
}
