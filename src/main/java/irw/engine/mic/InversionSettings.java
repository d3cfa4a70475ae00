package irw.engine.mic;

/**
 * Inverse classification settings (paper sections 2.2 and 3.5.3).
 *
 * @param steps gradient steps on the generator's input (3.5.3: 50; 0 = just generate from the start vector)
 * @param rate  step size on the input
 * @param clip  keep the input in [0, 1], the range the generator was trained on (its noisy one-hot
 *              inputs are clipped, 3.5.2)
 * @param adam  scale each input coordinate's step by Adam's running moments instead of moving it by
 *              rate x gradient (section 2.2's "proportional to the gradient"). The gradient of a
 *              784-value mean squared error is about 1e-3, so a plain step needs a rate tuned per data
 *              set; Adam's normalised step lets one rate serve digits and XRD patterns alike.
 */
public record InversionSettings(int steps, double rate, boolean clip, boolean adam) {
    public InversionSettings {
        if (steps < 0 || !(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("inversion needs steps >= 0 and a positive finite rate (got " + steps + ", " + rate + ")");
        }
    }

    /** 50 Adam steps of 0.05 on the input, clipped to [0, 1]. */
    public static InversionSettings standard() {
        return new InversionSettings(50, 0.05, true, true);
    }
}
