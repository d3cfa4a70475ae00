package irw.core;

/**
 * Counts of (true class, predicted class) pairs. Row = truth, column = prediction.
 */
public final class ConfusionMatrix {
    private final ClassSet classes;
    private final long[][] counts;

    public ConfusionMatrix(ClassSet classes) {
        this.classes = classes;
        this.counts = new long[classes.size()][classes.size()];
    }

    public static ConfusionMatrix of(ClassSet classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        ConfusionMatrix m = new ConfusionMatrix(classes);
        for (int i = 0; i < truth.length; i++) {
            m.add(truth[i], predicted[i]);
        }
        return m;
    }

    public void add(int truth, int predicted) {
        if (truth < 0 || truth >= classes.size() || predicted < 0 || predicted >= classes.size()) {
            throw new IllegalArgumentException("class index out of range 0.." + (classes.size() - 1) + ": " + truth + ", " + predicted);
        }
        counts[truth][predicted]++;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    /** Accuracy = trace / total; NaN for an empty matrix. */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        long total = total();
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Recall of one class = correct / row total; NaN when the class never occurs. */
    public double recall(int k) {
        long row = 0;
        for (long c : counts[k]) {
            row += c;
        }
        return row == 0 ? Double.NaN : (double) counts[k][k] / row;
    }

    public ClassSet classes() {
        return classes;
    }

    /** Accuracy = (1/n) Σ [truth_i == predicted_i]. */
    public static double accuracy(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }
}
