package irw.experiments.digits;

/** The arms of the digits reproduction (Fig. 7 of Bai et al. 2019), as named in the report and runs.csv. */
public enum DigitsMethod {
    BASELINE("baseline: prototypical classifier on raw MNIST"),
    BASELINE_STANDARD("standard classifier (λ = 0) on raw MNIST"),
    SCRATCH("classifier trained from scratch on N per class"),
    TARGETED("targeted refinement"),
    NON_TARGETED("non-targeted refinement");

    public static final String ACCURACY = "accuracy";
    /** Mean total variation of the refined test digits over that of the raw ones (≤ 1: no speckle added). */
    public static final String TV_RATIO = "tv_refined_over_raw";
    /** Share of test digits whose total variation rose under refinement. */
    public static final String TV_ROSE = "share_tv_rose";
    /** Mean ink added more than 2 px from the raw ink, as a fraction of the raw ink. */
    public static final String FAR_INK = "far_ink_2px";

    private final String label;

    DigitsMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The condition string of "N examples per class" in runs.csv. */
    public static String condition(int n) {
        return "N=" + n;
    }
}
