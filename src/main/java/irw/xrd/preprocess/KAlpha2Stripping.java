package irw.xrd.preprocess;

import irw.core.Pattern;
import irw.core.Wavelength;

/**
 * Removes the Kα2 component of a laboratory pattern by Rachinger's method (W. A. Rachinger, J. Sci.
 * Instrum. 25 (1948) 254): every Kα1 line at 2θ₁ has a Kα2 twin at 2θ₂ = 2 asin((λ₂/λ₁) sin θ₁) with
 * R = I(Kα2)/I(Kα1) of its intensity, so, walking up in angle,
 * <pre>  I₁(2θ) = I(2θ) − R · I₁(2θ − Δ(2θ)),   Δ(2θ) = 2θ − 2 asin((λ₁/λ₂) sin θ)</pre>
 * with I₁ at the earlier angle interpolated linearly from the values already corrected. Apply it to a
 * background-subtracted pattern (a flat background would lose a third of itself). Noise makes small
 * negative values; they are kept, not clipped, so the step is exactly reversible.
 */
public final class KAlpha2Stripping {
    private KAlpha2Stripping() {
    }

    /** The Kα1-only pattern; the wavelength must state Kα2 and its ratio. */
    public static Pattern strip(Pattern pattern, Wavelength wavelength) {
        if (!wavelength.hasKAlpha2()) {
            throw new IllegalArgumentException(pattern.metadata().sampleName() + ": the wavelength states no Kα2 line (" + wavelength
                    + "); there is nothing to strip");
        }
        double[] x = pattern.twoThetaValues();
        double[] y = pattern.intensityValues();
        double ratio = wavelength.kAlpha2Ratio();
        double q = wavelength.kAlpha1() / wavelength.kAlpha2().orElseThrow();
        double[] out = new double[y.length];
        int j = 0;
        for (int i = 0; i < y.length; i++) {
            double theta = Math.toRadians(x[i] / 2);
            double source = Math.toDegrees(2 * Math.asin(q * Math.sin(theta))); // the Kα1 angle whose Kα2 lands here
            if (source <= x[0]) {
                out[i] = y[i];
                continue;
            }
            while (j < i - 1 && x[j + 1] < source) {
                j++;
            }
            double t = Math.max(0, Math.min(1, (source - x[j]) / (x[j + 1] - x[j])));
            if (j + 1 == i) {
                // the twin lies between this point and the previous one (low angles, coarse steps): the
                // interpolation involves I₁ here, so solve I₁ = I − R((1 − t) I₁[j] + t I₁) for it
                out[i] = (y[i] - ratio * (1 - t) * out[j]) / (1 + ratio * t);
            } else {
                out[i] = y[i] - ratio * (out[j] + t * (out[j + 1] - out[j]));
            }
        }
        return pattern.withIntensity(out);
    }
}
