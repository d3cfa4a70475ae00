package irw.service;

import java.nio.file.Path;
import java.util.Map;

/** What a {@link JobRunner} sees of the service while it trains one job. */
public interface JobContext {
    String jobId();

    JobSpec spec();

    /** The job's own directory under the data directory: checkpoints and model files go here. */
    Path workDir();

    /** Where the runner keeps its checkpoint; it exists when the job resumes. */
    default Path checkpointFile() {
        return workDir().resolve("checkpoint");
    }

    default int checkpointEvery() {
        return spec().checkpointEvery();
    }

    /** 1 for a job's first run, 2 after its first restart (a crash or a shutdown), and so on. */
    default int attempt() {
        return 1;
    }

    /** True when the user cancelled the job or the service is shutting down. */
    boolean isCancelled();

    /**
     * Once, when the trainer knows where it starts: from its checkpoint at {@code fromStep}, or from
     * the beginning. A resumed attempt's history then shows where it went on from.
     */
    default void started(long fromStep, boolean fromCheckpoint, long totalSteps) {
    }

    /** Records one training report in the job's metrics history (and on the event stream). */
    void report(int epoch, long step, long totalSteps, Map<String, Double> values);

    /** Publishes a file inside {@link #workDir()} as a downloadable artifact under {@code name}. */
    void publish(String name, Path file);
}
