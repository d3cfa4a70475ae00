package irw.engine.net;

import irw.engine.net.ParamSource.Init;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * The few layer shapes our networks use, on NCHW tensors. A 1-D signal is an image of height 1
 * ([B, C, 1, W]) with kernels of height 1: in M2.1 this conv2d formulation is faster than conv1d
 * and has the pooling and upsampling ops that SDCNN lacks in 1-D (PLATFORM-NOTES).
 */
public final class Layers {
    private Layers() {
    }

    /** Convolution with SAME padding, stride 1, bias. Weights are [kH, kW, in, out]. */
    public static SDVariable conv(SameDiff sd, ParamSource p, String name, SDVariable x, int in, int out, int kH, int kW) {
        return conv(sd, p, name, x, in, out, kH, kW, 1);
    }

    /** Convolution with SAME padding and a stride along the width. */
    public static SDVariable conv(SameDiff sd, ParamSource p, String name, SDVariable x, int in, int out, int kH, int kW, int strideW) {
        return conv(sd, p, name, x, in, out, kH, kW, strideW, Init.HE);
    }

    /** Convolution whose weights start from the given initialisation (ZERO for residual outputs). */
    public static SDVariable conv(SameDiff sd, ParamSource p, String name, SDVariable x, int in, int out, int kH, int kW, int strideW,
                                  Init weightInit) {
        SDVariable w = p.get(sd, name + "_W", new long[]{kH, kW, in, out}, kH * kW * in, weightInit);
        SDVariable b = p.get(sd, name + "_b", new long[]{out}, 1, Init.ZERO);
        return sd.cnn().conv2d(x, w, b, Conv2DConfig.builder().kH(kH).kW(kW).sH(1).sW(strideW)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
    }

    /** A fixed (not trained) single-channel convolution with SAME padding: [B,1,H,W] to [B,1,H,W]. */
    public static SDVariable fixedConv(SameDiff sd, String name, SDVariable x, float[][] kernel) {
        int kH = kernel.length;
        int kW = kernel[0].length;
        float[] flat = new float[kH * kW];
        for (int i = 0; i < kH; i++) {
            System.arraycopy(kernel[i], 0, flat, i * kW, kW);
        }
        SDVariable w = sd.hasVariable(name) ? sd.getVariable(name)
                : sd.constant(name, org.nd4j.linalg.factory.Nd4j.create(flat, new long[]{kH, kW, 1, 1}, 'c'));
        return sd.cnn().conv2d(x, w, Conv2DConfig.builder().kH(kH).kW(kW).sH(1).sW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
    }

    public static SDVariable convRelu(SameDiff sd, ParamSource p, String name, SDVariable x, int in, int out, int kH, int kW) {
        return sd.nn().relu(conv(sd, p, name, x, in, out, kH, kW), 0.0);
    }

    /** Max pooling, SAME padding (an odd width keeps its last point). */
    public static SDVariable maxPool(SameDiff sd, SDVariable x, int kH, int kW, int sH, int sW) {
        return sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(kH).kW(kW).sH(sH).sW(sW)
                .paddingMode(PaddingMode.SAME).isNHWC(false).build());
    }

    public static SDVariable avgPool(SameDiff sd, SDVariable x, int kH, int kW, int sH, int sW) {
        return sd.cnn().avgPooling2d(x, Pooling2DConfig.builder().kH(kH).kW(kW).sH(sH).sW(sW)
                .paddingMode(PaddingMode.SAME).isNHWC(false).build());
    }

    /** Nearest-neighbour upsampling; the four-argument form (the one-argument form fails in M2.1). */
    public static SDVariable upsample(SameDiff sd, SDVariable x, int fH, int fW) {
        return sd.cnn().upsampling2d(x, fH, fW, true);
    }

    /** Fully connected layer on [B, in]. */
    public static SDVariable dense(SameDiff sd, ParamSource p, String name, SDVariable x, int in, int out) {
        SDVariable w = p.get(sd, name + "_W", new long[]{in, out}, in, Init.HE);
        SDVariable b = p.get(sd, name + "_b", new long[]{1, out}, 1, Init.ZERO);
        return x.mmul(w).add(b);
    }

    /**
     * Per-sample normalisation over channels and positions with a per-channel gain and bias. It
     * replaces the paper's BatchNorm in DenseNet: same role (keeps deep stacks trainable), but
     * inference on one pattern equals training, so no running statistics need storing.
     */
    public static SDVariable norm(SameDiff sd, ParamSource p, String name, SDVariable x, int channels) {
        SDVariable g = p.get(sd, name + "_g", new long[]{1, channels, 1, 1}, 1, Init.ONE);
        SDVariable b = p.get(sd, name + "_b", new long[]{1, channels, 1, 1}, 1, Init.ZERO);
        SDVariable mean = x.mean(true, 1, 2, 3);
        SDVariable centred = x.sub(mean);
        SDVariable var = centred.mul(centred).mean(true, 1, 2, 3);
        return centred.div(sd.math().sqrt(var.add(1e-5))).mul(g).add(b);
    }

    /** Suffixes of a batch-normalisation layer's batch statistics (graph outputs while training) and running statistics (parameters). */
    public static final String BATCH_MEAN = "_bmean", BATCH_VAR = "_bvar", RUNNING_MEAN = "_rmean", RUNNING_VAR = "_rvar";

    /**
     * Batch normalisation over the batch and positions of each channel (Ioffe & Szegedy 2015). While
     * training it normalises with the batch's mean and variance (exposed as outputs NAME_bmean and
     * NAME_bvar, so the trainer can keep running averages); frozen, with the stored running statistics,
     * so one pattern is classified the same whatever batch it comes in.
     */
    public static SDVariable batchNorm(SameDiff sd, ParamSource p, String name, SDVariable x, int channels) {
        long[] perChannel = {1, channels, 1, 1};
        SDVariable gamma = p.get(sd, name + "_gamma", perChannel, 1, Init.ONE);
        SDVariable beta = p.get(sd, name + "_beta", perChannel, 1, Init.ZERO);
        // written out in elementwise ops: SameDiff's own batchNorm op cannot be differentiated in M2.1
        // (BatchNormDerivative is built without its axis and throws)
        SDVariable centred;
        SDVariable var;
        if (p.training()) {
            SDVariable mean = sd.identity(name + BATCH_MEAN, x.mean(true, 0, 2, 3));
            centred = x.sub(mean);
            var = sd.identity(name + BATCH_VAR, centred.mul(centred).mean(true, 0, 2, 3));
        } else {
            centred = x.sub(p.get(sd, name + RUNNING_MEAN, perChannel, 1, Init.ZERO));
            var = p.get(sd, name + RUNNING_VAR, perChannel, 1, Init.ONE);
        }
        return centred.mul(sd.math().rsqrt(var.add(1e-5)).mul(gamma)).add(beta);
    }

    /** [B, C, H, W] to [B, C*H*W]. */
    public static SDVariable flatten(SDVariable x, long features) {
        return x.reshape(-1, features);
    }

    public static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
