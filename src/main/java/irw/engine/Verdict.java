package irw.engine;

import irw.core.ClassSet;
import irw.xrd.preprocess.ModelInputPreparation;

import java.util.Locale;

/**
 * What the workbench tells the user about one pattern: a class, "uncertain" (calibrated top
 * probability under the model's threshold), or why it was not classified at all. Never a confident
 * answer the model does not back.
 *
 * @param kind        the outcome
 * @param predicted   the top class (−1 when not classified)
 * @param probability its calibrated probability (NaN when not classified)
 * @param runnerUp    the second class (−1 when not classified)
 * @param runnerUpProbability its probability
 * @param reason      why it was refused (empty otherwise)
 */
public record Verdict(Kind kind, int predicted, double probability, int runnerUp, double runnerUpProbability, String reason) {
    public enum Kind { CLASS, UNCERTAIN, TOO_LITTLE_MEASURED, NO_SIGNAL }

    public static Verdict refused(ModelInputPreparation.Prepared prepared) {
        Kind k = prepared.refusal().orElseThrow() == ModelInputPreparation.Refusal.TOO_LITTLE_MEASURED ? Kind.TOO_LITTLE_MEASURED : Kind.NO_SIGNAL;
        return new Verdict(k, -1, Double.NaN, -1, Double.NaN, prepared.refusalMessage());
    }

    public static Verdict of(float[] probabilities, Calibration calibration) {
        int best = 0, second = -1;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        for (int k = 0; k < probabilities.length; k++) {
            if (k != best && (second < 0 || probabilities[k] > probabilities[second])) {
                second = k;
            }
        }
        double p = probabilities[best];
        return new Verdict(calibration.uncertain(p) ? Kind.UNCERTAIN : Kind.CLASS, best, p, second,
                second < 0 ? Double.NaN : probabilities[second], "");
    }

    public boolean classified() {
        return kind == Kind.CLASS || kind == Kind.UNCERTAIN;
    }

    /** "cubic (87 %)", "uncertain: cubic 41 % or tetragonal 30 %", or the refusal. */
    public String describe(ClassSet classes) {
        return switch (kind) {
            case CLASS -> classes.name(predicted) + " (" + percent(probability) + ")";
            case UNCERTAIN -> "uncertain: " + classes.name(predicted) + " " + percent(probability) + " or " + classes.name(runnerUp) + " "
                    + percent(runnerUpProbability);
            case TOO_LITTLE_MEASURED, NO_SIGNAL -> reason;
        };
    }

    /** A rounded percentage that never claims certainty: 0.996 is "> 99 %", not "100 %". */
    static String percent(double p) {
        return p >= 0.995 ? "> 99 %" : p < 0.005 ? "< 1 %" : String.format(Locale.ROOT, "%.0f %%", 100 * p);
    }

    /** The short word a table shows: the class, "uncertain", "too little measured" or "no signal". */
    public String shortLabel(ClassSet classes) {
        return switch (kind) {
            case CLASS -> classes.name(predicted);
            case UNCERTAIN -> "uncertain";
            case TOO_LITTLE_MEASURED -> "too little measured";
            case NO_SIGNAL -> "no signal";
        };
    }
}
