package irw.app.models;

import irw.app.workbench.RefinementSettings;

import java.util.function.BooleanSupplier;

/** A loaded digit classifier with per-image refinement, as the Digits view needs it. */
public interface DigitRefinement {
    /** The model's name (its file) for the view and the status bar. */
    String description();

    /**
     * Classifies a 28×28 image (row-major, ink = 1) without refining it: one forward pass, so the
     * probabilities follow the pen while the refinement still runs ({@link DigitAnalysis#refining()}).
     */
    DigitAnalysis classify(float[] image) throws Exception;

    /** Classifies a 28×28 image (row-major, ink = 1) and refines it; may stop early when obsolete. */
    DigitAnalysis analyse(float[] image, RefinementSettings weights, BooleanSupplier obsolete) throws Exception;
}
