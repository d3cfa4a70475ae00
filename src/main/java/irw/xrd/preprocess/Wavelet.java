package irw.xrd.preprocess;

/**
 * Orthogonal wavelets for the discrete wavelet transform, given by their scaling (low-pass
 * synthesis) filter h; the high-pass filter is the quadrature mirror g[m] = (-1)^m h[L-1-m].
 * Coefficients as tabulated by PyWavelets 1.1 (rec_lo), i.e. Daubechies (1992).
 */
public enum Wavelet {
    HAAR(new double[]{0.7071067811865476, 0.7071067811865476}),
    /** Daubechies with 4 vanishing moments (8 taps). */
    DB4(new double[]{0.2303778133088965, 0.7148465705529157, 0.6308807679298589, -0.027983769416859854,
            -0.18703481171909309, 0.030841381835560764, 0.0328830116668852, -0.010597401785069032}),
    /** Symlet with 8 vanishing moments (16 taps): nearly symmetric, so peaks keep their shape. */
    SYM8(new double[]{0.0018899503327594609, -0.0003029205147213668, -0.01495225833704823, 0.003808752013890615,
            0.049137179673607506, -0.027219029917056003, -0.05194583810770904, 0.3644418948353314,
            0.7771857517005235, 0.4813596512583722, -0.061273359067658524, -0.1432942383508097,
            0.007607487324917605, 0.03169508781149298, -0.0005421323317911481, -0.0033824159510061256});

    private final double[] low;
    private final double[] high;

    Wavelet(double[] low) {
        this.low = low;
        this.high = new double[low.length];
        for (int m = 0; m < low.length; m++) {
            high[m] = (m % 2 == 0 ? 1 : -1) * low[low.length - 1 - m];
        }
    }

    public int length() {
        return low.length;
    }

    double[] low() {
        return low;
    }

    double[] high() {
        return high;
    }

    public static Wavelet byName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown wavelet '" + name + "'; known: haar, db4, sym8");
        }
    }
}
