package irw.xrd.synth;

import java.util.Locale;

/** How strong the defects of the imperfect set are; PAPER follows the ranges of issue 3 (Bai et al. 2019 style). */
public enum Severity {
    MILD, PAPER, HARD;

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity must be mild, paper or hard, got '" + text + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
