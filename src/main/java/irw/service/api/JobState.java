package irw.service.api;

/** The life of a job. SCHEDULED and RUNNING are live; the other three are final. */
public enum JobState {
    SCHEDULED, RUNNING, FINISHED, FAILED, KILLED;

    public boolean isFinal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }
}
