package irw.app.task;

/** What running work sees of its task: progress reporting and the cancel flag. */
public interface TaskContext {
    /** Reports progress; cheap enough to call per item (updates reach the UI coalesced). */
    void updateProgress(long done, long total);

    void updateMessage(String message);

    boolean isCancelled();
}
