package irw.engine;

/**
 * What a trainer returns: the model as trained, whether the run was cancelled before its last
 * step, and how many steps it did in total (resumed steps included).
 */
public record TrainingOutcome<M>(M model, boolean cancelled, long steps) {
}
