package irw.engine.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What makes a refined diffraction pattern physical, built into the graph so that the trained
 * refiner, its inference and the per-pattern refinement of the live preview obey the same rules
 * by construction (not by a penalty that training may trade away). From the prepared input x
 * (max 1, {@code -1} where the instrument measured nothing) and two free fields, a change u and a
 * smoothing gate g (the U-Net's outputs, or the variables of per-pattern refinement):
 * <pre>
 *   m  = [x ≥ 0]                                  the measured cells
 *   x⁺ = m·x,  S(x⁺) = G∗x⁺ / G∗m                 Gaussian smoothing, normalised at the range's edges
 *   d  = x⁺ − S(x⁺),  n = mean |d| over m          the detail and the noise level
 *   r  = x⁺ − σ(s·G∗g − 3)·clip(d, ±κ·n) + G'∗u    smoothed-away noise plus a smooth change (G' of σ = changeCells)
 *   r  = min(max(r, ρ·S(x⁺)), E),  E = γ·maxpool_w(x⁺) + κ·n
 *   refined = m·r + (m − 1)                      unmeasured cells stay exactly −1
 * </pre>
 * <ul>
 *   <li>No added high-frequency energy: the change G∗u is low-passed at peak-width resolution
 *       (Gaussian σ = {@code changeCells}); the only other change, the gated removal of detail
 *       within the noise level, removes high frequencies and never adds them, and leaves peak tops
 *       (detail far above the noise) in place.</li>
 *   <li>No invented peaks: E is the raw pattern's local maximum within ±w/2 cells plus κ times
 *       its noise level n: a measured peak may move
 *       by up to w/2 cells, sharpen up to γ times its height or shrink; where the raw pattern has
 *       only noise the refined one stays at noise level. {@code allowNewPeaks} drops E, for a user
 *       who asks for it.</li>
 *   <li>Refined intensity ≥ ρ times the smoothed measured intensity (so ≥ 0): refinement may
 *       shrink a feature (an impurity peak, Kα2, residual background) but not claim that nothing
 *       at all was there, where the instrument counted something; without this floor, refiners
 *       through an ideal-only classifier wiped the floor to exact zeros and KL to the ground truth
 *       rose from 2.8 to 17 (src/site/markdown/experiments.md).</li>
 *   <li>Exactly no change outside the measured range: the classifier still sees where nothing was
 *       measured.</li>
 * </ul>
 * The gate starts near 0 (σ(−3) ≈ 5 %) and the change at 0, so an untrained refiner stays close to the identity.
 *
 * @param smoothingCells  σ of the Gaussian that separates noise (detail) from signal, in grid cells
 * @param changeCells     σ of the Gaussian low-pass of the change, in grid cells: at peak width a change may reshape peaks,
 *                        much wider only the background
 * @param envelopeCells   w: a peak may move this many cells in all (odd; ±w/2 each way)
 * @param envelopeGain    γ ≥ 1: how much taller than the raw local maximum a peak may become (sharpening)
 * @param noiseMargin     κ: the envelope's margin, and the largest detail taken for noise, in units of the noise level
 * @param keepFraction    ρ: the refined pattern keeps at least this share of the smoothed measured intensity
 * @param denoise         whether the gated smoothing path exists (false: only the smooth change)
 * @param allowNewPeaks   no envelope: the refiner may create peaks where nothing was measured above noise
 */
public record PatternConstraints(double smoothingCells, double changeCells, int envelopeCells, double envelopeGain, double noiseMargin,
                                 double keepFraction, boolean denoise, boolean allowNewPeaks) {
    private static final double GATE_SCALE = 10;
    private static final double GATE_BIAS = -3;

    public PatternConstraints {
        if (!(smoothingCells > 0 && smoothingCells <= 50) || !(changeCells > 0 && changeCells <= 200) || envelopeCells < 1 || envelopeCells % 2 == 0 || !(envelopeGain >= 1)
                || !(noiseMargin >= 0) || !(keepFraction >= 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("pattern constraints need 0 < smoothingCells <= 50, 0 < changeCells <= 200, an odd envelopeCells >= 1, "
                    + "envelopeGain >= 1, noiseMargin >= 0 and 0 <= keepFraction <= 1; got " + smoothingCells + ", " + changeCells + ", "
                    + envelopeCells + ", " + envelopeGain + ", " + noiseMargin + ", " + keepFraction);
        }
    }

    /**
     * The measured choice for a grid of {@code stepDegrees} per cell: change low-passed at σ = 0.075°
     * (narrower than lab peaks' half-widths), peaks may move ±0.15° (the largest zero shift of the
     * imperfect set) and sharpen to 1.25 times the raw local maximum, margin 1 noise level, denoising
     * on. Margin and floor were chosen by {@code RefinerConstraintSweep} through the shipped classifier
     * (60 steps, α 0.03, β 1, 300 held-out imperfect patterns): with margin 1 all four Table 4
     * distances improve; with margin 3 the refiner lifts the baseline between peaks by up to 3 noise
     * levels and l1 rises (69.8 → 82.2); a floor of 0.8 instead of 0.5 leaves l1 at 70.1.
     * <p>
     * The gain γ: a peak that sharpens (narrower, same area) grows taller, and broadening is one of
     * the defects refinement should undo; with γ = 1 it could not, and the NCC median fell a little
     * (0.0925 → 0.0908 on the 444 held-out patterns). γ = 1.25 improves all four distances, mean and
     * median, on those 444 (NCC 0.149 / 0.093 → 0.157 / 0.099) and on the same structures' "hard"
     * draws (which the choice never saw); γ = 1.5 lets l1 rise above the raw pattern's on both.
     */
    public static PatternConstraints standard(double stepDegrees) {
        int half = Math.max(1, (int) Math.round(0.15 / stepDegrees));
        double peak = Math.max(0.5, 0.075 / stepDegrees);
        return new PatternConstraints(peak, peak, 2 * half + 1, 1.25, 1.0, 0.5, true, false);
    }

    public PatternConstraints withAllowNewPeaks(boolean allow) {
        return new PatternConstraints(smoothingCells, changeCells, envelopeCells, envelopeGain, noiseMargin, keepFraction, denoise, allow);
    }

    /**
     * The refined pattern [B, 1, 1, W] named {@code name}.
     *
     * @param x      the prepared input [B, 1, 1, W] (−1 where not measured)
     * @param change the free change field u, same shape
     * @param gate   the free gate field g, same shape (ignored without denoising)
     */
    public SDVariable apply(SameDiff sd, String name, SDVariable x, SDVariable change, SDVariable gate) {
        DataType type = x.dataType();
        SDVariable m = x.gte(0.0).castTo(type);
        SDVariable xp = x.mul(m);
        SDVariable kernel = sd.constant(gaussianKernel(smoothingCells).castTo(type));
        SDVariable smooth = lowPass(sd, xp, kernel).div(lowPass(sd, m, kernel).add(1e-6)); // 0/1e-6 far outside the range, never NaN
        SDVariable detail = xp.sub(smooth).mul(m); // the high-frequency part of the measured pattern
        SDVariable level = sd.math().abs(detail).sum(true, 1, 2, 3).div(m.sum(true, 1, 2, 3).add(1e-6));
        SDVariable r = xp.add(lowPass(sd, change, changeCells == smoothingCells ? kernel : sd.constant(gaussianKernel(changeCells).castTo(type))));
        if (denoise) {
            // only detail within ±κ·n is noise: a peak's top is detail far above it and is not smoothed away
            SDVariable bound = level.mul(noiseMargin);
            SDVariable noise = detail.sub(sd.nn().relu(detail.sub(bound), 0.0)).add(sd.nn().relu(detail.neg().sub(bound), 0.0));
            SDVariable g = sd.nn().sigmoid(lowPass(sd, gate, kernel).mul(GATE_SCALE).add(GATE_BIAS));
            r = r.sub(g.mul(noise));
        }
        // r >= ρ·S(x⁺) >= 0: never less than a share of what was measured there (and never negative)
        SDVariable floor = smooth.mul(m).mul(keepFraction);
        r = floor.add(sd.nn().relu(r.sub(floor), 0.0));
        if (!allowNewPeaks) {
            SDVariable envelope = Layers.maxPool(sd, xp, 1, envelopeCells, 1, 1).mul(envelopeGain).add(level.mul(noiseMargin));
            r = r.sub(sd.nn().relu(r.sub(envelope), 0.0));
        }
        return r.mul(m).add(name, m.sub(1.0));
    }

    /** Convolution along the width with a fixed kernel [1, k, 1, 1], zero beyond the ends. */
    private static SDVariable lowPass(SameDiff sd, SDVariable v, SDVariable kernel) {
        int k = (int) kernel.getShape()[1];
        return sd.cnn().conv2d(v, kernel, Conv2DConfig.builder().kH(1).kW(k).sH(1).sW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
    }

    /** A normalised Gaussian of σ cells over ±3σ, as conv2d weights [1, k, 1, 1]. */
    static org.nd4j.linalg.api.ndarray.INDArray gaussianKernel(double sigma) {
        int half = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] w = new float[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            w[i + half] = (float) Math.exp(-0.5 * (i / sigma) * (i / sigma));
            sum += w[i + half];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= (float) sum;
        }
        return Nd4j.create(w, new long[]{1, w.length, 1, 1}, 'c');
    }
}
