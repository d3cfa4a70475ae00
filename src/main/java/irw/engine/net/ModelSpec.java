package irw.engine.net;

import java.util.Arrays;
import java.util.Locale;

/**
 * The classifier size. {@link #SMALL} trains in minutes on 2 cores (1-D CNN for XRD, 2-D CNN for
 * 28x28 digits); {@link #VGG19} and {@link #DENSENET121} are the paper's 1-D networks
 * ("Experiments": VGG-19 with 3x1 convolutions and 10x1 pooling; DenseNet-121 with blocks
 * 6-12-24-16, growth 32, 5x1 kernels) for GPU machines. {@link #VGG2D} is the digit classifier
 * that reaches the paper's digit baseline on 2 cores.
 */
public enum ModelSpec {
    SMALL("small"),
    /** The real-data XRD classifier: a residual 1-D CNN of about 0.42M parameters ({@code ResNet1d}, width 16). */
    RESNET1D("resnet1d"),
    VGG19("vgg19"),
    DENSENET121("densenet121"),
    /** A VGG-style 2-D CNN of about 400k parameters for 28x28 digits (issue 12). */
    VGG2D("vgg2d");

    private final String id;

    ModelSpec(String id) {
        this.id = id;
    }

    /** The name used in model files, configs and on the command line. */
    public String id() {
        return id;
    }

    public static ModelSpec parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (ModelSpec s : values()) {
            if (s.id.equals(n) || (s.id + "1d").equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown model spec '" + name + "', expected one of "
                + Arrays.stream(values()).map(ModelSpec::id).toList());
    }
}
