package irw.cli;

import irw.service.api.JobState;
import irw.service.api.JobView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** Cancels a job. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a training job.")
final class CancelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "the job id (e.g. job-3)")
    String id;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        JobView job = service.client().cancel(id);
        System.out.println(job.id() + ": " + (job.state() == JobState.KILLED ? "KILLED" : "stopping (was " + job.state() + ")"));
        return 0;
    }
}
