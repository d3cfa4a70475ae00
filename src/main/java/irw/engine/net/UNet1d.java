package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The 1-D refiner of the paper (Fig. 3): a U-Net of 3x1 convolutions with 32 maps, 4 levels down
 * (max-pool 2) and 4 up, skip connections by concatenation and a final 1x1 convolution. M2.1 has
 * no 1-D deconvolution, so each up step is nearest upsampling followed by the 3x1 convolution over
 * [upsampled, skip]. About 37k parameters at 32 maps.
 * <p>
 * The output is x + U(x) (a residual form) with U's final convolution starting at zero, so an
 * untrained refiner is the identity: refinement means small modifications (the paper's l_reg),
 * and the α → ∞ limit is the identity.
 */
public final class UNet1d implements RefinerNetwork {
    public static final int MAPS = 32;
    public static final int LEVELS = 4;
    private final int maps;
    private final int levels;

    public UNet1d(int width, int maps, int levels) {
        if (width % (1 << levels) != 0) {
            throw new IllegalArgumentException("the U-Net needs a width divisible by " + (1 << levels) + ", got " + width);
        }
        this.maps = maps;
        this.levels = levels;
    }

    @Override
    public String architecture() {
        return "unet1d-" + maps + "x" + levels;
    }

    @Override
    public SDVariable build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable[] skips = new SDVariable[levels];
        SDVariable x = Layers.convRelu(sd, p, PREFIX + "down0", input, 1, maps, 1, 3);
        for (int l = 0; l < levels; l++) {
            skips[l] = x;
            x = Layers.convRelu(sd, p, PREFIX + "down" + (l + 1), Layers.maxPool(sd, x, 1, 2, 1, 2), maps, maps, 1, 3);
        }
        for (int l = levels - 1; l >= 0; l--) {
            SDVariable up = Layers.upsample(sd, x, 1, 2);
            x = Layers.convRelu(sd, p, PREFIX + "up" + l, sd.concat(1, up, skips[l]), 2 * maps, maps, 1, 3);
        }
        SDVariable delta = Layers.conv(sd, p, PREFIX + "out", x, maps, 1, 1, 1, 1, ParamSource.Init.ZERO);
        return input.add("refined", delta);
    }
}
