package irw.engine.mic;

/**
 * Inverse classification settings (paper section 2.2 and 3.5.3).
 *
 * @param steps    gradient steps on the generator's input (3.5.3: 50; 0 = just generate from the start vector)
 * @param rate     gradient-descent step size on the input; the gradient is that of the item's mean squared error
 * @param clip     keep the input in [0, 1], the range the generator was trained on (its noisy one-hot inputs are clipped, 3.5.2)
 */
public record InversionSettings(int steps, double rate, boolean clip) {
    public InversionSettings {
        if (steps < 0 || !(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("inversion needs steps >= 0 and a positive finite rate (got " + steps + ", " + rate + ")");
        }
    }

    public static InversionSettings paper() {
        return new InversionSettings(50, 1.0, true);
    }
}
