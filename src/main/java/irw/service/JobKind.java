package irw.service;

import java.util.Arrays;
import java.util.Optional;

/** What a job trains; the wire name is what a job spec's {@code kind} field holds. */
public enum JobKind {
    CLASSIFIER("classifier"),
    REFINER("refiner"),
    LABEL_REFINERY("label-refinery"),
    MIC("mic");

    private final String wireName;

    JobKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<JobKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
