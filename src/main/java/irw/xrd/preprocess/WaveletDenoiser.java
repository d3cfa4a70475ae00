package irw.xrd.preprocess;

import irw.core.Pattern;

import java.util.Arrays;

/**
 * Wavelet shrinkage denoising (Donoho and Johnstone 1994), the discrete-wavelet-transform (DWT)
 * baseline of the paper's Table 2 (after Cai and Harrington 1998): transform, shrink every
 * detail coefficient towards zero by the universal threshold λ = σ·sqrt(2 ln n), with the noise
 * σ estimated as MAD/0.6745 of the finest detail coefficients, then transform back. The
 * approximation coefficients, which carry the background and the broad shape, are kept.
 *
 * <p>The defaults ({@link #standard()}: db4, 4 levels, hard thresholding) were chosen on a
 * synthetic powder pattern with sharp peaks (FWHM 3-9 points on the 2,000-point grid) and
 * Gaussian noise: there hard thresholding cut the l2 error to 0.46× of the noisy input, while
 * soft thresholding (VisuShrink proper) reached only 0.78×, because it shrinks every peak's
 * coefficients by λ as well. A weak baseline would flatter the refiner, so the stronger one is
 * the default; the soft variant stays available.
 *
 * @param wavelet        the wavelet
 * @param levels         decomposition levels; 0 picks min(4, the most that fit)
 * @param thresholdScale multiplies the universal threshold; 0 returns the input unchanged
 * @param soft           soft (shrink by λ) rather than hard (keep or kill) thresholding
 */
public record WaveletDenoiser(Wavelet wavelet, int levels, double thresholdScale, boolean soft) {
    /** Four levels reach structures ~16 points wide, broader than diffraction peaks on a 2,000-point grid. */
    public static final int DEFAULT_LEVELS = 4;
    /** Σ/MAD for Gaussian noise: MAD = 0.6745·σ. */
    private static final double MAD_TO_SIGMA = 1 / 0.6744897501960817;

    public WaveletDenoiser {
        if (levels < 0) {
            throw new IllegalArgumentException("levels must be >= 0, got " + levels);
        }
        if (!(thresholdScale >= 0) || Double.isInfinite(thresholdScale)) {
            throw new IllegalArgumentException("threshold scale must be a finite number >= 0, got " + thresholdScale);
        }
    }

    /** db4, 4 levels, hard universal threshold: the Table 2 baseline as the experiments run it. */
    public static WaveletDenoiser standard() {
        return new WaveletDenoiser(Wavelet.DB4, 0, 1, false);
    }

    /** Donoho and Johnstone's VisuShrink: soft universal threshold (smoother, but flattens sharp peaks). */
    public static WaveletDenoiser visuShrink(Wavelet wavelet, int levels) {
        return new WaveletDenoiser(wavelet, levels, 1, true);
    }

    public Pattern denoise(Pattern pattern) {
        return pattern.withIntensity(denoise(pattern.intensityValues()));
    }

    public double[] denoise(double[] signal) {
        for (int i = 0; i < signal.length; i++) {
            if (!Double.isFinite(signal[i])) {
                throw new IllegalArgumentException("cannot denoise: value " + signal[i] + " at point " + i);
            }
        }
        int max = WaveletTransform.maxLevels(signal.length, wavelet);
        int use = levels == 0 ? Math.min(DEFAULT_LEVELS, max) : levels;
        if (use == 0 || use > max) {
            if (use == 0) {
                return signal.clone(); // too short for even one level
            }
            throw new IllegalArgumentException(signal.length + " points allow at most " + max + " levels of " + wavelet + ", not " + use);
        }
        WaveletTransform.Decomposition c = WaveletTransform.decompose(signal, wavelet, use);
        double lambda = thresholdScale * universalThreshold(c.details()[0], signal.length);
        if (lambda > 0) {
            for (double[] detail : c.details()) {
                for (int k = 0; k < detail.length; k++) {
                    detail[k] = shrink(detail[k], lambda);
                }
            }
        }
        return WaveletTransform.reconstruct(c);
    }

    /** λ = σ̂·sqrt(2 ln n), σ̂ = median(|d₁|)/0.6745 (Donoho and Johnstone 1994). */
    public static double universalThreshold(double[] finestDetail, int n) {
        return noiseSigma(finestDetail) * Math.sqrt(2 * Math.log(n));
    }

    /** The robust noise estimate from the finest detail coefficients. */
    public static double noiseSigma(double[] finestDetail) {
        double[] abs = new double[finestDetail.length];
        for (int k = 0; k < abs.length; k++) {
            abs[k] = Math.abs(finestDetail[k]);
        }
        Arrays.sort(abs);
        int n = abs.length;
        double median = n % 2 == 1 ? abs[n / 2] : (abs[n / 2 - 1] + abs[n / 2]) / 2;
        return median * MAD_TO_SIGMA;
    }

    private double shrink(double v, double lambda) {
        if (soft) {
            return Math.signum(v) * Math.max(Math.abs(v) - lambda, 0);
        }
        return Math.abs(v) > lambda ? v : 0;
    }
}
