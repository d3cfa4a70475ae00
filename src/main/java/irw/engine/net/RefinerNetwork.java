package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Arrays;

/** Builds the refiner R onto an NCHW input; the output has the input's shape. */
public interface RefinerNetwork {
    /** Parameter names of refiners start with this, so they never clash with the classifier's. */
    String PREFIX = "ref_";

    SDVariable build(SameDiff sd, SDVariable input, ParamSource params);

    /** A short name recorded in model files, e.g. "physical-unet1d-32x4". */
    String architecture();

    /** The physical constraints its output obeys (patterns), or null (images). */
    default PatternConstraints constraints() {
        return null;
    }

    /**
     * The default refiner for an item shape: the 1-D U-Net under {@code constraints} for patterns,
     * the shaped 2-D U-Net (smooth, local, in [0, 1]) for images (which ignores the constraints).
     */
    static RefinerNetwork create(int[] itemShape, PatternConstraints constraints) {
        return switch (itemShape.length) {
            case 1 -> new UNet1d(itemShape[0], UNet1d.MAPS, UNet1d.LEVELS, constraints);
            case 2 -> new UNet2d(itemShape[0], itemShape[1], UNet2d.DEFAULT_BLUR, UNet2d.DEFAULT_REACH);
            default -> throw new IllegalArgumentException("item shape must be [points] or [height, width], got " + Arrays.toString(itemShape));
        };
    }

    /** Rebuilds the network named in a model file, with the constraints it was trained under (patterns). */
    static RefinerNetwork forArchitecture(String architecture, int[] itemShape, PatternConstraints constraints) {
        if (architecture.startsWith(UNet1d.NAME) && itemShape.length == 1) {
            String[] mxl = architecture.substring(UNet1d.NAME.length()).split("x");
            if (constraints == null) {
                throw new IllegalArgumentException("the refiner file does not record its physical constraints");
            }
            return new UNet1d(itemShape[0], Integer.parseInt(mxl[0]), Integer.parseInt(mxl[1]), constraints);
        }
        if (architecture.startsWith("unet1d-") && itemShape.length == 1) {
            throw new IllegalArgumentException("this pattern refiner (" + architecture + ") predates the physical constraints (non-negative, "
                    + "unchanged outside the measured range, no invented peaks or noise), so it would write unphysical patterns; retrain it "
                    + "with 'irw train refiner'");
        }
        UNet2d unet2d = itemShape.length == 2 ? UNet2d.forName(architecture, itemShape[0], itemShape[1]) : null;
        if (unet2d != null) {
            return unet2d;
        }
        throw new IllegalArgumentException("unknown refiner architecture '" + architecture + "' for items of shape " + Arrays.toString(itemShape));
    }
}
