package irw.engine;

/**
 * Where in a run a report was made, beyond the step: the Label Refinery round, or the class whose
 * MIC generator is training. A position, not a quantity, so it is never a metric value (nor drawn
 * as a curve). -1 means the run has no such stage.
 *
 * @param round      Label Refinery: 0 for the model trained on hard labels, k for the k-th refinery round
 * @param classIndex MIC: the class whose generator is training (or being inverted)
 */
public record TrainingPosition(int round, int classIndex) {
    public static final TrainingPosition NONE = new TrainingPosition(-1, -1);

    public TrainingPosition {
        if (round < -1 || classIndex < -1) {
            throw new IllegalArgumentException("round and class index are >= 0, or -1 for none; got " + round + ", " + classIndex);
        }
    }

    public static TrainingPosition ofRound(int round) {
        return new TrainingPosition(round, -1);
    }

    public static TrainingPosition ofClass(int classIndex) {
        return new TrainingPosition(-1, classIndex);
    }

    public boolean hasRound() {
        return round >= 0;
    }

    public boolean hasClass() {
        return classIndex >= 0;
    }
}
