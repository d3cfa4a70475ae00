package irw.engine;

/**
 * How a classifier's probabilities are calibrated: temperature scaling (Guo et al., ICML 2017),
 * p = softmax(z / T) of the prediction layer's logits z, with T fitted on held-out data by
 * {@link TemperatureScaling}. It never changes which class wins, only how sure the answer says it is.
 * Stored in the classifier's model file (manifest field "calibration"), for any kind of model.
 *
 * @param method      "temperature" (or "none")
 * @param temperature T &gt; 0; 1 leaves the softmax as trained
 * @param heldOut     the data it was fitted on, in words (never the test data)
 * @param items       how many held-out items
 * @param eceBefore   expected calibration error (15 equal-width confidence bins) with T = 1
 * @param eceAfter    the same with the fitted T
 * @param nllBefore   mean negative log-likelihood with T = 1
 * @param nllAfter    the same with the fitted T
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record Calibration(String method, double temperature, String heldOut, int items, double eceBefore, double eceAfter,
                          double nllBefore, double nllAfter) {
    /** Uncalibrated: the softmax as trained. */
    public static final Calibration NONE = new Calibration("none", 1, "", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public Calibration {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("a calibration temperature must be finite and > 0, got " + temperature);
        }
        method = method == null ? "temperature" : method;
        heldOut = heldOut == null ? "" : heldOut;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCalibrated() {
        return !"none".equals(method);
    }

    /** softmax(z / T) of one row of logits. */
    public float[] probabilities(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z / temperature);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            e[k] = Math.exp(logits[k] / temperature - max);
            sum += e[k];
        }
        float[] p = new float[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = (float) (e[k] / sum);
        }
        return p;
    }
}
