package irw.service;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.store.JobStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves {@code "job:<id>"} data references: the model file {@code <role>.irwm} that a FINISHED
 * job published (a refiner job's {@code "classifier": "job:job-3"} is job-3's classifier).
 */
final class PublishedModels implements JobSpecParser.JobReferences {
    private final JobStore store;
    private final Path jobsDir;

    PublishedModels(JobStore store, Path jobsDir) {
        this.store = store;
        this.jobsDir = jobsDir;
    }

    @Override
    public Path modelFile(String jobId, String role, String field) throws InvalidJobSpecException {
        JobView job = store.find(jobId).orElseThrow(() -> new InvalidJobSpecException(field, "no job '" + jobId + "'"));
        if (job.state() != JobState.FINISHED) {
            throw new InvalidJobSpecException(field, jobId + " is " + job.state() + "; only a FINISHED job's model can be used");
        }
        String name = role + ".irwm";
        String relative = store.artifactPath(jobId, name).orElseThrow(() -> new InvalidJobSpecException(field,
                jobId + " published no " + name + "; it published " + job.artifacts()));
        Path file = ArtifactNames.confine(jobsDir.resolve(jobId), relative);
        if (!Files.isRegularFile(file)) {
            throw new InvalidJobSpecException(field, "the model file of " + jobId + " is gone: " + file);
        }
        return file;
    }
}
