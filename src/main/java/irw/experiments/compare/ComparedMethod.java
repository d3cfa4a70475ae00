package irw.experiments.compare;

/**
 * The methods of the side-by-side comparison (issue 17), named as the report and {@code runs.csv} name
 * them. Every method sees the same data: the ideal set (typeset digits or simulated ideal XRD patterns)
 * and the same few labelled imperfect items, and is scored on the same held-out sets with the same seeds.
 */
public enum ComparedMethod {
    BASELINE("baseline (classifier on raw input)", true, true),
    DWT("DWT denoising + classifier", true, true),
    TARGETED("imitation refinement, targeted (hard labels)", true, true),
    TARGETED_SOFT("imitation refinement, targeted (Label Refinery soft labels)", true, true),
    NON_TARGETED("imitation refinement, non-targeted", true, true),
    LABEL_REFINERY("Label Refinery (final round)", true, true),
    MIC("Modular Inverse Classification", true, true),
    SEARCH_MATCH("search-match (crystal system of the best match)", false, true);

    private final String label;
    private final boolean digits;
    private final boolean xrd;

    ComparedMethod(String label, boolean digits, boolean xrd) {
        this.label = label;
        this.digits = digits;
        this.xrd = xrd;
    }

    public String label() {
        return label;
    }

    /** Whether the method applies to the domain ({@code false} for search-match on digits: there is no library of digits). */
    public boolean appliesTo(Domain domain) {
        return domain == Domain.DIGITS ? digits : xrd;
    }

    /** Whether it produces a pattern (or image) that can be compared with a ground truth. */
    public boolean producesPattern() {
        return this == BASELINE || this == DWT || this == TARGETED || this == TARGETED_SOFT || this == NON_TARGETED;
    }

    /** The two data domains. */
    public enum Domain {
        DIGITS("digits"), XRD("XRD");

        private final String label;

        Domain(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Metric names of runs.csv. */
    public static final String ACCURACY = "accuracy";
    public static final String TRAIN_WALL = "train wall s";
    public static final String TRAIN_CPU = "train CPU s";
    public static final String USE_WALL = "use wall ms/item";
    public static final String USE_CPU = "use CPU ms/item";
}
