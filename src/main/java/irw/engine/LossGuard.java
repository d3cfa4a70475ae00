package irw.engine;

import java.util.Map;

/** Stops a run whose loss is NaN, infinite or exploding, naming the step and the terms. */
final class LossGuard {
    /** Far above any sane value of our losses (cross-entropies, NLLs, norms of normalised patterns). */
    static final double EXPLODED = 1e8;

    private LossGuard() {
    }

    static void check(String what, long step, Map<String, Double> terms) {
        double loss = terms.getOrDefault("loss", Double.NaN);
        if (!Double.isFinite(loss) || Math.abs(loss) > EXPLODED) {
            throw new TrainingDivergedException(what + " training diverged at step " + step + ": loss = " + loss + " " + terms
                    + (Double.isFinite(loss) ? " (exploding)" : "")
                    + ". The model was not saved; lower the learning rate (or α/β/λ) and check the data for NaN or huge values.", step);
        }
    }
}
