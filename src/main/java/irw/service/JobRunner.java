package irw.service;

/**
 * Trains one kind of job. The service calls {@link #run} on a worker thread, again after a crash
 * or a restart: a runner resumes from {@link JobContext#checkpointFile()} when it exists, so it
 * must write that file atomically every {@link JobContext#checkpointEvery()} steps.
 *
 * <p>A runner returns {@link Outcome#COMPLETED} when training is done (its model files
 * published), {@link Outcome#STOPPED} when it stopped early because
 * {@link JobContext#isCancelled()} turned true; it throws for anything that makes the job FAILED
 * (bad data, NaN, out of memory), with a message a user can act on.
 */
public interface JobRunner {
    enum Outcome { COMPLETED, STOPPED }

    /** The data references this kind needs and may take; validation of specs uses it. */
    JobSpecParser.DataRoles dataRoles();

    Outcome run(JobContext context) throws Exception;
}
