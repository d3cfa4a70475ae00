package irw.service;

import java.util.Map;

/**
 * The runners of the job kinds whose trainers the engine provides: classifier (Algorithm 1) and
 * refiner (Algorithm 2). Label Refinery and MIC jobs are answered 400 until the engine has them.
 */
public final class EngineRunners {
    private EngineRunners() {
    }

    public static JobRunners create() {
        return new JobRunners(Map.of(JobKind.CLASSIFIER, new ClassifierJobRunner(), JobKind.REFINER, new RefinerJobRunner()));
    }
}
