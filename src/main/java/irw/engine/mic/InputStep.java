package irw.engine.mic;

/**
 * One descent step on the generators' input vectors (one row per item): plain gradient descent,
 * x -= rate * g, or Adam (Kingma and Ba, Algorithm 1) with per-item, per-coordinate moments; then
 * optionally clipped to [0, 1].
 */
final class InputStep {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private final InversionSettings settings;
    private final double[][] m;
    private final double[][] v;
    private int t;

    InputStep(int items, int inputs, InversionSettings settings) {
        this.settings = settings;
        this.m = new double[items][inputs];
        this.v = new double[items][inputs];
    }

    void apply(float[][] x, float[][] gradient) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double g = gradient[i][j];
                double step;
                if (settings.adam()) {
                    m[i][j] = BETA1 * m[i][j] + (1 - BETA1) * g;
                    v[i][j] = BETA2 * v[i][j] + (1 - BETA2) * g * g;
                    step = settings.rate() * (m[i][j] / c1) / (Math.sqrt(v[i][j] / c2) + EPSILON);
                } else {
                    step = settings.rate() * g;
                }
                double next = x[i][j] - step;
                x[i][j] = (float) (settings.clip() ? Math.min(1, Math.max(0, next)) : next);
            }
        }
    }
}
