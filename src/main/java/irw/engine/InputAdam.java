package irw.engine;

/**
 * Adam (Kingma and Ba, Algorithm 1) on one plain vector: optimisation over an input (per-pattern
 * refinement, MIC's generator inputs) rather than over a graph's weights, which {@link Adam} serves.
 * Every value is kept in [lower, upper] after its step.
 */
public final class InputAdam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private final double[] m;
    private final double[] v;
    private int t;

    public InputAdam(int length) {
        m = new double[length];
        v = new double[length];
    }

    /** One step of size {@code rate} against {@code gradient}, in place; returns the largest change of a value. */
    public float step(float[] x, float[] gradient, double rate, float lower, float upper) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        float moved = 0;
        for (int i = 0; i < x.length; i++) {
            double g = gradient[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            double step = rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
            float next = (float) Math.min(upper, Math.max(lower, x[i] - step));
            moved = Math.max(moved, Math.abs(next - x[i]));
            x[i] = next;
        }
        return moved;
    }
}
