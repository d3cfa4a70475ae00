package irw.engine.mic;

import irw.engine.InputAdam;

/**
 * One descent step on the generators' input vectors (one row per item): plain gradient descent,
 * x -= rate * g, or Adam with per-item, per-coordinate moments; then optionally clipped to [0, 1].
 */
final class InputStep {
    private final InversionSettings settings;
    private final InputAdam[] adam;

    InputStep(int items, int inputs, InversionSettings settings) {
        this.settings = settings;
        this.adam = new InputAdam[items];
        for (int i = 0; i < items; i++) {
            adam[i] = new InputAdam(inputs);
        }
    }

    void apply(float[][] x, float[][] gradient) {
        float lower = settings.clip() ? 0 : Float.NEGATIVE_INFINITY;
        float upper = settings.clip() ? 1 : Float.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (settings.adam()) {
                adam[i].step(x[i], gradient[i], settings.rate(), lower, upper);
            } else {
                for (int j = 0; j < x[i].length; j++) {
                    x[i][j] = (float) Math.min(upper, Math.max(lower, x[i][j] - settings.rate() * gradient[i][j]));
                }
            }
        }
    }
}
