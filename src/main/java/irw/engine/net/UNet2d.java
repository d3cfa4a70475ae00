package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digit refiner: a 2-D U-Net of 3x3 convolutions (16, 32, 64 maps over 28, 14 and 7 pixels),
 * 2x2 max-pool down, nearest upsampling + 3x3 convolution over [upsampled, skip] up, and a final
 * 1x1 convolution; about 60k parameters. Residual output x + Δ as in {@link UNet1d}.
 * <p>
 * A refined digit must stay a digit (issue 11, item 4), so the change Δ can be shaped by
 * construction: {@code blur} smooths it with a fixed binomial kernel of that size (no pixel-sized
 * speckle), {@code reach} multiplies it by the raw ink dilated by that many pixels (a max-pool of
 * the input: nothing is painted farther from the drawing), and the result is clipped to the grey
 * range [0, 1]. Architecture names: "unet2d-16-32-64" (unshaped, as first shipped) or
 * "unet2d-16-32-64-b{blur}-r{reach}".
 */
public final class UNet2d implements RefinerNetwork {
    static final String ARCHITECTURE = "unet2d-16-32-64";
    private static final Pattern SHAPED = Pattern.compile(Pattern.quote(ARCHITECTURE) + "-b(\\d+)-r(\\d+)");
    /** The default shaping: a 3x3 binomial blur of the change, and ink may move at most 2 px from the drawing. */
    public static final int DEFAULT_BLUR = 3;
    public static final int DEFAULT_REACH = 2;
    private final int blur;
    private final int reach;

    /** The unshaped U-Net (the first shipped digit refiners). */
    public UNet2d(int height, int width) {
        this(height, width, 0, -1);
    }

    /**
     * @param blur  side of the binomial smoothing kernel of the change (odd, ≥ 3), or 0 for none
     * @param reach pixels the change may reach beyond the raw ink (≥ 0), or -1 for anywhere (and no clipping)
     */
    public UNet2d(int height, int width, int blur, int reach) {
        if (height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException("the 2-D U-Net needs sides divisible by 4, got " + height + "x" + width);
        }
        if (blur != 0 && (blur < 3 || blur % 2 == 0) || reach < -1 || (blur > 0 && reach < 0)) {
            throw new IllegalArgumentException("blur must be 0 or odd >= 3 and reach >= 0 when shaped, got blur " + blur + ", reach " + reach);
        }
        this.blur = blur;
        this.reach = reach;
    }

    /** The network named by an architecture string, or null when it is not a 2-D U-Net's. */
    static UNet2d forName(String architecture, int height, int width) {
        if (architecture.equals(ARCHITECTURE)) {
            return new UNet2d(height, width);
        }
        Matcher m = SHAPED.matcher(architecture);
        return m.matches() ? new UNet2d(height, width, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    @Override
    public String architecture() {
        return reach < 0 ? ARCHITECTURE : ARCHITECTURE + "-b" + blur + "-r" + reach;
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
        if (reach < 0) {
            return input.add("refined", delta);
        }
        if (blur > 0) {
            delta = Layers.fixedConv(sd, PREFIX + "blur", delta, binomial(blur));
        }
        if (reach > 0) {
            delta = delta.mul(Layers.maxPool(sd, input, 2 * reach + 1, 2 * reach + 1, 1, 1));
        } else {
            delta = delta.mul(input);
        }
        return sd.math().clipByValue(input.add(delta), 0, 1).rename("refined");
    }

    /** The normalised binomial kernel of odd side n (n = 3: [1 2 1]ᵀ[1 2 1] / 16). */
    static float[][] binomial(int n) {
        double[] row = new double[n];
        row[0] = 1;
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0; j--) {
                row[j] += row[j - 1];
            }
        }
        double sum = 0;
        for (double v : row) {
            sum += v;
        }
        float[][] k = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = (float) (row[i] * row[j] / (sum * sum));
            }
        }
        return k;
    }
}
