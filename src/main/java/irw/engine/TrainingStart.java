package irw.engine;

/**
 * How a run began, reported once before its first step: from its checkpoint at {@code step}, or
 * from step 0 (a first run, or one whose trainer cannot resume). A listener that keeps a history
 * drops what an interrupted attempt recorded after {@code step}, so that every step appears once.
 *
 * @param step           steps already done (0 unless resumed)
 * @param totalSteps     steps the run will have done at its end
 * @param fromCheckpoint true when the run continues a saved state
 */
public record TrainingStart(long step, long totalSteps, boolean fromCheckpoint) {
}
