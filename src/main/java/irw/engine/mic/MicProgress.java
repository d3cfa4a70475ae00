package irw.engine.mic;

/**
 * Progress of training the class generators or of classifying.
 *
 * @param phase      "train" or "classify"
 * @param classIndex the class whose generator is working
 * @param step       steps done so far over the whole phase (Adam steps when training, generators inverted when classifying)
 * @param totalSteps steps of the whole phase
 * @param value      the step's mini-batch loss when training; NaN when classifying
 */
public record MicProgress(String phase, int classIndex, long step, long totalSteps, double value) {
}
