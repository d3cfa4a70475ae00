package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Arrays;

/** Builds a classifier C = G ∘ F onto an NCHW input ([B,1,1,W] for patterns, [B,1,H,W] for images). */
public interface ClassifierNetwork {
    /** Parameter names of classifiers start with this, so they never clash with the refiner's. */
    String PREFIX = "clf_";

    ClassifierGraph build(SameDiff sd, SDVariable input, ParamSource params);

    /** The network for a spec, an item shape ([points] or [height, width]) and a class count. */
    static ClassifierNetwork create(ModelSpec spec, int[] itemShape, int classes) {
        boolean oneD = itemShape.length == 1;
        if (!oneD && itemShape.length != 2) {
            throw new IllegalArgumentException("item shape must be [points] or [height, width], got " + Arrays.toString(itemShape));
        }
        return switch (spec) {
            case SMALL -> oneD ? new SmallCnn1d(itemShape[0], classes) : new SmallCnn2d(itemShape[0], itemShape[1], classes);
            case RESNET1D -> {
                requireOneD(spec, oneD);
                yield new ResNet1d(16, classes);
            }
            case VGG19 -> {
                requireOneD(spec, oneD);
                yield new Vgg19Network1d(itemShape[0], classes);
            }
            case DENSENET121 -> {
                requireOneD(spec, oneD);
                yield new DenseNet121Network1d(classes);
            }
            case VGG2D -> {
                if (oneD) {
                    throw new IllegalArgumentException("vgg2d is a 2-D network for images; use small, vgg19 or densenet121 for patterns");
                }
                yield new Vgg2d(itemShape[0], itemShape[1], classes);
            }
        };
    }

    private static void requireOneD(ModelSpec spec, boolean oneD) {
        if (!oneD) {
            throw new IllegalArgumentException(spec.id() + " is a 1-D network for patterns; use 'small' for images");
        }
    }
}
