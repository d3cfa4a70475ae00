package irw.service;

import java.util.Map;

/**
 * The runners of the job kinds whose trainers the engine provides: classifier (Algorithm 1),
 * refiner (Algorithm 2), label-refinery and mic.
 */
public final class EngineRunners {
    private EngineRunners() {
    }

    public static JobRunners create() {
        return new JobRunners(Map.of(JobKind.CLASSIFIER, new ClassifierJobRunner(), JobKind.REFINER, new RefinerJobRunner(),
                JobKind.LABEL_REFINERY, new LabelRefineryJobRunner(), JobKind.MIC, new MicJobRunner()));
    }
}
