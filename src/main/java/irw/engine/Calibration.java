package irw.engine;

/**
 * How a classifier's probabilities are calibrated, and when its answer is shown as "uncertain":
 * temperature scaling (Guo et al., ICML 2017), p = softmax(z / T) of the prediction layer's logits z,
 * with T fitted on held-out data by {@link TemperatureScaling}; it never changes which class wins, only
 * how sure the answer says it is. Top probabilities under {@link #uncertainBelow()} are shown as
 * "uncertain": the threshold is fitted on the same held-out data as the lowest confidence above which
 * at least 90 % of the answers were right (never under 0.5, where the model itself holds its answer more
 * likely wrong than right). Stored in the classifier's model file (manifest field "calibration").
 *
 * @param method                 "temperature" (or "none")
 * @param temperature            T &gt; 0; 1 leaves the softmax as trained
 * @param heldOut                the data it was fitted on, in words (never the test data)
 * @param items                  how many held-out items
 * @param eceBefore              expected calibration error (15 equal-width confidence bins) with T = 1
 * @param eceAfter               the same with the fitted T
 * @param nllBefore              mean negative log-likelihood with T = 1
 * @param nllAfter               the same with the fitted T
 * @param uncertainBelow         top probabilities under this are shown as "uncertain"
 * @param accuracyAboveThreshold held-out accuracy of the answers at or above the threshold
 * @param shareAboveThreshold    the share of held-out answers at or above it
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record Calibration(String method, double temperature, String heldOut, int items, double eceBefore, double eceAfter,
                          double nllBefore, double nllAfter, double uncertainBelow, double accuracyAboveThreshold,
                          double shareAboveThreshold) {
    /** The threshold when none was fitted. */
    public static final double DEFAULT_UNCERTAIN_BELOW = 0.5;
    /** Uncalibrated: the softmax as trained. */
    public static final Calibration NONE = new Calibration("none", 1, "", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            DEFAULT_UNCERTAIN_BELOW, Double.NaN, Double.NaN);

    public Calibration {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("a calibration temperature must be finite and > 0, got " + temperature);
        }
        method = method == null ? "temperature" : method;
        heldOut = heldOut == null ? "" : heldOut;
        // files written before the threshold was fitted read 0 here
        uncertainBelow = uncertainBelow > 0 && uncertainBelow < 1 ? uncertainBelow : DEFAULT_UNCERTAIN_BELOW;
    }

    /** A fitted temperature with the default threshold (the threshold is fitted by {@link TemperatureScaling#fit}). */
    public Calibration(String method, double temperature, String heldOut, int items, double eceBefore, double eceAfter, double nllBefore,
                       double nllAfter) {
        this(method, temperature, heldOut, items, eceBefore, eceAfter, nllBefore, nllAfter, DEFAULT_UNCERTAIN_BELOW, Double.NaN, Double.NaN);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCalibrated() {
        return !"none".equals(method);
    }

    /** Whether a calibrated top probability is shown as "uncertain". */
    public boolean uncertain(double topProbability) {
        return topProbability < uncertainBelow;
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
