package irw.engine;

import java.util.List;

/**
 * The path of one per-pattern refinement, for animation: entry 0 is the input, entry i the
 * pattern after step i, each with the classifier's probabilities and the objective's value.
 */
public record RefinementTrace(List<float[]> patterns, List<float[]> probabilities, List<Double> objective, boolean cancelled) {
    public RefinementTrace {
        patterns = List.copyOf(patterns);
        probabilities = List.copyOf(probabilities);
        objective = List.copyOf(objective);
    }

    public float[] refined() {
        return patterns.get(patterns.size() - 1);
    }

    public float[] finalProbabilities() {
        return probabilities.get(probabilities.size() - 1);
    }

    public int steps() {
        return patterns.size() - 1;
    }
}
