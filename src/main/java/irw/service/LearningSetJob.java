package irw.service;

import irw.core.PatternFormatException;

import java.nio.file.Path;

/** The data of a label-refinery or mic job: the one "digits" or "xrd" directory its spec names. */
final class LearningSetJob {
    private LearningSetJob() {
    }

    static LearningData load(JobSpec spec, int trainPerClass, int testPerClass) {
        String kind = spec.data().containsKey(LearningData.DIGITS) ? LearningData.DIGITS : LearningData.XRD;
        Path dir = spec.data(kind);
        try {
            return LearningData.load(kind, dir, trainPerClass, testPerClass);
        } catch (PatternFormatException | RuntimeException e) {
            throw new IllegalArgumentException("data." + kind + ": " + e.getMessage(), e);
        }
    }
}
