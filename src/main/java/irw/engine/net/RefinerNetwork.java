package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Arrays;

/** Builds the refiner R onto an NCHW input; the output has the input's shape. */
public interface RefinerNetwork {
    /** Parameter names of refiners start with this, so they never clash with the classifier's. */
    String PREFIX = "ref_";

    SDVariable build(SameDiff sd, SDVariable input, ParamSource params);

    /** A short name recorded in model files, e.g. "unet1d-32x4". */
    String architecture();

    /** The default refiner for an item shape: the 1-D U-Net for patterns, the shaped 2-D U-Net (smooth, local, in [0, 1]) for images. */
    static RefinerNetwork create(int[] itemShape) {
        return switch (itemShape.length) {
            case 1 -> new UNet1d(itemShape[0], UNet1d.MAPS, UNet1d.LEVELS);
            case 2 -> new UNet2d(itemShape[0], itemShape[1], UNet2d.DEFAULT_BLUR, UNet2d.DEFAULT_REACH);
            default -> throw new IllegalArgumentException("item shape must be [points] or [height, width], got " + Arrays.toString(itemShape));
        };
    }

    /** Rebuilds the network named in a model file. */
    static RefinerNetwork forArchitecture(String architecture, int[] itemShape) {
        if (architecture.startsWith("unet1d-") && itemShape.length == 1) {
            String[] mxl = architecture.substring("unet1d-".length()).split("x");
            return new UNet1d(itemShape[0], Integer.parseInt(mxl[0]), Integer.parseInt(mxl[1]));
        }
        UNet2d unet2d = itemShape.length == 2 ? UNet2d.forName(architecture, itemShape[0], itemShape[1]) : null;
        if (unet2d != null) {
            return unet2d;
        }
        throw new IllegalArgumentException("unknown refiner architecture '" + architecture + "' for items of shape " + Arrays.toString(itemShape));
    }
}
