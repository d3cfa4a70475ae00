package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The 1-D refiner of the paper (Fig. 3): a U-Net of 3x1 convolutions with 32 maps, 4 levels down
 * (max-pool 2) and 4 up, skip connections by concatenation and two final 1x1 convolutions. M2.1 has
 * no 1-D deconvolution, so each up step is nearest upsampling followed by the 3x1 convolution over
 * [upsampled, skip]. About 37k parameters at 32 maps.
 * <p>
 * The U-Net does not write the refined pattern itself: its two outputs are the change and the
 * smoothing-gate fields of {@link PatternConstraints}, which turn them into a physical pattern
 * (non-negative, smooth change, no invented peaks, unmeasured cells untouched). Both output
 * convolutions start at zero, so an untrained refiner is close to the identity: refinement means
 * small modifications (the paper's l_reg).
 */
public final class UNet1d implements RefinerNetwork {
    public static final int MAPS = 32;
    public static final int LEVELS = 4;
    /** Refiners written before the physical constraints (issue 11) were called "unet1d-MxL". */
    static final String NAME = "physical-unet1d-";
    private final int maps;
    private final int levels;
    private final PatternConstraints constraints;

    public UNet1d(int width, int maps, int levels, PatternConstraints constraints) {
        if (width % (1 << levels) != 0) {
            throw new IllegalArgumentException("the U-Net needs a width divisible by " + (1 << levels) + ", got " + width);
        }
        if (constraints == null) {
            throw new IllegalArgumentException("a pattern refiner needs its physical constraints");
        }
        this.maps = maps;
        this.levels = levels;
        this.constraints = constraints;
    }

    @Override
    public String architecture() {
        return NAME + maps + "x" + levels;
    }

    public PatternConstraints constraints() {
        return constraints;
    }

    @Override
    public SDVariable build(SameDiff sd, SDVariable input, ParamSource p) {
        SDVariable[] skips = new SDVariable[levels];
        // the network sees the measured values and zeros elsewhere: the −1 marker would look like a cliff at the range's ends
        SDVariable x = Layers.convRelu(sd, p, PREFIX + "down0", sd.nn().relu(input, 0.0), 1, maps, 1, 3);
        for (int l = 0; l < levels; l++) {
            skips[l] = x;
            x = Layers.convRelu(sd, p, PREFIX + "down" + (l + 1), Layers.maxPool(sd, x, 1, 2, 1, 2), maps, maps, 1, 3);
        }
        for (int l = levels - 1; l >= 0; l--) {
            SDVariable up = Layers.upsample(sd, x, 1, 2);
            x = Layers.convRelu(sd, p, PREFIX + "up" + l, sd.concat(1, up, skips[l]), 2 * maps, maps, 1, 3);
        }
        SDVariable change = Layers.conv(sd, p, PREFIX + "out", x, maps, 1, 1, 1, 1, ParamSource.Init.ZERO);
        SDVariable gate = Layers.conv(sd, p, PREFIX + "gate", x, maps, 1, 1, 1, 1, ParamSource.Init.ZERO);
        return constraints.apply(sd, "refined", input, change, gate);
    }
}
