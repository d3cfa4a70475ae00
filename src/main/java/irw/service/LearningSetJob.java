package irw.service;

import irw.core.PatternFormatException;

import java.nio.file.Path;

/** A label-refinery or mic runner: its data is the one "digits" or "xrd" directory its spec names. */
interface LearningSetJob extends JobRunner {
    @Override
    default JobSpecParser.DataRoles dataRoles() {
        return JobSpecParser.DataRoles.learningSet();
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
