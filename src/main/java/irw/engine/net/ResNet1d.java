package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A residual 1-D CNN for diffraction patterns: a strided 1x7 stem, four stages of two residual blocks
 * (1x5 convolutions; the first block of each stage halves the width and widens the maps), global
 * average and max pooling (peak positions anywhere in the pattern count alike; the max keeps single
 * sharp reflections that an average dilutes), a linear 128-wide embedding F and a linear G.
 * <p>
 * Every convolution is followed by batch normalisation ({@link Layers#batchNorm}): without it (a learnt
 * residual scale starting at 0, SkipInit) the same net learnt only the class prior in 500 steps of
 * physically varied patterns; with it, it learns from the first hundred.
 * Channels for width w: w, 2w, 4w, 8w (the shipped spec, w = 16: about 0.42M parameters; on 2 cores a
 * narrower net sees more patterns in the same time, which mattered more than width in every probe).
 */
final class ResNet1d implements ClassifierNetwork {
    static final int EMBEDDING = 128;
    private static final int STAGES = 4;
    private final int width;
    private final int classes;

    ResNet1d(int width, int classes) {
        this.width = width;
        this.classes = classes;
    }

    @Override
    public ClassifierGraph build(SameDiff sd, SDVariable input, ParamSource p) {
        // the item marks unmeasured cells with -1; the net sees (intensity, measured) as two channels instead, so an
        // unmeasured range reads as "nothing known here", not as a strongly negative signal
        SDVariable measured = input.gte(0.0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        SDVariable twoChannels = sd.concat(1, sd.nn().relu(input, 0.0), measured);
        SDVariable stem = sd.nn().relu(Layers.batchNorm(sd, p, PREFIX + "stem_bn", Layers.conv(sd, p, PREFIX + "stem", twoChannels, 2, width, 1, 7, 2),
                width), 0.0);
        SDVariable x = stem;
        int in = width;
        for (int s = 0; s < STAGES; s++) {
            int out = width << s;
            x = block(sd, p, PREFIX + "s" + s + "b0", x, in, out, 2);
            x = block(sd, p, PREFIX + "s" + s + "b1", x, out, out, 1);
            in = out;
        }
        SDVariable avg = x.mean(false, 2, 3);
        SDVariable max = x.max(false, 2, 3);
        SDVariable pooled = sd.concat(1, avg, max);
        // linear, as prototypical networks' embeddings are: a ReLU here can die and leave only the class prior
        SDVariable embedding = Layers.dense(sd, p, PREFIX + "embed", pooled, 2 * in, EMBEDDING);
        SDVariable logits = Layers.dense(sd, p, PREFIX + "predict", embedding, EMBEDDING, classes);
        return new ClassifierGraph(stem, embedding, logits, EMBEDDING);
    }

    /** relu(shortcut(x) + bn(conv(relu(bn(conv(x)))))), the basic block of He et al. 2016. */
    private static SDVariable block(SameDiff sd, ParamSource p, String name, SDVariable x, int in, int out, int stride) {
        SDVariable h = sd.nn().relu(Layers.batchNorm(sd, p, name + "_bn1", Layers.conv(sd, p, name + "_c1", x, in, out, 1, 5, stride), out), 0.0);
        h = Layers.batchNorm(sd, p, name + "_bn2", Layers.conv(sd, p, name + "_c2", h, out, out, 1, 5, 1), out);
        SDVariable shortcut = in == out && stride == 1 ? x : Layers.conv(sd, p, name + "_sc", x, in, out, 1, 1, stride);
        return sd.nn().relu(shortcut.add(h), 0.0);
    }
}
