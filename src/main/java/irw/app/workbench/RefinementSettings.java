package irw.app.workbench;

/**
 * The settings of an interactive (per-pattern) refinement: the loss weights (Bai et al., eq. 3-5)
 * and how many gradient steps to take; fewer steps answer a slider faster.
 */
public record RefinementSettings(double alpha, double beta, double lambda, int steps) {
    public RefinementSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("refinement needs at least one step, got " + steps);
        }
    }
}
