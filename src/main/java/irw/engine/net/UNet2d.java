package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The digit refiner: a 2-D U-Net of 3x3 convolutions (16, 32, 64 maps over 28, 14 and 7 pixels),
 * 2x2 max-pool down, nearest upsampling + 3x3 convolution over [upsampled, skip] up, and a final
 * 1x1 convolution; about 60k parameters. Residual output x + U(x) as in {@link UNet1d}.
 */
public final class UNet2d implements RefinerNetwork {
    static final String ARCHITECTURE = "unet2d-16-32-64";

    public UNet2d(int height, int width) {
        if (height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException("the 2-D U-Net needs sides divisible by 4, got " + height + "x" + width);
        }
    }

    @Override
    public String architecture() {
        return ARCHITECTURE;
    }

    @Override
    public SDVariable build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable e0 = Layers.convRelu(sd, p, PREFIX + "down0a", input, 1, 16, 3, 3);
        e0 = Layers.convRelu(sd, p, PREFIX + "down0b", e0, 16, 16, 3, 3);
        SDVariable e1 = Layers.convRelu(sd, p, PREFIX + "down1", Layers.maxPool(sd, e0, 2, 2, 2, 2), 16, 32, 3, 3);
        SDVariable bottom = Layers.convRelu(sd, p, PREFIX + "down2", Layers.maxPool(sd, e1, 2, 2, 2, 2), 32, 64, 3, 3);
        SDVariable d1 = Layers.convRelu(sd, p, PREFIX + "up1", sd.concat(1, Layers.upsample(sd, bottom, 2, 2), e1), 96, 32, 3, 3);
        SDVariable d0 = Layers.convRelu(sd, p, PREFIX + "up0", sd.concat(1, Layers.upsample(sd, d1, 2, 2), e0), 48, 16, 3, 3);
        SDVariable delta = Layers.conv(sd, p, PREFIX + "out", d0, 16, 1, 1, 1, 1, ParamSource.Init.ZERO);
        return input.add("refined", delta);
    }
}
