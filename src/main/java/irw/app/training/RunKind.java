package irw.app.training;

/** The kinds of training run the service runs, and which fields of the Training form each takes. */
public enum RunKind {
    CLASSIFIER("classifier"), REFINER("refiner"), LABEL_REFINERY("label-refinery"), MIC("mic");

    private final String wire;

    RunKind(String wire) {
        this.wire = wire;
    }

    /** Label Refinery and MIC train on a data directory (digits or xrd) and evaluate on its held-out sets. */
    public boolean usesDataDirectory() {
        return this == LABEL_REFINERY || this == MIC;
    }

    /** The epochs field applies (MIC counts Adam steps per generator instead). */
    public boolean usesEpochs() {
        return this != MIC;
    }

    /** The classifier's network size (Algorithm 1); the refiner's U-Net has one size. */
    public boolean usesModelSize() {
        return this == CLASSIFIER;
    }

    /** λ, the weight of the prototype loss L_F in classifier training (Algorithm 1). */
    public boolean usesLambda() {
        return this == CLASSIFIER;
    }

    /**
     * A classifier can train on a structure library rendered on the fly (a CIF or .cif.gz file as its data
     * set) and take the lab's own CIFs beside it, as the shipped real-data classifier was trained.
     */
    public boolean usesLabCifs() {
        return this == CLASSIFIER;
    }

    /**
     * The refiner's loss weights α (ℓ_reg) and β (ℓ_proto) of eq. 3, its targeted or non-targeted
     * loss, and the frozen classifier it trains through (Algorithm 2).
     */
    public boolean usesRefinerFields() {
        return this == REFINER;
    }

    /**
     * MIC's knobs (Hobbhahn 3.2, 3.5): types per class, how they are chosen, Adam steps per
     * generator and the noise on the generators' input and target during training.
     */
    public boolean usesMicFields() {
        return this == MIC;
    }

    @Override
    public String toString() {
        return wire;
    }
}
