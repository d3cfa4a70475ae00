package irw.experiments.compare;

import irw.engine.net.ModelSpec;

/**
 * The budgets of one domain of the comparison. Every method of the domain trains on the same ideal set
 * and the same labelled imperfect items and is scored on the same held-out items.
 *
 * @param ideal             digits: typeset digits per font; XRD: ideal patterns per class (0 = the whole ideal library)
 * @param classifierSteps   Algorithm 1 steps of the baseline and of every Label Refinery round
 * @param classifierPerClass N_c of Algorithm 1
 * @param spec              the classifier network
 * @param lambda            λ of Algorithm 1 (the prototype loss the refiner's l_proto needs)
 * @param fewPerClass       labelled imperfect items per class that the refiners and MIC train on (0 = all of them)
 * @param testPerClass      held-out items per class (simulated / MNIST test), a fixed sample (0 = all)
 * @param refinerSteps      Algorithm 2 steps per refiner
 * @param refinerBatch      refiner batch size
 * @param alphaTargeted     α of targeted refinement (the engine's per-item sum of |R(x) − x|)
 * @param betaTargeted      β of targeted refinement
 * @param alphaNonTargeted  α of non-targeted refinement
 * @param betaNonTargeted   β of non-targeted refinement
 * @param refineryRounds    Label Refinery rounds after model 0 (model 0 is the baseline)
 * @param micIterations     Adam steps per MIC class generator
 * @param micInversionSteps input steps per item and generator when MIC classifies
 * @param micChunk          MIC step width for 1-D patterns
 * @param realFilesPerSet   XRD: at most this many labelled files of every real set (0 = all)
 */
public record ArmPlan(int ideal, int classifierSteps, int classifierPerClass, ModelSpec spec, double lambda, int fewPerClass, int testPerClass,
                      int refinerSteps, int refinerBatch, double alphaTargeted, double betaTargeted, double alphaNonTargeted,
                      double betaNonTargeted, int refineryRounds, int micIterations, int micInversionSteps, int micChunk, int realFilesPerSet) {
    public ArmPlan {
        if (classifierSteps < 1 || classifierPerClass < 1 || refinerSteps < 1 || refinerBatch < 1 || refineryRounds < 1 || micIterations < 1
                || micInversionSteps < 0 || micChunk < 1 || ideal < 0 || fewPerClass < 0 || testPerClass < 0 || realFilesPerSet < 0) {
            throw new IllegalArgumentException("budgets must be positive (refinery rounds >= 1: the final round must differ from the baseline)");
        }
    }

    /** The same arm with other training budgets (null keeps a value): e.g. a shorter run on a busy machine, recorded in the report. */
    public ArmPlan withBudgets(Integer classifier, Integer refiner, Integer micSteps, Integer micInversion, Integer tests) {
        return new ArmPlan(ideal, classifier != null ? classifier : classifierSteps, classifierPerClass, spec, lambda, fewPerClass,
                tests != null ? tests : testPerClass, refiner != null ? refiner : refinerSteps, refinerBatch, alphaTargeted, betaTargeted,
                alphaNonTargeted, betaNonTargeted, refineryRounds, micSteps != null ? micSteps : micIterations,
                micInversion != null ? micInversion : micInversionSteps, micChunk, realFilesPerSet);
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT, "classifier %s, λ = %s, %d steps of %d per class; refiners %d steps, batch %d, "
                        + "targeted α = %s β = %s, non-targeted α = %s β = %s; Label Refinery %d round(s) of %d steps after model 0 = the baseline; "
                        + "MIC %d Adam steps per class generator, %d input steps per item",
                spec.id(), lambda, classifierSteps, classifierPerClass, refinerSteps, refinerBatch, alphaTargeted, betaTargeted, alphaNonTargeted,
                betaNonTargeted, refineryRounds, classifierSteps, micIterations, micInversionSteps);
    }
}
